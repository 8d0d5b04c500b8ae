package org.hospital.client.app;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Window;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.patients.PatientNavigator;
import org.hospital.client.patients.PatientText;
import org.hospital.client.patients.search.PatientSearchViewModel;
import org.hospital.client.reports.DayListPrintViewModel;
import org.hospital.client.reports.Printouts;
import org.hospital.client.reports.ReportGateway;
import org.hospital.client.schedule.BookingSlot;
import org.hospital.client.schedule.FxScheduleDialogs;
import org.hospital.client.schedule.ScheduleAreaView;
import org.hospital.client.schedule.ScheduleFeed;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.booking.BookingViewModel;
import org.hospital.client.schedule.hours.ClinicHoursGateway;
import org.hospital.client.schedule.hours.ClinicHoursView;
import org.hospital.client.schedule.hours.ClinicHoursViewModel;
import org.hospital.client.schedule.hours.FxExceptionDialog;
import org.hospital.client.schedule.hours.HoursText;
import org.hospital.client.schedule.dayview.DayScheduleViewModel;
import org.hospital.client.schedule.finder.FreeSlotFinderViewModel;
import org.hospital.client.schedule.queue.FrontDeskQueuesViewModel;
import org.hospital.client.schedule.waitlist.AddToWaitListViewModel;
import org.hospital.client.schedule.waitlist.FreedSlotsViewModel;
import org.hospital.client.schedule.waitlist.FxWaitListDialogs;
import org.hospital.client.schedule.waitlist.WaitListFeed;
import org.hospital.client.schedule.waitlist.WaitListGateway;
import org.hospital.client.schedule.waitlist.WaitListView;
import org.hospital.client.schedule.waitlist.WaitListViewModel;
import org.hospital.client.schedule.worklist.WorklistView;
import org.hospital.client.schedule.worklist.WorklistViewModel;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.client.ui.Theme;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListUpdate;

/**
 * The part of the composition root that wires the Schedule and Worklist areas. Every live feed it opens is
 * registered with {@code onDispose}, so signing out ends the streams.
 */
final class ScheduleScreensFactory {

  private final I18n i18n;
  private final ErrorMessages errors;
  private final PatientText patientText;
  private final ScheduleText text;
  private final TaskRunner tasks;
  private final UiScheduler scheduler;
  private final ScheduleGateway gateway;
  private final PatientDirectory patients;
  private final Executor ui;
  private final Theme theme;
  private final Supplier<Window> owner;
  private final Clock clock;
  private final Runnable openRegistration;
  private final Consumer<Runnable> onDispose;
  private final ReportGateway reports;
  private final Printouts printouts;
  private final boolean mayOverbook;
  private final WaitListGateway waitLists;

  /**
   * @param openRegistration leaves for the Patients area's registration screen (from the booking dialog)
   * @param onDispose collects what must be stopped when the workspace closes
   * @param mayOverbook the signed-in user is an administrator (offered to overbook taken slots)
   */
  ScheduleScreensFactory(I18n i18n, ErrorMessages errors, PatientText patientText, TaskRunner tasks,
      UiScheduler scheduler, ScheduleGateway gateway, PatientDirectory patients, Executor ui, Theme theme,
      Supplier<Window> owner, Clock clock, Runnable openRegistration, Consumer<Runnable> onDispose,
      ReportGateway reports, Printouts printouts, WaitListGateway waitLists, boolean mayOverbook) {
    this.mayOverbook = mayOverbook;
    this.i18n = i18n;
    this.waitLists = waitLists;
    this.reports = reports;
    this.printouts = printouts;
    this.errors = errors;
    this.patientText = patientText;
    this.text = new ScheduleText(i18n);
    this.tasks = tasks;
    this.scheduler = scheduler;
    this.gateway = gateway;
    this.patients = patients;
    this.ui = ui;
    this.theme = theme;
    this.owner = owner;
    this.clock = clock;
    this.openRegistration = openRegistration;
    this.onDispose = onDispose;
  }

  Node scheduleArea() {
    FxScheduleDialogs dialogs = dialogs();
    DayScheduleViewModel day = new DayScheduleViewModel(i18n, errors, text, tasks, gateway, feeds(), dialogs, clock);
    day.allowOverbooking(mayOverbook);
    FrontDeskQueuesViewModel queues = new FrontDeskQueuesViewModel(i18n, errors, text, tasks, gateway, feeds(),
        scheduler, clock);
    ScheduleAreaView view = new ScheduleAreaView(day, queues,
        new DayListPrintViewModel(i18n, errors, tasks, reports, printouts), i18n, text, waitList(day));
    onDispose.accept(day::dispose);
    onDispose.accept(queues::dispose);
    day.start();
    return view;
  }

  /** The wait list and its freed-slot notifications, following the department on screen. */
  private Node waitList(DayScheduleViewModel day) {
    FxWaitListDialogs dialogs = new FxWaitListDialogs(i18n, theme, owner, patientText, text,
        (clinic, department, onAdded, leave) -> new AddToWaitListViewModel(i18n, errors, tasks, waitLists,
            patientSearch(leave), clinic, department, clock, onAdded));
    WaitListViewModel list = new WaitListViewModel(i18n, errors, text, tasks, waitLists, dialogs,
        waitListFeeds(), clock);
    FreedSlotsViewModel freed = new FreedSlotsViewModel(i18n, errors, text, tasks, gateway, waitLists, feeds(),
        clock);
    day.departmentProperty().subscribe(department -> {
      list.show(day.clinicProperty().get(), department);
      freed.show(day.clinicProperty().get(), department);
    });
    onDispose.accept(list::dispose);
    onDispose.accept(freed::dispose);
    return new WaitListView(list, freed, i18n);
  }

  Node worklist(long doctorId, java.util.function.LongConsumer openChart) {
    WorklistViewModel vm = new WorklistViewModel(i18n, errors, text, tasks, gateway, feeds(), scheduler, clock,
        doctorId);
    vm.setChartOpener(openChart);
    WorklistView view = new WorklistView(vm, i18n);
    onDispose.accept(vm::dispose);
    vm.start();
    return view;
  }

  Node clinicHours(ClinicHoursGateway hours) {
    FxScheduleDialogs dialogs = dialogs();
    HoursText hoursText = new HoursText(i18n, text);
    ClinicHoursViewModel vm = new ClinicHoursViewModel(i18n, errors, hoursText, tasks, gateway, hours, dialogs,
        new FxExceptionDialog(i18n, theme, owner, hoursText), clock);
    ClinicHoursView view = new ClinicHoursView(vm, i18n, hoursText);
    vm.start();
    return view;
  }

  private FxScheduleDialogs dialogs() {
    return new FxScheduleDialogs(i18n, theme, owner, patientText, text, this::booking,
        (clinic, shown) -> new FreeSlotFinderViewModel(i18n, errors, text, tasks, gateway, clock, clinic, shown));
  }

  private ScheduleFeed.Factory feeds() {
    return filter -> {
      LiveFeed<ScheduleUpdate, Appointment> feed = ScheduleFeed.create(gateway, filter, ui, scheduler);
      feed.start();
      return feed;
    };
  }

  private WaitListFeed.Factory waitListFeeds() {
    return departmentId -> {
      LiveFeed<WaitListUpdate, WaitListEntry> feed = WaitListFeed.create(waitLists, departmentId, ui, scheduler);
      feed.start();
      return feed;
    };
  }

  private BookingViewModel booking(BookingSlot slot, Consumer<Appointment> onBooked, Runnable leave) {
    return new BookingViewModel(slot, i18n, errors, text, tasks, gateway, patientSearch(leave),
        () -> UUID.randomUUID().toString(), mayOverbook, onBooked);
  }

  /**
   * The patient search inside the booking and wait-list dialogs: a selected row chooses the patient (the dialog
   * listens to the selection, so "open" does nothing here); registering a new patient leaves the dialog first.
   */
  private PatientSearchViewModel patientSearch(Runnable leave) {
    PatientNavigator choosing = new PatientNavigator() {
      @Override
      public void openSearch() {
      }

      @Override
      public void openDetails(long patientId, String notice) {
      }

      @Override
      public void openRegistration() {
        leave.run();
        openRegistration.run();
      }

      @Override
      public void openEdit(Patient patient) {
      }
    };
    return new PatientSearchViewModel(i18n, errors, tasks, scheduler, patients, choosing);
  }
}
