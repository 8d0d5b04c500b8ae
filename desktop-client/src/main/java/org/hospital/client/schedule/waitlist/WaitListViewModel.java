package org.hospital.client.schedule.waitlist;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/**
 * The open wait list of the department on screen, longest waiting first. The list has no live stream, so it
 * is read again after every change made here and every half minute for the changes of other desks.
 */
public final class WaitListViewModel {

  static final Duration REFRESH = Duration.ofSeconds(30);

  private final I18n i18n;
  private final ErrorMessages errors;
  private final ScheduleText text;
  private final TaskRunner tasks;
  private final WaitListGateway gateway;
  private final WaitListDialogs dialogs;
  private final UiScheduler scheduler;

  private final ObservableList<WaitListRow> rows = FXCollections.observableArrayList();
  private final StringProperty notice = new SimpleStringProperty("");
  private final StringProperty errorMessage = new SimpleStringProperty("");

  private Clinic clinic;
  private Department department;
  private Cancellable tick = Cancellable.NONE;
  private Cancellable loading = Cancellable.NONE;
  /** Answers for a department no longer on screen are dropped. */
  private long generation;

  public WaitListViewModel(I18n i18n, ErrorMessages errors, ScheduleText text, TaskRunner tasks,
      WaitListGateway gateway, WaitListDialogs dialogs, UiScheduler scheduler) {
    this.i18n = i18n;
    this.errors = errors;
    this.text = text;
    this.tasks = tasks;
    this.gateway = gateway;
    this.dialogs = dialogs;
    this.scheduler = scheduler;
  }

  /** Shows the list of this department (null: none). */
  public void show(Clinic knownClinic, Department shown) {
    clinic = knownClinic;
    department = knownClinic == null ? null : shown;
    generation++;
    rows.clear();
    errorMessage.set("");
    reload();
  }

  /** Reads the list again now (and again every {@link #REFRESH}). */
  public void reload() {
    tick.cancel();
    loading.cancel();
    if (department == null) {
      return;
    }
    long asked = generation;
    long departmentId = department.getId();
    loading = tasks.run(() -> gateway.list(departmentId), entries -> {
      if (asked == generation) {
        rows.setAll(entries.stream().map(this::row).toList());
      }
    }, failure -> {
      if (asked == generation) {
        errorMessage.set(errors.describe(failure));
      }
    });
    tick = scheduler.schedule(REFRESH, this::reload);
  }

  public void add() {
    if (department == null) {
      return;
    }
    dialogs.add(clinic, department, entry -> {
      errorMessage.set("");
      notice.set(i18n.format("waitList.added", entry.getPatientName()));
      reload();
    });
  }

  public void remove(WaitListRow row) {
    if (row == null) {
      errorMessage.set(i18n.get("waitList.selectEntry"));
      return;
    }
    WaitListEntry e = row.entry();
    dialogs.askRemoveReason(i18n.format("schedule.patientWithMrn", e.getPatientName(), e.getPatientMrn()),
        reason -> tasks.run(() -> {
          gateway.remove(e.getId(), e.getVersion(), reason);
          return true;
        }, done -> {
          errorMessage.set("");
          notice.set(i18n.format("waitList.removed", e.getPatientName()));
          reload();
        }, failure -> {
          errorMessage.set(errors.describe(failure));
          reload(); // a stale entry is shown as it is now
        }));
  }

  public void dispose() {
    tick.cancel();
    loading.cancel();
    department = null;
  }

  WaitListRow row(WaitListEntry e) {
    String target = e.getClinicianId() == 0 ? i18n.get("waitList.anyInDepartment")
        : clinic.clinicianName(e.getClinicianId());
    ZoneId zone = clinic.zone();
    String since = i18n.format("waitList.since", shortDay(ScheduleText.toInstant(e.getAddedAt()).atZone(zone)
        .toLocalDate()));
    return new WaitListRow(e, target, i18n.format("waitList.days", shortDay(e.getEarliest()),
        shortDay(e.getLatest())), text.visitType(e.getVisitType()), since);
  }

  private String shortDay(Date d) {
    return PatientText.toLocalDate(d).map(this::shortDay).orElse("");
  }

  /** Day and month only: the side panel is narrow, and entries reach at most a quarter ahead. */
  private String shortDay(LocalDate d) {
    return DateTimeFormatter.ofPattern("d MMM", i18n.locale()).format(d);
  }

  public ObservableList<WaitListRow> rows() {
    return rows;
  }

  public StringProperty noticeProperty() {
    return notice;
  }

  public StringProperty errorMessageProperty() {
    return errorMessage;
  }
}
