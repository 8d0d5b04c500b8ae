/**
 * Clinics and hours: weekly templates and their versions, exceptions (leave, extra sessions), the slots they make (`SlotCalculator`, `ScheduleCalendar`), the free-slot queries, and the appointments left outside changed hours (`OffScheduleBookings`).
 */
package org.hospital.server.scheduling.hours;
