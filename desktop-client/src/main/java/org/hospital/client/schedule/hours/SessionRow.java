package org.hospital.client.schedule.hours;

import java.time.DayOfWeek;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.proto.scheduling.v1.TemplateSession;

/**
 * One editable session of the weekly template. Numbers are kept as the text typed, so that a half-typed
 * value can be shown and explained instead of being silently dropped.
 */
public final class SessionRow {

  private final ObjectProperty<DayOfWeek> weekday = new SimpleObjectProperty<>();
  private final StringProperty start = new SimpleStringProperty("");
  private final StringProperty end = new SimpleStringProperty("");
  private final StringProperty slotMinutes = new SimpleStringProperty("");
  /** Empty or 0: one booking per slot. */
  private final StringProperty maxAppointments = new SimpleStringProperty("");
  /** What is wrong with the row, in words; empty when nothing is known to be wrong. */
  private final StringProperty problem = new SimpleStringProperty("");

  public SessionRow(DayOfWeek weekday, String start, String end, String slotMinutes, String maxAppointments) {
    this.weekday.set(weekday);
    this.start.set(start);
    this.end.set(end);
    this.slotMinutes.set(slotMinutes);
    this.maxAppointments.set(maxAppointments);
  }

  static SessionRow of(TemplateSession s) {
    return new SessionRow(DayOfWeek.of(s.getWeekday()), s.getStartTime(), s.getEndTime(),
        Integer.toString(s.getSlotMinutes()), s.getMaxAppointments() == 0 ? "" : Integer.toString(
            s.getMaxAppointments()));
  }

  /** The row as sent; only for rows that passed {@link TemplateChecks}. */
  TemplateSession toProto() {
    String max = maxAppointments.get().strip();
    return TemplateSession.newBuilder().setWeekday(weekday.get().getValue()).setStartTime(start.get().strip())
        .setEndTime(end.get().strip()).setSlotMinutes(Integer.parseInt(slotMinutes.get().strip()))
        .setMaxAppointments(max.isEmpty() ? 0 : Integer.parseInt(max)).build();
  }

  public ObjectProperty<DayOfWeek> weekdayProperty() {
    return weekday;
  }

  public StringProperty startProperty() {
    return start;
  }

  public StringProperty endProperty() {
    return end;
  }

  public StringProperty slotMinutesProperty() {
    return slotMinutes;
  }

  public StringProperty maxAppointmentsProperty() {
    return maxAppointments;
  }

  public StringProperty problemProperty() {
    return problem;
  }
}
