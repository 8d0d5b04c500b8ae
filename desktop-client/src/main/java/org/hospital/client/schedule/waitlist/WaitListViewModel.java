package org.hospital.client.schedule.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.hospital.client.patients.PatientText;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListUpdate;

/**
 * The open wait list of the department on screen, longest waiting first, kept live by the wait-list stream: an
 * entry added or taken off at any desk appears or goes as it happens, with no reading again.
 */
public final class WaitListViewModel {

  /** Longest waiting first, as the server lists them. */
  private static final Comparator<WaitListEntry> WAITING_ORDER = Comparator
      .comparing((WaitListEntry e) -> ScheduleText.toInstant(e.getAddedAt())).thenComparing(WaitListEntry::getId);

  private final I18n i18n;
  private final ScheduleText text;
  private final ActionStatus status;
  private final WaitListGateway gateway;
  private final WaitListDialogs dialogs;
  private final WaitListFeed.Factory feeds;
  private final Clock clock;

  private final ObservableList<WaitListRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<FeedStatus> feedStatus = new ReadOnlyObjectWrapper<>(FeedStatus.CONNECTING);
  private final ChangeListener<Number> feedChanged = (obs, old, now) -> refresh();
  private final ChangeListener<FeedStatus> feedStatusChanged = (obs, old, now) -> feedStatus.set(now);

  private Clinic clinic;
  private Department department;
  private LiveFeed<WaitListUpdate, WaitListEntry> feed;

  public WaitListViewModel(I18n i18n, ErrorMessages errors, ScheduleText text, TaskRunner tasks,
      WaitListGateway gateway, WaitListDialogs dialogs, WaitListFeed.Factory feeds, Clock clock) {
    this.i18n = i18n;
    this.text = text;
    this.status = new ActionStatus(tasks, errors);
    this.gateway = gateway;
    this.dialogs = dialogs;
    this.feeds = feeds;
    this.clock = clock;
  }

  /** Follows the list of this department (null: none). */
  public void show(Clinic knownClinic, Department shown) {
    closeFeed();
    clinic = knownClinic;
    department = knownClinic == null ? null : shown;
    rows.clear();
    status.clearError();
    if (department == null) {
      return;
    }
    feed = feeds.open(department.getId());
    feed.revisionProperty().addListener(feedChanged);
    feed.statusProperty().addListener(feedStatusChanged);
    feedStatus.set(feed.statusProperty().get());
    refresh();
  }

  /**
   * Shows the feed's open entries. Entries whose last day has passed are left out here too (the server's
   * snapshot leaves them out, but an entry can run out while the stream is open).
   */
  private void refresh() {
    LocalDate today = LocalDate.now(clock.withZone(clinic.zone()));
    rows.setAll(feed.items().stream()
        .filter(e -> !e.getRemoved())
        .filter(e -> PatientText.toLocalDate(e.getLatest()).map(last -> !last.isBefore(today)).orElse(true))
        .sorted(WAITING_ORDER).map(this::row).toList());
  }

  public void add() {
    if (department == null) {
      return;
    }
    // the new entry arrives through the stream like any other desk's
    dialogs.add(clinic, department, entry -> status.say(i18n.format("waitList.added", entry.getPatientName())));
  }

  public void remove(WaitListRow row) {
    if (row == null) {
      status.refuse(i18n.get("waitList.selectEntry"));
      return;
    }
    WaitListEntry e = row.entry();
    // the entry goes (or, when another desk changed it first, shows its new state) through the stream
    dialogs.askRemoveReason(i18n.format("schedule.patientWithMrn", e.getPatientName(), e.getPatientMrn()),
        reason -> status.run(() -> {
          gateway.remove(e.getId(), e.getVersion(), reason);
          return true;
        }, done -> i18n.format("waitList.removed", e.getPatientName())));
  }

  public void dispose() {
    closeFeed();
    department = null;
  }

  private void closeFeed() {
    if (feed != null) {
      feed.revisionProperty().removeListener(feedChanged);
      feed.statusProperty().removeListener(feedStatusChanged);
      feed.close();
      feed = null;
    }
    feedStatus.set(FeedStatus.CONNECTING);
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
    return status.noticeProperty();
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  /** Whether the list can be trusted right now; the panel says so while it cannot. */
  public ReadOnlyObjectProperty<FeedStatus> feedStatusProperty() {
    return feedStatus.getReadOnlyProperty();
  }
}
