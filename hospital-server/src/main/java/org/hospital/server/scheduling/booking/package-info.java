/**
 * Booking and rescheduling one appointment into a free slot, overbooking with a reason, and the appointment RPCs.
 */
package org.hospital.server.scheduling.booking;
