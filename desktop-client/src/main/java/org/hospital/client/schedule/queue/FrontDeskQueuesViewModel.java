package org.hospital.client.schedule.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.schedule.AppointmentStates;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.IdempotencyKeys;
import org.hospital.client.schedule.LiveQueue;
import org.hospital.client.schedule.ScheduleFeed;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Department;

/**
 * The front desk's two lists for today, live, for the department on screen: who is expected and has not
 * arrived (earliest first), and who is in the waiting room (longest waiting first), with a waiting time that
 * moves on by itself.
 */
public final class FrontDeskQueuesViewModel {

  private final I18n i18n;
  private final ScheduleText text;
  private final ScheduleGateway gateway;
  private final Clock clock;
  private final ErrorMessages errors;

  private final ObservableList<QueueEntry> arrivals = FXCollections.observableArrayList();
  private final ObservableList<QueueEntry> waiting = FXCollections.observableArrayList();
  private final ActionStatus status;
  private final LiveQueue queue;

  private Clinic clinic;

  public FrontDeskQueuesViewModel(I18n i18n, ErrorMessages errors, ScheduleText text, TaskRunner tasks,
      ScheduleGateway gateway, ScheduleFeed.Factory feeds, UiScheduler scheduler, Clock clock) {
    this.i18n = i18n;
    this.status = new ActionStatus(tasks, errors);
    this.errors = errors;
    this.text = text;
    this.gateway = gateway;
    this.clock = clock;
    this.queue = new LiveQueue(feeds, scheduler, this::refresh);
  }

  /** Follows today's appointments of this department (null: none). */
  public void show(Clinic knownClinic, Department department) {
    queue.close();
    this.clinic = knownClinic;
    arrivals.clear();
    waiting.clear();
    if (knownClinic == null || department == null) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(knownClinic.zone()));
    queue.follow(ScheduleFilter.department(department.getId(), today));
  }

  public void dispose() {
    queue.close();
  }

  /** Marks an expected patient as arrived. */
  public void checkIn(QueueEntry entry) {
    if (entry == null || !AppointmentStates.is(entry.appointment(), AppointmentStatus.BOOKED)) {
      status.refuse(i18n.get("schedule.selectBookedToCheckIn"));
      return;
    }
    if (!entry.checkInRefusal().isEmpty()) {
      status.refuse(entry.checkInRefusal());
      return;
    }
    Appointment appointment = entry.appointment();
    String key = IdempotencyKeys.forStep("check-in", appointment.getId(), appointment.getVersion());
    status.run(() -> gateway.checkIn(key, appointment.getId()),
        done -> i18n.format("schedule.checkedIn", text.patient(done)));
  }

  private void refresh() {
    if (!queue.following() || clinic == null) {
      return;
    }
    ZoneId zone = clinic.zone();
    Instant now = clock.instant();
    arrivals.setAll(queue.items().stream()
        .filter(a -> a.getStatus() == AppointmentStatus.BOOKED)
        .sorted(Comparator.comparing((Appointment a) -> ScheduleText.toInstant(a.getStart()))
            .thenComparingLong(Appointment::getId))
        .map(a -> entry(a, zone, "").withRefusal(checkInRefusal(a)))
        .toList());
    waiting.setAll(queue.items().stream()
        .filter(a -> a.getStatus() == AppointmentStatus.CHECKED_IN)
        .sorted(Comparator.comparing((Appointment a) -> ScheduleText.toInstant(a.getCheckedInAt()))
            .thenComparingLong(Appointment::getId))
        .map(a -> entry(a, zone,
            text.waited(Duration.between(ScheduleText.toInstant(a.getCheckedInAt()), now))))
        .toList());
  }

  /**
   * Why this expected patient cannot be checked in yet (too early for the window) or any more (the day is
   * over), by the server's clock and rule; empty when they can.
   */
  private String checkInRefusal(Appointment a) {
    return clinic.checkIn().refusal(ScheduleText.toInstant(a.getStart()), clinic.now(clock))
        .map(r -> errors.checkInRefusal(r.start(), r.opensAt(), r.closed(), clinic.zone())).orElse("");
  }

  private QueueEntry entry(Appointment a, ZoneId zone, String waited) {
    String time = a.getWalkIn() ? i18n.get("schedule.walkIn") : text.time(a.getStart(), zone);
    return new QueueEntry(a, time, text.patient(a), clinic.clinicianName(a.getClinicianId()),
        text.visitTypeAndSeries(a), waited);
  }

  public ObservableList<QueueEntry> arrivals() {
    return arrivals;
  }

  public ObservableList<QueueEntry> waiting() {
    return waiting;
  }

  public ReadOnlyObjectProperty<FeedStatus> feedStatusProperty() {
    return queue.statusProperty();
  }

  public StringProperty noticeProperty() {
    return status.noticeProperty();
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }
}
