package org.hospital.client.schedule.dayview;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.schedule.AppointmentStates;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.ScheduleDialogs;
import org.hospital.client.schedule.ScheduleFeed;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;

/**
 * The reception day view: one department's clinicians side by side for one day (or one clinician's week),
 * live. This class keeps what is shown and selected; {@link LiveDayGrid} keeps the grid up to date from the
 * slots and the live feed, and the actions on a cell or appointment live in {@link BookingActions},
 * {@link AppointmentActions} and {@link AppointmentMover}.
 */
public final class DayScheduleViewModel {

  /** What the grid shows: a department's clinicians on one day, or one clinician's week. */
  public enum Span { DAY, WEEK }

  private static final int LOOK_AHEAD_DAYS = 13;

  private final I18n i18n;
  private final ScheduleText text;
  private final TaskRunner tasks;
  private final ScheduleGateway gateway;
  private final ScheduleDialogs dialogs;
  private final Clock clock;
  private final ZoneId fallbackZone;
  private final ErrorMessages errors;

  private final ObjectProperty<Clinic> clinic = new SimpleObjectProperty<>();
  private final ObservableList<Department> departments = FXCollections.observableArrayList();
  private final ObjectProperty<Department> department = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
  private final ObjectProperty<Span> span = new SimpleObjectProperty<>(Span.DAY);
  private final ObservableList<Clinician> clinicians = FXCollections.observableArrayList();
  private final ObjectProperty<Clinician> weekClinician = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper periodText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper checkInRefusal = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper openedNote = new ReadOnlyStringWrapper("");
  private final ObjectProperty<DayGrid.Cell> selected = new SimpleObjectProperty<>();
  private final ActionStatus status;
  private final AppointmentMover mover;
  private final AppointmentActions actions;
  private final BookingActions booking;
  private final LiveDayGrid live;

  private final java.time.format.DateTimeFormatter weekDayHeading;
  private boolean mayOverbook;

  public DayScheduleViewModel(I18n i18n, ErrorMessages errors, ScheduleText text, TaskRunner tasks,
      ScheduleGateway gateway, ScheduleFeed.Factory feeds, ScheduleDialogs dialogs, Clock clock) {
    this.i18n = i18n;
    this.text = text;
    this.tasks = tasks;
    this.gateway = gateway;
    this.dialogs = dialogs;
    this.clock = clock;
    this.fallbackZone = clock.getZone();
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
    this.mover = new AppointmentMover(i18n, text, gateway, dialogs, clock, status, clinic::get);
    this.actions = new AppointmentActions(i18n, text, gateway, dialogs, status, clinic::get);
    this.live = new LiveDayGrid(tasks, gateway, feeds, clock, status, clinic::get, selected);
    this.booking = new BookingActions(i18n, text, dialogs, clock, status, clinic::get, live::selectWhenShown);
    this.weekDayHeading = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", i18n.locale());
    date.set(LocalDate.now(clock));
    periodText.set(text.day(date.get()));
    department.addListener((obs, old, now) -> {
      Clinic known = clinic.get();
      clinicians.setAll(known == null || now == null ? List.of() : known.cliniciansOf(now.getId()));
      weekClinician.set(clinicians.isEmpty() ? null : clinicians.getFirst());
      reload();
    });
    date.addListener((obs, old, now) -> reload());
    // the note explains the day the view opened on; once the user goes elsewhere it no longer applies
    date.addListener((obs, old, now) -> {
      if (old != null && !old.equals(now)) {
        openedNote.set("");
      }
    });
    selected.addListener((obs, old, now) -> checkInRefusal.set(checkInRefusal(selectedAppointment()).orElse("")));
    span.addListener((obs, old, now) -> reload());
    weekClinician.addListener((obs, old, now) -> {
      if (span.get() == Span.WEEK) {
        reload();
      }
    });
  }

  /** Loads departments and clinicians, then the first department's day (see {@link #opening}). */
  public void start() {
    BooleanProperty loading = live.loadingProperty();
    loading.set(true);
    tasks.run(() -> opening(gateway.listClinicians()), opened -> {
      clinic.set(opened.clinic());
      date.set(opened.day());
      openedNote.set(opened.day().equals(opened.today()) ? ""
          : i18n.format("schedule.openedOnNextClinicDay", text.day(opened.day())));
      departments.setAll(opened.departments());
      if (!departments.isEmpty()) {
        department.set(departments.getFirst());
      } else {
        loading.set(false);
      }
    }, failure -> {
      loading.set(false);
      status.fail(failure);
    });
  }

  /** What the view opens on: the clinic, the departments with clinicians, today and the day shown. */
  private record Opening(Clinic clinic, List<Department> departments, LocalDate today, LocalDate day) {}

  /**
   * Today, or when the first department has no clinic hours today (a weekend), the first day within two weeks
   * that has: a first look shows a working day rather than an empty grid. Runs off the FX thread.
   */
  private Opening opening(org.hospital.proto.scheduling.v1.ListCliniciansResponse response) {
    Clinic loaded = Clinic.of(response, fallbackZone, clock.instant());
    // "today" is the hospital's today by the server's clock, which differs from the workstation's near midnight
    LocalDate today = loaded.today(clock);
    List<Department> withClinicians = loaded.departments().stream()
        .filter(d -> !loaded.cliniciansOf(d.getId()).isEmpty()).toList();
    if (withClinicians.isEmpty()) {
      return new Opening(loaded, withClinicians, today, today);
    }
    List<Long> ids = loaded.cliniciansOf(withClinicians.getFirst().getId()).stream().map(Clinician::getId).toList();
    LocalDate first = gateway.listSlots(ids, today, today.plusDays(LOOK_AHEAD_DAYS)).stream()
        .map(slot -> java.time.Instant.ofEpochSecond(slot.getStart().getSeconds()).atZone(loaded.zone())
            .toLocalDate())
        .filter(d -> !d.isBefore(today)).min(LocalDate::compareTo).orElse(today);
    return new Opening(loaded, withClinicians, today, first);
  }

  /** Empty, or why the view opened on another day than today ("No clinics today: showing ..."). */
  public ReadOnlyStringProperty openedNoteProperty() {
    return openedNote.getReadOnlyProperty();
  }

  /** Closes the live feed (the area is being left for good). */
  public void dispose() {
    live.close();
  }

  /** Back one day, or one week in the week view (Alt+Left). */
  public void previousDay() {
    date.set(date.get().minusDays(span.get() == Span.WEEK ? 7 : 1));
  }

  public void nextDay() {
    date.set(date.get().plusDays(span.get() == Span.WEEK ? 7 : 1));
  }

  public void today() {
    Clinic known = clinic.get();
    date.set(known == null ? LocalDate.now(clock) : known.today(clock));
  }

  private void reload() {
    Clinic known = clinic.get();
    Department chosen = department.get();
    live.clear();
    periodText.set(date.get() == null ? "" : text.day(date.get()));
    if (known == null || chosen == null || date.get() == null) {
      return;
    }
    boolean week = span.get() == Span.WEEK;
    if (week && weekClinician.get() == null) {
      return;
    }
    LocalDate from = week ? date.get().with(DayOfWeek.MONDAY) : date.get();
    LocalDate to = week ? from.plusDays(6) : from;
    if (week) {
      periodText.set(i18n.format("schedule.weekOf", text.day(from), weekClinician.get().getDisplayName()));
    }
    live.show(week
        ? new LiveDayGrid.Period(weekColumns(weekClinician.get(), from),
            ScheduleFilter.clinician(weekClinician.get().getId(), from, to), from, to, true)
        : new LiveDayGrid.Period(dayColumns(known.cliniciansOf(chosen.getId()), from),
            ScheduleFilter.department(chosen.getId(), from), from, to, false));
  }

  private static List<DayGrid.Column> dayColumns(List<Clinician> of, LocalDate day) {
    return of.stream().map(c -> new DayGrid.Column(c.getId(), day, c.getDisplayName())).toList();
  }

  private List<DayGrid.Column> weekColumns(Clinician clinician, LocalDate monday) {
    return java.util.stream.IntStream.range(0, 7).mapToObj(monday::plusDays)
        .map(d -> new DayGrid.Column(clinician.getId(), d, weekDayHeading.format(d))).toList();
  }

  public void select(DayGrid.Cell cell) {
    selected.set(cell);
  }

  public Optional<Appointment> selectedAppointment() {
    return Optional.ofNullable(selected.get()).flatMap(DayGrid.Cell::mainAppointment);
  }

  /** Administrators may open the booking dialog on a taken slot, to overbook it (the server checks the role). */
  public void allowOverbooking(boolean allowed) {
    mayOverbook = allowed;
  }

  /** Books the selected free slot, or (administrators) overbooks a taken one (Ctrl+B). */
  public void book() {
    booking.book(selected.get(), mayOverbook);
  }

  /** Opens the free-slot finder on the department shown (Ctrl+F); the slot chosen is booked from there. */
  public void findFreeSlot() {
    Clinic known = clinic.get();
    if (known == null) {
      return;
    }
    status.clearError();
    dialogs.findFreeSlot(known, department.get(), this::bookFound);
  }

  /** Shows the day of a slot found by the finder, selects it, and opens the booking dialog for it. */
  void bookFound(SlotChoice found) {
    Clinic known = clinic.get();
    Optional<Clinician> who = known.clinician(found.clinicianId());
    if (who.isEmpty()) {
      return;
    }
    span.set(Span.DAY);
    departments.stream().filter(d -> d.getId() == who.get().getDepartmentId()).findFirst()
        .ifPresent(department::set);
    date.set(found.start().atZone(known.zone()).toLocalDate());
    booking.bookFound(found);
  }

  /**
   * Checks in a patient without a booking (Ctrl+W), for one of the department's clinicians: the one whose
   * column is selected, else the first.
   */
  public void walkIn() {
    Clinic known = clinic.get();
    Department chosen = department.get();
    if (known == null || chosen == null || known.cliniciansOf(chosen.getId()).isEmpty()) {
      return;
    }
    List<Clinician> clinicians = known.cliniciansOf(chosen.getId());
    booking.walkIn(clinicians, selected.get() == null ? clinicians.getFirst().getId() : selected.get().clinicianId());
  }

  /** Marks the selected booked patient as arrived (Ctrl+I). */
  public void checkIn() {
    Optional<String> refusal = checkInRefusal(selectedAppointment());
    if (refusal.isPresent()) {
      status.refuse(refusal.get());
      return;
    }
    withAppointment(AppointmentStatus.BOOKED, "schedule.selectBookedToCheckIn", actions::checkIn);
  }

  /**
   * Why the selected booked appointment cannot be checked in now (another day, or not yet open), in the
   * server's words; empty when it can, or when nothing booked is selected.
   */
  private Optional<String> checkInRefusal(Optional<Appointment> appointment) {
    Clinic known = clinic.get();
    if (known == null || appointment.isEmpty() || appointment.get().getStatus() != AppointmentStatus.BOOKED) {
      return Optional.empty();
    }
    java.time.Instant start = java.time.Instant.ofEpochSecond(appointment.get().getStart().getSeconds(),
        appointment.get().getStart().getNanos());
    return known.checkIn().refusal(start, known.now(clock))
        .map(r -> errors.checkInRefusal(r.start(), r.opensAt(), r.closed(), known.zone()));
  }

  /** Empty, or why Check in is disabled for the selected appointment (its tooltip). */
  public ReadOnlyStringProperty checkInRefusalProperty() {
    return checkInRefusal.getReadOnlyProperty();
  }

  /**
   * Cancels the selected appointment, with the reason asked for (Delete); for a member of a series, also
   * asks whether the following booked ones of the series go too.
   */
  public void cancel() {
    withAppointment(AppointmentStatus.BOOKED, "schedule.selectBookedToCancel", actions::cancel);
  }

  public void markNoShow() {
    withAppointment(AppointmentStatus.BOOKED, "schedule.selectBookedForNoShow", actions::markNoShow);
  }

  /** Offers the clinician's next free slots and moves the selected appointment to the one chosen (Ctrl+M). */
  public void move() {
    withAppointment(AppointmentStatus.BOOKED, "schedule.selectBookedToMove",
        appointment -> mover.offerSlots(appointment, actions.describe(appointment)));
  }

  /** Moves an appointment onto a free cell of the grid (drag and drop). */
  public void moveTo(long appointmentId, DayGrid.Cell target) {
    Optional<Appointment> appointment = live.appointment(appointmentId);
    if (appointment.isEmpty() || !AppointmentStates.is(appointment.get(), AppointmentStatus.BOOKED)) {
      status.refuse(i18n.get("schedule.selectBookedToMove"));
      return;
    }
    if (target == null || !target.bookable()) {
      status.refuse(i18n.get("schedule.selectFreeSlot"));
      return;
    }
    mover.moveTo(appointment.get(), new SlotChoice(target.clinicianId(), target.start(), ""));
  }

  private void withAppointment(AppointmentStatus required, String hintKey,
      java.util.function.Consumer<Appointment> action) {
    Optional<Appointment> appointment = selectedAppointment();
    if (appointment.isEmpty() || appointment.get().getStatus() != required) {
      status.refuse(i18n.get(hintKey));
      return;
    }
    status.clearError();
    action.accept(appointment.get());
  }

  public ZoneId zone() {
    Clinic known = clinic.get();
    return known == null ? fallbackZone : known.zone();
  }

  public ReadOnlyObjectProperty<Clinic> clinicProperty() {
    return clinic;
  }

  public ObservableList<Department> departments() {
    return departments;
  }

  public ObjectProperty<Department> departmentProperty() {
    return department;
  }

  public ObjectProperty<Span> spanProperty() {
    return span;
  }

  public ObservableList<Clinician> clinicians() {
    return clinicians;
  }

  /** Whose week the week view shows. */
  public ObjectProperty<Clinician> weekClinicianProperty() {
    return weekClinician;
  }

  /** "Monday, November 30, 2026", or the week and whose it is. */
  public ReadOnlyStringProperty periodTextProperty() {
    return periodText.getReadOnlyProperty();
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public ReadOnlyObjectProperty<DayGrid> gridProperty() {
    return live.gridProperty();
  }

  public ObjectProperty<DayGrid.Cell> selectedProperty() {
    return selected;
  }

  public ReadOnlyObjectProperty<FeedStatus> feedStatusProperty() {
    return live.feedStatusProperty();
  }

  public StringProperty noticeProperty() {
    return status.noticeProperty();
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty loadingProperty() {
    return live.loadingProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }
}
