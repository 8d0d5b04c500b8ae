/**
 * The visit on the day: check-in (booked or walk-in), calling the next patient, the consultation, completion, no-shows and cancellation.
 */
package org.hospital.server.scheduling.visits;
