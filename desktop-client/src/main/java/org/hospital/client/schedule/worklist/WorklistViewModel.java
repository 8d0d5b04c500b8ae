package org.hospital.client.schedule.worklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.schedule.AppointmentStates;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.LiveQueue;
import org.hospital.client.schedule.ScheduleFeed;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Clinician;

/**
 * A doctor's own patients for today, live: who is booked, who has arrived and since when, who is being seen.
 * "Call next patient" lets the server pick whoever has waited longest, so two doctors of a department never
 * call the same patient.
 */
public final class WorklistViewModel {

  private final I18n i18n;
  private final ErrorMessages errors;
  private final ScheduleText text;
  private final TaskRunner tasks;
  private final ScheduleGateway gateway;
  private final Clock clock;
  private final long ownId;

  private final ObservableList<WorklistEntry> entries = FXCollections.observableArrayList();
  private final ObjectProperty<WorklistEntry> selected = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper nowSeeing = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ActionStatus status;
  private final LiveQueue queue;

  private Clinic clinic;
  private java.util.function.LongConsumer chartOpener = id -> { };

  /** @param ownId the signed-in doctor's staff id, which is also their id as a clinician */
  public WorklistViewModel(I18n i18n, ErrorMessages errors, ScheduleText text, TaskRunner tasks,
      ScheduleGateway gateway, ScheduleFeed.Factory feeds, UiScheduler scheduler, Clock clock, long ownId) {
    this.i18n = i18n;
    this.errors = errors;
    this.text = text;
    this.tasks = tasks;
    this.gateway = gateway;
    this.clock = clock;
    this.ownId = ownId;
    this.status = new ActionStatus(tasks, errors);
    this.queue = new LiveQueue(feeds, scheduler, this::refresh);
  }

  public void start() {
    tasks.run(gateway::listClinicians, response -> {
      clinic = Clinic.of(response, clock.getZone());
      Optional<Clinician> own = clinic.clinicians().stream()
          .filter(c -> c.getId() == ownId).findFirst();
      if (own.isEmpty()) {
        status.refuse(i18n.get("worklist.notAClinician"));
        return;
      }
      LocalDate today = LocalDate.now(clock.withZone(clinic.zone()));
      queue.follow(ScheduleFilter.clinician(own.get().getId(), today, today));
    }, failure -> status.fail(failure));
  }

  public void dispose() {
    queue.close();
  }

  /** The server starts the consultation of whoever has waited longest. */
  public void callNextPatient() {
    status.run(() -> gateway.callNextPatient(0), called -> i18n.format("worklist.called", text.patient(called)),
        failure -> {
          RpcFailure rpc = RpcFailure.of(failure);
          return rpc.is(ErrorReason.NOT_FOUND) ? i18n.get("worklist.nobodyWaiting") : errors.describe(rpc);
        });
  }

  /** Where "open chart" goes: the Chart area, on the consultation's encounter. */
  public void setChartOpener(java.util.function.LongConsumer opener) {
    this.chartOpener = opener;
  }

  /** Starts the selected patient's consultation and opens their chart on it. */
  public void startConsultation() {
    WorklistEntry entry = selected.get();
    if (entry == null || !AppointmentStates.is(entry.appointment(), AppointmentStatus.CHECKED_IN)) {
      status.refuse(i18n.get("worklist.selectWaiting"));
      return;
    }
    Appointment appointment = entry.appointment();
    status.run(() -> gateway.updateStatus(appointment.getId(), appointment.getVersion(),
        AppointmentStatus.IN_CONSULTATION), done -> {
          chartOpener.accept(done.getId());
          return i18n.format("worklist.started", text.patient(done));
        });
  }

  /** The chart of the selected patient, on the consultation (waiting or in it). */
  public void openChart() {
    WorklistEntry entry = selected.get();
    if (entry == null || !(AppointmentStates.is(entry.appointment(), AppointmentStatus.CHECKED_IN)
        || AppointmentStates.is(entry.appointment(), AppointmentStatus.IN_CONSULTATION))) {
      status.refuse(i18n.get("worklist.selectWaiting"));
      return;
    }
    chartOpener.accept(entry.appointment().getId());
  }

  public void completeConsultation() {
    change(AppointmentStatus.IN_CONSULTATION, AppointmentStatus.COMPLETED, "worklist.selectInConsultation",
        "worklist.completed");
  }

  private void change(AppointmentStatus from, AppointmentStatus to, String hintKey, String doneKey) {
    WorklistEntry entry = selected.get();
    if (entry == null || !AppointmentStates.is(entry.appointment(), from)) {
      status.refuse(i18n.get(hintKey));
      return;
    }
    Appointment appointment = entry.appointment();
    status.run(() -> gateway.updateStatus(appointment.getId(), appointment.getVersion(), to),
        done -> i18n.format(doneKey, text.patient(done)));
  }

  private void refresh() {
    if (!queue.following()) {
      return;
    }
    ZoneId zone = clinic.zone();
    Instant now = clock.instant();
    Long selectedId = selected.get() == null ? null : selected.get().appointment().getId();
    entries.setAll(queue.items().stream().filter(AppointmentStates::shownOnSchedule)
        .sorted(Comparator.comparing((Appointment a) -> ScheduleText.toInstant(a.getStart()))
            .thenComparingLong(Appointment::getId))
        .map(a -> entry(a, zone, now)).toList());
    selected.set(entries.stream().filter(e -> selectedId != null && e.appointment().getId() == selectedId)
        .findFirst().orElse(null));
    nowSeeing.set(entries.stream().filter(e -> AppointmentStates.is(e.appointment(),
        AppointmentStatus.IN_CONSULTATION)).map(WorklistEntry::patient).findFirst().orElse(""));
    long waitingCount = entries.stream()
        .filter(e -> AppointmentStates.is(e.appointment(), AppointmentStatus.CHECKED_IN)).count();
    long expected = entries.stream()
        .filter(e -> AppointmentStates.is(e.appointment(), AppointmentStatus.BOOKED)).count();
    summary.set(i18n.format("worklist.summary", waitingCount, expected));
  }

  private WorklistEntry entry(Appointment a, ZoneId zone, Instant now) {
    String since = switch (a.getStatus()) {
      case CHECKED_IN -> i18n.format("worklist.waitingSince", text.time(a.getCheckedInAt(), zone),
          text.waited(Duration.between(ScheduleText.toInstant(a.getCheckedInAt()), now)));
      case IN_CONSULTATION -> i18n.format("worklist.inConsultationSince",
          text.time(a.getConsultationStartedAt(), zone));
      default -> "";
    };
    String time = a.getWalkIn() ? i18n.get("schedule.walkIn") : text.time(a.getStart(), zone);
    return new WorklistEntry(a, time, text.patient(a), text.visitTypeAndSeries(a), text.status(a.getStatus()),
        since);
  }

  public ObservableList<WorklistEntry> entries() {
    return entries;
  }

  public ObjectProperty<WorklistEntry> selectedProperty() {
    return selected;
  }

  public ReadOnlyObjectProperty<FeedStatus> feedStatusProperty() {
    return queue.statusProperty();
  }

  public ReadOnlyStringProperty nowSeeingProperty() {
    return nowSeeing.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
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
