/**
 * The appointment and its tables: the row as read, the statuses and visit types, inserts and status changes (`AppointmentStore`), the range and lookup queries (`AppointmentReads`), version-checked transitions, and the departments, clinicians and patients a booking names (`Directory`).
 */
package org.hospital.server.scheduling.appointments;
