package org.hospital.client.schedule.dayview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.ScheduleFeed;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.Slot;

/**
 * The day view's grid, kept live: the slots of the period shown (asked for once) merged with the
 * appointments of the live feed (pushed), rebuilt whenever either changes, with the selection kept on the
 * same cell. Whether a slot is free is decided from the feed, so a booking made at another desk shows here
 * without asking for the slots again.
 */
final class LiveDayGrid {

  /** What to show: the grid's columns, the feed's filter and the days whose slots are asked for. */
  record Period(List<DayGrid.Column> columns, ScheduleFilter filter, LocalDate from, LocalDate to, boolean week) {
  }

  private final TaskRunner tasks;
  private final ScheduleGateway gateway;
  private final ScheduleFeed.Factory feeds;
  private final Clock clock;
  private final ActionStatus status;
  private final Supplier<Clinic> clinic;
  private final ObjectProperty<DayGrid.Cell> selected;

  private final ReadOnlyObjectWrapper<DayGrid> grid = new ReadOnlyObjectWrapper<>(DayGrid.EMPTY);
  private final ReadOnlyObjectWrapper<FeedStatus> feedStatus = new ReadOnlyObjectWrapper<>(FeedStatus.CONNECTING);
  private final BooleanProperty loading = new SimpleBooleanProperty(false);
  private final ChangeListener<Number> feedChanged = (obs, old, now) -> rebuild();
  private final ChangeListener<FeedStatus> feedStatusChanged = (obs, old, now) -> feedStatus.set(now);

  private Period period;
  private List<Slot> slots = List.of();
  private boolean slotsLoaded;
  private LiveFeed<ScheduleUpdate, Appointment> feed;
  /** An appointment this desk just made; its cell is selected as soon as the live schedule shows it. */
  private long selectWhenShown;
  private Cancellable slotsRequest = Cancellable.NONE;
  /** The appointments on screen marked "clinician unavailable" at the last redraw; null before the first. */
  private Set<Long> unavailableMarks;

  LiveDayGrid(TaskRunner tasks, ScheduleGateway gateway, ScheduleFeed.Factory feeds, Clock clock,
      ActionStatus status, Supplier<Clinic> clinic, ObjectProperty<DayGrid.Cell> selected) {
    this.tasks = tasks;
    this.gateway = gateway;
    this.feeds = feeds;
    this.clock = clock;
    this.status = status;
    this.clinic = clinic;
    this.selected = selected;
  }

  /** Stops following the period shown and empties the grid. */
  void clear() {
    close();
    selected.set(null);
    slots = List.of();
    slotsLoaded = false;
    unavailableMarks = null;
    grid.set(DayGrid.EMPTY);
  }

  /** Follows this period: the feed first, so the slots' answer redraws with whatever the feed already holds. */
  void show(Period shown) {
    period = shown;
    feed = feeds.open(shown.filter());
    feed.revisionProperty().addListener(feedChanged);
    feed.statusProperty().addListener(feedStatusChanged);
    feedStatus.set(feed.statusProperty().get());
    status.clearError();
    loadSlots();
  }

  /** (Re)reads the slots of the period shown; the live appointments stay as they are. */
  private void loadSlots() {
    List<Long> clinicianIds = period.columns().stream().map(DayGrid.Column::clinicianId).distinct().toList();
    slotsRequest.cancel();
    loading.set(true);
    slotsRequest = tasks.run(() -> gateway.listSlots(clinicianIds, period.from(), period.to()), loaded -> {
      slots = loaded;
      slotsLoaded = true;
      loading.set(false);
      rebuild();
    }, failure -> {
      loading.set(false);
      status.fail(failure);
    });
  }

  /** Closes the live feed and drops an unanswered request for slots. */
  void close() {
    slotsRequest.cancel();
    if (feed != null) {
      feed.revisionProperty().removeListener(feedChanged);
      feed.statusProperty().removeListener(feedStatusChanged);
      feed.close();
      feed = null;
    }
  }

  /** The appointment as the live schedule has it now. */
  Optional<Appointment> appointment(long id) {
    return feed == null ? Optional.empty() : feed.item(id);
  }

  /** Shows (selects) an appointment made here once the live schedule has it; it may already have it. */
  void selectWhenShown(Appointment made) {
    selectWhenShown = made.getId();
    rebuild();
  }

  /** Redraws from the slots and the live appointments, keeping the selection on the same cell. */
  private void rebuild() {
    Clinic known = clinic.get();
    if (known == null || feed == null) {
      return;
    }
    boolean appointmentsKnown = feed.revisionProperty().get() > 0;
    if (!slotsLoaded && !appointmentsKnown) {
      return;
    }
    if (appointmentsKnown && slotsLoaded && hoursChanged()) {
      loadSlots(); // redraws when the new slots arrive
    }
    DayGrid.Cell was = selected.get();
    List<DayGrid.Column> columns = period.columns();
    DayGrid rebuilt = DayGrid.build(columns, slots, feed.items(), appointmentsKnown, known.zone(), clock.instant());
    if (period.week()) {
      // days without slots or appointments (weekends, leave) would only take room from the working days
      DayGrid all = rebuilt;
      List<DayGrid.Column> used = java.util.stream.IntStream.range(0, all.columns().size())
          .filter(c -> all.times().stream().anyMatch(t -> all.cell(c, t).isPresent()))
          .mapToObj(all.columns()::get).toList();
      rebuilt = DayGrid.build(used, slots, feed.items(), appointmentsKnown, known.zone(), clock.instant());
    }
    grid.set(rebuilt);
    Optional<DayGrid.Cell> made = selectWhenShown == 0 ? Optional.empty() : feed.item(selectWhenShown)
        .flatMap(rebuilt::cellOf);
    if (made.isPresent()) {
      selectWhenShown = 0;
      selected.set(made.get());
    } else if (was != null) {
      selected.set(rebuilt.cellAt(was.clinicianId(), was.start()).orElse(null));
    }
  }

  /**
   * Whether a schedule edit elsewhere (leave, changed hours) has marked or unmarked an appointment on screen
   * since the last look. The live stream carries appointments, not slots; such a mark is the sign that the
   * slots shown may have changed too, so they are read again.
   */
  private boolean hoursChanged() {
    Set<Long> marked = feed.items().stream().filter(Appointment::getClinicianUnavailable).map(Appointment::getId)
        .collect(Collectors.toSet());
    boolean changed = unavailableMarks != null && !unavailableMarks.equals(marked);
    unavailableMarks = marked;
    return changed;
  }

  ReadOnlyObjectProperty<DayGrid> gridProperty() {
    return grid.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<FeedStatus> feedStatusProperty() {
    return feedStatus.getReadOnlyProperty();
  }

  BooleanProperty loadingProperty() {
    return loading;
  }
}
