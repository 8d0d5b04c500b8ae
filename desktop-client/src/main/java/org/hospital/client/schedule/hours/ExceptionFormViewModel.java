package org.hospital.client.schedule.hours;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.FieldProblem;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;

/**
 * The "Add leave / blocked time / extra session" form. Leave is usually whole days, so it starts that way:
 * from one day to another, both included. Times are in the hospital's zone.
 */
public final class ExceptionFormViewModel {

  static final int NOTE_MAX = 200;
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private final I18n i18n;
  private final ErrorMessages errors;
  private final ActionStatus status;
  private final ClinicHoursGateway gateway;
  private final long clinicianId;
  private final String clinicianName;
  private final ZoneId zone;
  private final Consumer<AddScheduleExceptionResponse> added;

  private final ObjectProperty<ScheduleExceptionKind> kind = new SimpleObjectProperty<>(ScheduleExceptionKind.LEAVE);
  private final BooleanProperty wholeDays = new SimpleBooleanProperty(true);
  private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
  private final StringProperty fromTime = new SimpleStringProperty("08:00");
  private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
  private final StringProperty toTime = new SimpleStringProperty("12:00");
  private final StringProperty slotMinutes = new SimpleStringProperty("15");
  private final StringProperty note = new SimpleStringProperty("");
  private final StringProperty fromProblem = new SimpleStringProperty("");
  private final StringProperty toProblem = new SimpleStringProperty("");
  private final StringProperty slotProblem = new SimpleStringProperty("");
  private final StringProperty noteProblem = new SimpleStringProperty("");
  private final BooleanProperty done = new SimpleBooleanProperty(false);

  /**
   * @param firstDay the day the form proposes (tomorrow)
   * @param added called once the server has added the exception
   */
  public ExceptionFormViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks,
      ClinicHoursGateway gateway, long clinicianId, String clinicianName, ZoneId zone, LocalDate firstDay,
      Consumer<AddScheduleExceptionResponse> added) {
    this.i18n = i18n;
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
    this.gateway = gateway;
    this.clinicianId = clinicianId;
    this.clinicianName = clinicianName;
    this.zone = zone;
    this.added = added;
    fromDate.set(firstDay);
    toDate.set(firstDay);
    // leave is whole days; blocked time and extra sessions are hours of one day
    kind.addListener((obs, old, now) -> wholeDays.set(now == ScheduleExceptionKind.LEAVE));
  }

  public void submit() {
    if (status.busyProperty().get() || done.get()) {
      return;
    }
    for (StringProperty p : new StringProperty[] {fromProblem, toProblem, slotProblem, noteProblem}) {
      p.set("");
    }
    status.clearError();
    Instant start = instant(fromDate.get(), wholeDays.get() ? "00:00" : fromTime.get(), fromProblem, false);
    Instant end = instant(toDate.get(), wholeDays.get() ? "00:00" : toTime.get(), toProblem, wholeDays.get());
    if (start != null && end != null && !end.isAfter(start)) {
      toProblem.set(i18n.get("hours.check.endAfterStart"));
    }
    int slot = 0;
    if (kind.get() == ScheduleExceptionKind.EXTRA_SESSION) {
      try {
        slot = Integer.parseInt(slotMinutes.get().strip());
      } catch (NumberFormatException e) {
        slot = -1;
      }
      if (slot < TemplateChecks.MIN_SLOT || slot > TemplateChecks.MAX_SLOT) {
        slotProblem.set(i18n.format("hours.check.slot", TemplateChecks.MIN_SLOT, TemplateChecks.MAX_SLOT));
      }
    }
    if (note.get().strip().length() > NOTE_MAX) {
      noteProblem.set(i18n.format("error.field.tooLongMax", NOTE_MAX));
    }
    if (!fromProblem.get().isEmpty() || !toProblem.get().isEmpty() || !slotProblem.get().isEmpty()
        || !noteProblem.get().isEmpty()) {
      return;
    }
    AddScheduleExceptionRequest request = AddScheduleExceptionRequest.newBuilder().setClinicianId(clinicianId)
        .setKind(kind.get()).setStart(timestamp(start))
        .setEnd(timestamp(end)).setSlotMinutes(Math.max(slot, 0)).setNote(note.get().strip())
        .build();
    status.call(() -> gateway.addException(request), response -> {
      done.set(true);
      added.accept(response);
    }, this::showFailure);
  }

  /** The instant of a day and "HH:MM" in the hospital's zone; a whole-days end is the start of the next day. */
  private Instant instant(LocalDate day, String time, StringProperty problem, boolean dayAfter) {
    if (day == null) {
      problem.set(i18n.get("error.field.REQUIRED"));
      return null;
    }
    String t = time == null ? "" : time.strip();
    if (!TIME.matcher(t).matches()) {
      problem.set(i18n.get("hours.check.time"));
      return null;
    }
    try {
      return (dayAfter ? day.plusDays(1) : day).atTime(LocalTime.parse(t)).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      problem.set(i18n.get("hours.check.time"));
      return null;
    }
  }

  private static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  private void showFailure(Throwable failure) {
    status.fail(failure);
    for (FieldProblem p : RpcFailure.of(failure).fieldProblems()) {
      StringProperty target = switch (p.field()) {
        case "start" -> fromProblem;
        case "end" -> toProblem;
        case "slot_minutes" -> slotProblem;
        case "note" -> noteProblem;
        default -> null;
      };
      if (target != null) {
        target.set(errors.fieldMessage(p));
      }
    }
  }

  /** Whose schedule the form changes. */
  public String clinicianName() {
    return clinicianName;
  }

  public ObjectProperty<ScheduleExceptionKind> kindProperty() {
    return kind;
  }

  public BooleanProperty wholeDaysProperty() {
    return wholeDays;
  }

  public ObjectProperty<LocalDate> fromDateProperty() {
    return fromDate;
  }

  public StringProperty fromTimeProperty() {
    return fromTime;
  }

  public ObjectProperty<LocalDate> toDateProperty() {
    return toDate;
  }

  public StringProperty toTimeProperty() {
    return toTime;
  }

  public StringProperty slotMinutesProperty() {
    return slotMinutes;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public StringProperty fromProblemProperty() {
    return fromProblem;
  }

  public StringProperty toProblemProperty() {
    return toProblem;
  }

  public StringProperty slotProblemProperty() {
    return slotProblem;
  }

  public StringProperty noteProblemProperty() {
    return noteProblem;
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }

  public BooleanProperty doneProperty() {
    return done;
  }
}
