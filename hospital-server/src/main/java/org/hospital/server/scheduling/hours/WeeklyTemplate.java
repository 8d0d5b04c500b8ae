package org.hospital.server.scheduling.hours;

import java.time.LocalDate;
import java.time.LocalTime;

/** One session of a clinician's regular week, valid from {@code validFrom} to {@code validTo} (inclusive, or open). */
public record WeeklyTemplate(long clinicianId, int weekday, LocalTime start, LocalTime end, int slotMinutes,
    int maxAppointments, LocalDate validFrom, LocalDate validTo) {

  boolean appliesOn(LocalDate date) {
    return date.getDayOfWeek().getValue() == weekday && validOn(date);
  }

  /** Whether this version of the template is the one in force on the date (whatever the weekday). */
  boolean validOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }
}
