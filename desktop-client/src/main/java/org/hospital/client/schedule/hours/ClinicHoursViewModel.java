package org.hospital.client.schedule.hours;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.ScheduleDialogs;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleResponse;
import org.hospital.proto.scheduling.v1.ScheduleExceptionEntry;

/**
 * Clinic hours: one clinician's weekly template from a chosen day on, the exceptions still ahead, and the
 * bookings left without a slot ("off schedule"), which are listed for rebooking and never moved or cancelled
 * by a schedule change (decisions 0305, 0309).
 */
public final class ClinicHoursViewModel {

  private final I18n i18n;
  private final ErrorMessages errors;
  private final TaskRunner tasks;
  private final ScheduleGateway schedule;
  private final ClinicHoursGateway hours;
  private final HoursText text;
  private final ScheduleDialogs dialogs;
  private final ExceptionDialogs exceptionDialogs;
  private final Clock clock;
  private final TemplateChecks checks;
  private final Rebooking rebooking;

  private final ObjectProperty<Clinic> clinic = new SimpleObjectProperty<>();
  private final ObservableList<Department> departments = FXCollections.observableArrayList();
  private final ObjectProperty<Department> department = new SimpleObjectProperty<>();
  private final ObservableList<Clinician> clinicians = FXCollections.observableArrayList();
  private final ObjectProperty<Clinician> clinician = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> effectiveFrom = new SimpleObjectProperty<>();
  private final StringProperty effectiveFromProblem = new SimpleStringProperty("");
  private final ObservableList<SessionRow> rows = FXCollections.observableArrayList();
  private final ObservableList<ScheduleExceptionEntry> exceptions = FXCollections.observableArrayList();
  private final ObjectProperty<ScheduleExceptionEntry> selectedException = new SimpleObjectProperty<>();
  private final ObservableList<Appointment> offSchedule = FXCollections.observableArrayList();
  private final ActionStatus status;
  private Cancellable loading = Cancellable.NONE;
  /** Whose hours, as of which day, the table holds; null while loading or after a failed read. */
  private Clinician loadedFor;
  private LocalDate loadedAsOf;

  public ClinicHoursViewModel(I18n i18n, ErrorMessages errors, HoursText text, TaskRunner tasks,
      ScheduleGateway schedule, ClinicHoursGateway hours, ScheduleDialogs dialogs, ExceptionDialogs exceptionDialogs,
      Clock clock) {
    this.i18n = i18n;
    this.errors = errors;
    this.tasks = tasks;
    this.schedule = schedule;
    this.hours = hours;
    this.text = text;
    this.dialogs = dialogs;
    this.exceptionDialogs = exceptionDialogs;
    this.clock = clock;
    this.checks = new TemplateChecks(i18n, errors, new WeekdayNames(i18n.locale()));
    this.status = new ActionStatus(tasks, errors);
    this.rebooking = new Rebooking(i18n, text, schedule, dialogs, clock, this::zone, status, this::reload);
    effectiveFrom.set(LocalDate.now(clock).plusDays(1));
    department.addListener((obs, old, now) -> {
      Clinic known = clinic.get();
      clinicians.setAll(known == null || now == null ? List.of() : known.cliniciansOf(now.getId()));
      clinician.set(clinicians.isEmpty() ? null : clinicians.getFirst());
    });
    clinician.addListener((obs, old, now) -> load());
    effectiveFrom.addListener((obs, old, now) -> load());
  }

  /** Loads departments and clinicians, then the first clinician's hours. */
  public void start() {
    status.call(schedule::listClinicians, response -> {
      Clinic loaded = Clinic.of(response, clock.getZone());
      clinic.set(loaded);
      // changes start tomorrow at the earliest, the hospital's tomorrow
      effectiveFrom.set(LocalDate.now(clock.withZone(loaded.zone())).plusDays(1));
      departments.setAll(loaded.departments().stream().filter(d -> !loaded.cliniciansOf(d.getId()).isEmpty())
          .toList());
      department.set(departments.isEmpty() ? null : departments.getFirst());
    }, status::fail);
  }

  /**
   * Reads the chosen clinician's template (as valid on "effective from"), exceptions and off-schedule list; an
   * old error goes once they are read.
   */
  public void load() {
    read(false);
  }

  /** Reads them again after a change made here, leaving the message that says what the change did. */
  private void reload() {
    read(true);
  }

  private void read(boolean afterChange) {
    loading.cancel();
    loadedFor = null;
    Clinician who = clinician.get();
    LocalDate asOf = effectiveFrom.get();
    if (who == null || asOf == null) {
      rows.clear();
      exceptions.clear();
      offSchedule.clear();
      return;
    }
    effectiveFromProblem.set("");
    Callable<GetClinicianScheduleResponse> work = () -> hours.schedule(who.getId(), asOf);
    Consumer<GetClinicianScheduleResponse> show = response -> {
      rows.setAll(response.getSessionsList().stream().map(SessionRow::of).toList());
      exceptions.setAll(response.getExceptionsList());
      offSchedule.setAll(response.getOffScheduleList());
      loadedFor = who;
      loadedAsOf = asOf;
    };
    loading = afterChange ? status.reload(work, show) : status.call(work, show, status::fail);
  }

  public void addSession() {
    DayOfWeek day = rows.isEmpty() ? DayOfWeek.MONDAY : rows.getLast().weekdayProperty().get();
    rows.add(new SessionRow(day == null ? DayOfWeek.MONDAY : day, "08:00", "12:00", "15", ""));
  }

  public void removeSession(SessionRow row) {
    rows.remove(row);
  }

  /** Checks the rows, then replaces the template from "effective from" on. */
  public void save() {
    Clinician who = clinician.get();
    LocalDate from = effectiveFrom.get();
    status.clearError();
    effectiveFromProblem.set("");
    boolean fine = checks.check(rows);
    if (from == null || !from.isAfter(LocalDate.now(clock.withZone(zone())))) {
      effectiveFromProblem.set(i18n.get("hours.check.effectiveFrom"));
      fine = false;
    }
    if (who == null || !fine) {
      status.refuse(i18n.get("hours.fixProblems"));
      return;
    }
    // the table must be this clinician's, read for this day: never save another's week (or an empty one)
    if (!who.equals(loadedFor) || !from.equals(loadedAsOf)) {
      status.refuse(i18n.get("hours.notLoaded"));
      return;
    }
    List<SessionRow> sent = List.copyOf(rows);
    status.call(() -> hours.setWeeklyTemplate(who.getId(), from, sent.stream().map(SessionRow::toProto).toList()),
        off -> {
          status.say(changed(i18n.format("hours.saved", who.getDisplayName(), text.day(from)), off));
          reload();
        }, failure -> {
          status.fail(failure);
          checks.showServerProblems(RpcFailure.of(failure), sent, effectiveFromProblem);
        });
  }

  /** Opens the form for leave, blocked time or an extra session of the chosen clinician. */
  public void addException() {
    Clinician who = clinician.get();
    if (who == null) {
      return;
    }
    status.clearError();
    exceptionDialogs.addException(new ExceptionFormViewModel(i18n, errors, tasks, hours, who.getId(),
        who.getDisplayName(), zone(),
        LocalDate.now(clock.withZone(zone())).plusDays(1), added -> {
          status.say(changed(i18n.format("hours.exceptionAdded", who.getDisplayName()), added.getOffScheduleList()));
          reload();
        }));
  }

  /** Deletes the selected exception (entered by mistake) after asking. */
  public void removeException() {
    ScheduleExceptionEntry chosen = selectedException.get();
    if (chosen == null) {
      status.refuse(i18n.get("hours.selectException"));
      return;
    }
    status.clearError();
    dialogs.confirm(i18n.format("hours.removeQuestion", text.exception(chosen, zone()),
        clinician.get().getDisplayName()),
        i18n.get("hours.removeException"), () -> status.call(() -> hours.removeException(chosen.getId()), off -> {
          status.say(changed(i18n.get("hours.exceptionRemoved"), off));
          reload();
        }, failure -> {
          status.fail(failure);
          reload(); // whatever went wrong, the list shows what the server holds now
        }));
  }

  /** Offers the clinician's next free slots for an off-schedule appointment and moves it to the one chosen. */
  public void rebook(Appointment appointment) {
    rebooking.rebook(appointment);
  }

  private String changed(String done, List<Appointment> off) {
    return off.isEmpty() ? done + " " + i18n.get("hours.noneOffSchedule")
        : done + " " + i18n.format("hours.someOffSchedule", off.size());
  }

  public ZoneId zone() {
    Clinic known = clinic.get();
    return known == null ? clock.getZone() : known.zone();
  }

  public ObservableList<Department> departments() {
    return departments;
  }

  public ObjectProperty<Department> departmentProperty() {
    return department;
  }

  public ObservableList<Clinician> clinicians() {
    return clinicians;
  }

  public ObjectProperty<Clinician> clinicianProperty() {
    return clinician;
  }

  public ObjectProperty<LocalDate> effectiveFromProperty() {
    return effectiveFrom;
  }

  public StringProperty effectiveFromProblemProperty() {
    return effectiveFromProblem;
  }

  public ObservableList<SessionRow> rows() {
    return rows;
  }

  public ObservableList<ScheduleExceptionEntry> exceptions() {
    return exceptions;
  }

  public ObjectProperty<ScheduleExceptionEntry> selectedExceptionProperty() {
    return selectedException;
  }

  public ObservableList<Appointment> offSchedule() {
    return offSchedule;
  }

  public StringProperty noticeProperty() {
    return status.noticeProperty();
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }
}
