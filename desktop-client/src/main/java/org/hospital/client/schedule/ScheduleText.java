package org.hospital.client.schedule;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.VisitType;

/** How schedule data reads on screen: times in the hospital's zone, statuses and visit types in words. */
public final class ScheduleText {

  private final I18n i18n;
  private final DateTimeFormatter time;
  private final DateTimeFormatter day;

  public ScheduleText(I18n i18n) {
    this.i18n = i18n;
    this.time = DateTimeFormatter.ofPattern("HH:mm", i18n.locale());
    this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(i18n.locale());
  }

  public String time(Instant instant, ZoneId zone) {
    return time.format(instant.atZone(zone));
  }

  public String time(Timestamp timestamp, ZoneId zone) {
    return time(toInstant(timestamp), zone);
  }

  public String day(LocalDate date) {
    return day.format(date);
  }

  public String status(AppointmentStatus status) {
    if (status == AppointmentStatus.UNRECOGNIZED || status == AppointmentStatus.APPOINTMENT_STATUS_UNSPECIFIED) {
      return "";
    }
    return i18n.dynamic("appointment.status.", status.name());
  }

  public String visitType(VisitType type) {
    if (type == VisitType.UNRECOGNIZED || type == VisitType.VISIT_TYPE_UNSPECIFIED) {
      return "";
    }
    return i18n.dynamic("visit.", type.name());
  }

  /** "DOE, Jane · MRN-123" as a one-line description of whose appointment it is. */
  public String patient(Appointment appointment) {
    return i18n.format("schedule.patientWithMrn", appointment.getPatientName(), appointment.getPatientMrn());
  }

  /** "3/6" for the third of a series of six; empty for a single appointment. */
  public String seriesMark(Appointment appointment) {
    return appointment.getSeriesId() == 0 ? ""
        : i18n.format("series.mark", appointment.getSeriesPosition(), appointment.getSeriesCount());
  }

  /** The visit type for lists, with "3/6" after it for a member of a series. */
  public String visitTypeAndSeries(Appointment appointment) {
    String type = visitType(appointment.getVisitType());
    return appointment.getSeriesId() == 0 ? type
        : i18n.format("series.visitTypeWithMark", type, seriesMark(appointment));
  }

  /** The short mark of an overbooked appointment on its card. */
  public String overbookedMark() {
    return i18n.get("series.overbookedMark");
  }

  /** On a booked appointment whose time the clinician's schedule no longer has (leave, changed hours). */
  public String clinicianUnavailableMark() {
    return i18n.get("schedule.clinicianUnavailable");
  }

  public String clinicianUnavailableExplained() {
    return i18n.get("schedule.clinicianUnavailableTooltip");
  }

  /** Whole minutes, as a waiting room counts: "0 min", "12 min", "1 h 05 min". */
  public String waited(Duration waited) {
    long minutes = Math.max(0, waited.toMinutes());
    if (minutes < 60) {
      return i18n.format("schedule.waitedMinutes", minutes);
    }
    return i18n.format("schedule.waitedHours", minutes / 60, String.format("%02d", minutes % 60));
  }

  public static Instant toInstant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
