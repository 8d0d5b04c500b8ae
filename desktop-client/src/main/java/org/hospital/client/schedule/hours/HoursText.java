package org.hospital.client.schedule.hours;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleExceptionEntry;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;

/** How exceptions and off-schedule appointments read in the Clinic hours area, in the hospital's zone. */
public final class HoursText {

  private final I18n i18n;
  private final ScheduleText text;
  private final DateTimeFormatter shortDay;
  private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");

  public HoursText(I18n i18n, ScheduleText text) {
    this.i18n = i18n;
    this.text = text;
    this.shortDay = DateTimeFormatter.ofPattern("EEE d MMM yyyy", i18n.locale());
  }

  public String kind(ScheduleExceptionKind kind) {
    if (kind == null) {
      return "";
    }
    return switch (kind) {
      case LEAVE -> i18n.get("hours.kind.LEAVE");
      case BLOCKED -> i18n.get("hours.kind.BLOCKED");
      case EXTRA_SESSION -> i18n.get("hours.kind.EXTRA_SESSION");
      default -> "";
    };
  }

  /** "Leave · Thu 3 Dec 2026 – Fri 4 Dec 2026 (whole days) · Conference". */
  public String exception(ScheduleExceptionEntry e, ZoneId zone) {
    ZonedDateTime start = ScheduleText.toInstant(e.getStart()).atZone(zone);
    ZonedDateTime end = ScheduleText.toInstant(e.getEnd()).atZone(zone);
    String when;
    if (start.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      ZonedDateTime lastDay = end.minusDays(1);
      when = lastDay.toLocalDate().equals(start.toLocalDate())
          ? i18n.format("hours.wholeDay", shortDay.format(start))
          : i18n.format("hours.wholeDays", shortDay.format(start), shortDay.format(lastDay));
    } else if (start.toLocalDate().equals(end.toLocalDate())) {
      when = i18n.format("hours.sameDayRange", shortDay.format(start), time.format(start), time.format(end));
    } else {
      when = i18n.format("hours.range", shortDay.format(start), time.format(start), shortDay.format(end),
          time.format(end));
    }
    String line = kind(e.getKind()) + " \u00b7 " + when;
    if (e.getKind() == ScheduleExceptionKind.EXTRA_SESSION) {
      line += " \u00b7 " + i18n.format("hours.slotOf", e.getSlotMinutes());
    }
    return e.getNote().isBlank() ? line : line + " \u00b7 " + e.getNote();
  }

  /** "Thu 3 Dec 2026". */
  public String day(java.time.LocalDate date) {
    return shortDay.format(date);
  }

  /** "Thu 3 Dec 2026, 09:00". */
  public String when(Appointment a, ZoneId zone) {
    ZonedDateTime start = ScheduleText.toInstant(a.getStart()).atZone(zone);
    return i18n.format("hours.dayAndTime", shortDay.format(start), text.time(a.getStart(), zone));
  }

  public String patient(Appointment a) {
    return text.patient(a);
  }
}
