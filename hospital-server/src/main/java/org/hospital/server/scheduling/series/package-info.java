/**
 * Recurring series: several appointments booked, and refused, as one.
 */
package org.hospital.server.scheduling.series;
