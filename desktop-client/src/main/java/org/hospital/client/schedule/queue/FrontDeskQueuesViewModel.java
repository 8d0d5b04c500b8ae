package org.hospital.client.schedule.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.schedule.AppointmentStates;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.IdempotencyKeys;
import org.hospital.client.schedule.ScheduleFeed;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;

/**
 * The front desk's two lists for today, live, for the department on screen: who is expected and has not
 * arrived (earliest first), and who is in the waiting room (longest waiting first), with a waiting time that
 * moves on by itself.
 */
public final class FrontDeskQueuesViewModel {

  /** Waiting times are whole minutes; refreshing more often would change nothing on screen. */
  static final Duration TICK = Duration.ofSeconds(20);

  private final I18n i18n;
  private final ScheduleText text;
  private final ScheduleGateway gateway;
  private final ScheduleFeed.Factory feeds;
  private final UiScheduler scheduler;
  private final Clock clock;

  private final ObservableList<QueueEntry> arrivals = FXCollections.observableArrayList();
  private final ObservableList<QueueEntry> waiting = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<FeedStatus> feedStatus = new ReadOnlyObjectWrapper<>(FeedStatus.CONNECTING);
  private final ActionStatus status;

  private Clinic clinic;
  private LiveFeed<ScheduleUpdate, Appointment> feed;
  private Cancellable tick = Cancellable.NONE;
  private final ChangeListener<Number> feedChanged = (obs, old, now) -> refresh();
  private final ChangeListener<FeedStatus> feedStatusChanged = (obs, old, now) -> feedStatus.set(now);

  public FrontDeskQueuesViewModel(I18n i18n, ErrorMessages errors, ScheduleText text, TaskRunner tasks,
      ScheduleGateway gateway, ScheduleFeed.Factory feeds, UiScheduler scheduler, Clock clock) {
    this.i18n = i18n;
    this.status = new ActionStatus(tasks, errors);
    this.text = text;
    this.gateway = gateway;
    this.feeds = feeds;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Follows today's appointments of this department (null: none). */
  public void show(Clinic knownClinic, Department department) {
    closeFeed();
    this.clinic = knownClinic;
    arrivals.clear();
    waiting.clear();
    if (knownClinic == null || department == null) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(knownClinic.zone()));
    feed = feeds.open(ScheduleFilter.department(department.getId(), today));
    feed.revisionProperty().addListener(feedChanged);
    feed.statusProperty().addListener(feedStatusChanged);
    feedStatus.set(feed.statusProperty().get());
    scheduleTick();
  }

  public void dispose() {
    closeFeed();
  }

  /** Marks an expected patient as arrived. */
  public void checkIn(QueueEntry entry) {
    if (entry == null || !AppointmentStates.is(entry.appointment(), AppointmentStatus.BOOKED)) {
      status.refuse(i18n.get("schedule.selectBookedToCheckIn"));
      return;
    }
    Appointment appointment = entry.appointment();
    String key = IdempotencyKeys.forStep("check-in", appointment.getId(), appointment.getVersion());
    status.run(() -> gateway.checkIn(key, appointment.getId()),
        done -> i18n.format("schedule.checkedIn", text.patient(done)));
  }

  private void scheduleTick() {
    tick.cancel();
    tick = scheduler.schedule(TICK, () -> {
      refresh();
      scheduleTick();
    });
  }

  private void refresh() {
    if (feed == null || clinic == null) {
      return;
    }
    ZoneId zone = clinic.zone();
    Instant now = clock.instant();
    arrivals.setAll(feed.items().stream()
        .filter(a -> a.getStatus() == AppointmentStatus.BOOKED)
        .sorted(Comparator.comparing((Appointment a) -> ScheduleText.toInstant(a.getStart()))
            .thenComparingLong(Appointment::getId))
        .map(a -> entry(a, zone, ""))
        .toList());
    waiting.setAll(feed.items().stream()
        .filter(a -> a.getStatus() == AppointmentStatus.CHECKED_IN)
        .sorted(Comparator.comparing((Appointment a) -> ScheduleText.toInstant(a.getCheckedInAt()))
            .thenComparingLong(Appointment::getId))
        .map(a -> entry(a, zone,
            text.waited(Duration.between(ScheduleText.toInstant(a.getCheckedInAt()), now))))
        .toList());
  }

  private QueueEntry entry(Appointment a, ZoneId zone, String waited) {
    String time = a.getWalkIn() ? i18n.get("schedule.walkIn") : text.time(a.getStart(), zone);
    return new QueueEntry(a, time, text.patient(a), clinic.clinicianName(a.getClinicianId()),
        text.visitTypeAndSeries(a), waited);
  }

  private void closeFeed() {
    tick.cancel();
    if (feed != null) {
      feed.revisionProperty().removeListener(feedChanged);
      feed.statusProperty().removeListener(feedStatusChanged);
      feed.close();
      feed = null;
    }
  }

  public ObservableList<QueueEntry> arrivals() {
    return arrivals;
  }

  public ObservableList<QueueEntry> waiting() {
    return waiting;
  }

  public ReadOnlyObjectProperty<FeedStatus> feedStatusProperty() {
    return feedStatus.getReadOnlyProperty();
  }

  public StringProperty noticeProperty() {
    return status.noticeProperty();
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }
}
