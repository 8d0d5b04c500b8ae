package org.hospital.client.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.connection.SessionTokenHolder;
import org.hospital.client.dialogs.DialogService;
import org.hospital.client.dialogs.FxDialogService;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.i18n.Language;
import org.hospital.client.patients.GrpcPatientDirectory;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.patients.PatientText;
import org.hospital.client.patients.PatientsAreaView;
import org.hospital.client.reports.GrpcReportGateway;
import org.hospital.client.reports.Printouts;
import org.hospital.client.reports.ReportGateway;
import org.hospital.client.schedule.GrpcScheduleGateway;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.hours.ClinicHoursGateway;
import org.hospital.client.schedule.hours.GrpcClinicHoursGateway;
import org.hospital.client.schedule.waitlist.GrpcWaitListGateway;
import org.hospital.client.schedule.waitlist.WaitListGateway;
import org.hospital.client.session.AuthGateway;
import org.hospital.client.session.GrpcAuthGateway;
import org.hospital.client.session.Session;
import org.hospital.client.shell.ComingSoonView;
import org.hospital.client.shell.WorkspaceArea;
import org.hospital.client.shell.WorkspaceView;
import org.hospital.client.shell.WorkspaceViewModel;
import org.hospital.client.signin.ServerSwitch;
import org.hospital.client.signin.SignInView;
import org.hospital.client.signin.SignInViewModel;
import org.hospital.client.tasks.DelayedUiScheduler;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.client.ui.Theme;

/**
 * Builds the whole client by constructor injection: long-lived services once, screens when they are shown.
 * Nothing else in the client creates services or looks them up.
 */
public final class CompositionRoot implements AutoCloseable {

  private static final int BACKGROUND_THREADS = 4;

  private final LaunchOptions options;
  private final Executor ui;
  private final ScheduledExecutorService background;
  private final TaskRunner tasks;
  private final UiScheduler scheduler;
  private final ServerConnection connection;
  private final AuthGateway auth;
  private final PatientDirectory patients;
  private final ScheduleGateway schedule;
  private final ClinicHoursGateway clinicHours;
  private final org.hospital.client.admin.SignInThrottleGateway throttles;
  private final WaitListGateway waitList;
  private final org.hospital.client.staff.StaffGateway staff;
  private final org.hospital.client.password.PasswordGateway passwords;
  private final org.hospital.client.twofactor.TwoFactorGateway twoFactor;
  private final ReportGateway reports;
  private final org.hospital.client.chart.ChartGateway charts;
  private final org.hospital.client.lab.LabGateway labs;
  private final org.hospital.client.billing.BillingGateway billing;
  private final org.hospital.client.ward.WardGateway wards;
  private final org.hospital.client.lab.ResultsInboxGateway resultsInbox;
  private final Printouts printouts;
  /** What the signed-in workspace started and must stop when it closes (live streams, timers). */
  private final List<Runnable> workspaceDisposers = new ArrayList<>();
  private final Theme theme = new Theme();
  private final ZoneId zone = ZoneId.systemDefault();

  private Language language;
  private ServerAddress server;
  private Stage stage;
  private Scene scene;
  private PatientsAreaView patientsArea;

  /** @param ui the FX thread ({@code Platform::runLater}) */
  public CompositionRoot(LaunchOptions options, Executor ui) {
    this(options, ui, file -> { });
  }

  /**
   * @param openDocument shows a saved PDF in the system's viewer (the application's host services); the
   *     two-argument constructor only saves
   */
  public CompositionRoot(LaunchOptions options, Executor ui, Consumer<Path> openDocument) {
    this.printouts = new Printouts(Printouts.defaultFolder(), openDocument);
    this.options = options;
    this.ui = ui;
    this.language = options.language();
    this.server = options.server();
    // one pool for every RPC and for timers; daemon threads never keep a closed client alive
    this.background = new ScheduledThreadPoolExecutor(BACKGROUND_THREADS, daemonThreads());
    this.tasks = new TaskRunner(background, ui);
    this.scheduler = new DelayedUiScheduler(background, ui);
    SessionTokenHolder tokens = new SessionTokenHolder();
    this.connection = new ServerConnection(tokens, ui);
    this.auth = new GrpcAuthGateway(connection, tokens, workstationName());
    this.patients = new GrpcPatientDirectory(connection);
    this.schedule = new GrpcScheduleGateway(connection);
    this.clinicHours = new GrpcClinicHoursGateway(connection);
    this.throttles = new org.hospital.client.admin.GrpcSignInThrottleGateway(connection);
    this.waitList = new GrpcWaitListGateway(connection);
    this.staff = new org.hospital.client.staff.GrpcStaffGateway(connection);
    this.passwords = new org.hospital.client.password.GrpcPasswordGateway(connection);
    this.twoFactor = new org.hospital.client.twofactor.GrpcTwoFactorGateway(connection);
    this.reports = new GrpcReportGateway(connection);
    this.charts = new org.hospital.client.chart.GrpcChartGateway(connection, patients);
    this.labs = new org.hospital.client.lab.GrpcLabGateway(connection);
    this.billing = new org.hospital.client.billing.GrpcBillingGateway(connection, patients);
    this.wards = new org.hospital.client.ward.GrpcWardGateway(connection);
    this.resultsInbox = new org.hospital.client.lab.GrpcResultsInboxGateway(connection);
  }

  /** Connects and shows the sign-in screen. On the FX thread. */
  public void start(Stage primaryStage, double width, double height) {
    this.stage = primaryStage;
    theme.installUserAgentStylesheet();
    connection.connect(server, options.security());
    scene = new Scene(new Region(), width, height);
    theme.apply(scene);
    stage.setScene(scene);
    showSignIn("", server.target());
    stage.show();
  }

  private void showSignIn(String username, String serverText) {
    disposeWorkspace();
    I18n i18n = I18n.of(language);
    ErrorMessages errors = new ErrorMessages(i18n, zone);
    SignInViewModel vm = new SignInViewModel(i18n, errors, tasks, auth, serverSwitch(), this::showWorkspace);
    vm.usernameProperty().set(username);
    vm.serverAddressProperty().set(serverText);
    vm.languageProperty().addListener((obs, old, chosen) -> {
      language = chosen;
      // every text is read at construction: rebuild in the new language, keeping what was typed
      showSignIn(vm.usernameProperty().get(), vm.serverAddressProperty().get());
    });
    SignInView view = new SignInView(vm, i18n, options.plaintext());
    stage.setTitle(i18n.get("app.title"));
    scene.setRoot(view);
    ui.execute(view::focusFirstEmptyField);
  }

  private void showWorkspace(Session session) {
    if (session.passwordMustChange()) {
      showForcedPasswordChange(session);
      return;
    }
    if (session.twoFactorSetupRequired()) {
      showForcedTwoFactorSetup(session);
      return;
    }
    I18n i18n = I18n.of(language);
    ErrorMessages errors = new ErrorMessages(i18n, zone);
    PatientText text = new PatientText(i18n);
    DialogService dialogs = new FxDialogService(i18n, text, theme, () -> stage);
    WorkspaceViewModel vm = new WorkspaceViewModel(session, i18n, errors, tasks, auth, scheduler, System::nanoTime,
        connection.stateProperty(), () -> showSignIn(session.username(), server.target()));
    ScheduleScreensFactory scheduleScreens = new ScheduleScreensFactory(i18n, errors, text, tasks, scheduler,
        schedule, patients, ui, theme, () -> stage, Clock.system(zone),
        () -> openRegistration(vm), workspaceDisposers::add, reports, printouts, waitList,
        session.hasAnyOf(List.of(org.hospital.proto.auth.v1.Role.ROLE_ADMIN)));
    org.hospital.client.chart.ChartViewModel chart = new org.hospital.client.chart.ChartViewModel(charts, i18n,
        errors, tasks, printouts, session.hasAnyOf(List.of(org.hospital.proto.auth.v1.Role.ROLE_DOCTOR)));
    java.util.function.LongConsumer openChart = appointmentId -> {
      vm.selectedAreaProperty().set(WorkspaceArea.CLINICAL);
      chart.openAppointment(appointmentId);
    };
    WorkspaceView view = new WorkspaceView(vm, i18n,
        area -> areaView(area, session, i18n, errors, text, dialogs, scheduleScreens, chart, openChart),
        server.target(),
        options.plaintext(), back -> passwordChange(i18n, errors, false, back, () -> { }),
        back -> twoFactorSetup(i18n, errors, false, back, back));
    stage.setTitle(i18n.format("app.titleSignedIn", session.displayName()));
    scene.setRoot(view);
    vm.start();
  }

  /**
   * The password an administrator set must be replaced before the workspace opens (the server refuses every
   * other call of this session until then); the user can also sign out.
   */
  private void showForcedPasswordChange(Session session) {
    I18n i18n = I18n.of(language);
    ErrorMessages errors = new ErrorMessages(i18n, zone);
    Runnable signOut = signOutBackToSignIn(session);
    org.hospital.client.password.ChangePasswordView view = passwordChange(i18n, errors, true, signOut,
        () -> showWorkspace(session.withPasswordChanged()));
    stage.setTitle(i18n.format("app.titleSignedIn", session.displayName()));
    javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(view);
    javafx.scene.layout.StackPane.setAlignment(view, javafx.geometry.Pos.TOP_CENTER);
    holder.setPadding(new javafx.geometry.Insets(48, 24, 24, 24));
    scene.setRoot(holder);
    ui.execute(view::focusFirst);
  }

  /**
   * The hospital requires two-step sign-in for one of the user's roles: it is set up before the workspace
   * opens (the server refuses every other call of this session until then); the user can also sign out.
   */
  private void showForcedTwoFactorSetup(Session session) {
    I18n i18n = I18n.of(language);
    ErrorMessages errors = new ErrorMessages(i18n, zone);
    Runnable signOut = signOutBackToSignIn(session);
    Node view = twoFactorSetup(i18n, errors, true, signOut, () -> showWorkspace(session.withTwoFactorSetUp()));
    stage.setTitle(i18n.format("app.titleSignedIn", session.displayName()));
    javafx.scene.control.ScrollPane scroller = new javafx.scene.control.ScrollPane(view);
    scroller.setFitToWidth(true);
    scroller.setPadding(new javafx.geometry.Insets(32, 24, 24, 24));
    scene.setRoot(scroller);
  }

  /** Sign out from a screen that comes before the workspace: back to sign-in, whatever the server answers. */
  private Runnable signOutBackToSignIn(Session session) {
    return () -> tasks.run(() -> {
      auth.logout();
      return null;
    }, done -> showSignIn(session.username(), server.target()),
        failure -> showSignIn(session.username(), server.target()));
  }

  private Node twoFactorSetup(I18n i18n, ErrorMessages errors, boolean forced, Runnable leave, Runnable done) {
    org.hospital.client.twofactor.TwoFactorSetupViewModel vm = new org.hospital.client.twofactor
        .TwoFactorSetupViewModel(twoFactor, i18n, errors, tasks, done);
    org.hospital.client.twofactor.TwoFactorSetupView view = new org.hospital.client.twofactor.TwoFactorSetupView(vm,
        i18n, forced, leave);
    vm.start();
    return view;
  }

  private org.hospital.client.password.ChangePasswordView passwordChange(I18n i18n, ErrorMessages errors,
      boolean forced, Runnable leave, Runnable changed) {
    return new org.hospital.client.password.ChangePasswordView(new org.hospital.client.password
        .ChangePasswordViewModel(passwords, i18n, errors, tasks, changed), i18n, forced, leave);
  }

  private Node areaView(WorkspaceArea area, Session session, I18n i18n, ErrorMessages errors, PatientText text,
      DialogService dialogs, ScheduleScreensFactory scheduleScreens, org.hospital.client.chart.ChartViewModel chart,
      java.util.function.LongConsumer openChart) {
    return switch (area) {
      case PATIENTS -> {
        patientsArea = new PatientsAreaView(
            new PatientScreensFactory(i18n, errors, text, tasks, scheduler, patients, dialogs, zone));
        yield patientsArea;
      }
      case SCHEDULE -> scheduleScreens.scheduleArea();
      case WORKLIST -> scheduleScreens.worklist(session.staffId(), openChart);
      case CLINICAL -> new org.hospital.client.chart.ChartAreaView(chart, i18n,
          new org.hospital.client.lab.ChartLabViewModel(labs, i18n, errors, tasks, printouts,
              session.hasAnyOf(List.of(org.hospital.proto.auth.v1.Role.ROLE_DOCTOR)),
              session.hasAnyOf(List.of(org.hospital.proto.auth.v1.Role.ROLE_NURSE))));
      case CLINIC_HOURS -> scheduleScreens.clinicHours(clinicHours);
      case STAFF -> new org.hospital.client.staff.StaffView(
          new org.hospital.client.staff.StaffViewModel(staff, i18n, errors, tasks, zone), i18n);
      case ADMINISTRATION -> new org.hospital.client.admin.SignInThrottlesView(
          new org.hospital.client.admin.SignInThrottlesViewModel(throttles, i18n, errors, tasks, zone), i18n);
      case LAB -> new org.hospital.client.lab.LabDeskView(
          new org.hospital.client.lab.LabDeskViewModel(labs, i18n, errors, tasks), i18n);
      case BILLING -> new org.hospital.client.billing.BillingAreaView(new org.hospital.client.billing
          .BillingViewModel(billing, i18n, errors, tasks, printouts), i18n);
      case WARD -> wardArea(i18n, errors, session);
      case RESULTS -> resultsArea(i18n, errors, openChart);
      default -> new ComingSoonView(i18n.dynamic("area.", area.name()), i18n);
    };
  }

  /** The Ward area: its bed board streams while the workspace is open, and stops with it. */
  private Node wardArea(I18n i18n, ErrorMessages errors, Session session) {
    org.hospital.client.ward.WardViewModel vm = new org.hospital.client.ward.WardViewModel(wards, patients, i18n,
        errors, tasks, ui, scheduler, Clock.system(zone), session.hasAnyOf(List.of(
            org.hospital.proto.auth.v1.Role.ROLE_NURSE, org.hospital.proto.auth.v1.Role.ROLE_ADMIN)),
        session.hasAnyOf(List.of(org.hospital.proto.auth.v1.Role.ROLE_NURSE,
            org.hospital.proto.auth.v1.Role.ROLE_DOCTOR)), printouts);
    workspaceDisposers.add(vm::close);
    vm.start();
    return new org.hospital.client.ward.WardAreaView(vm, i18n);
  }

  /** The Results area: the doctor's inbox streams while the workspace is open, and stops with it. */
  private Node resultsArea(I18n i18n, ErrorMessages errors, java.util.function.LongConsumer openChart) {
    org.hospital.client.lab.ResultsInboxViewModel vm = new org.hospital.client.lab.ResultsInboxViewModel(
        resultsInbox, i18n, errors, tasks, ui, scheduler,
        openChart);
    workspaceDisposers.add(vm::close);
    vm.start();
    return new org.hospital.client.lab.ResultsInboxView(vm, i18n);
  }

  /** From the booking dialog: register a patient who is not on file yet (needs the Patients area). */
  private void openRegistration(WorkspaceViewModel workspace) {
    if (!workspace.areas().contains(WorkspaceArea.PATIENTS)) {
      return;
    }
    workspace.selectedAreaProperty().set(WorkspaceArea.PATIENTS);
    if (patientsArea != null) {
      patientsArea.openRegistration();
    }
  }

  private void disposeWorkspace() {
    workspaceDisposers.forEach(Runnable::run);
    workspaceDisposers.clear();
    patientsArea = null;
  }

  private ServerSwitch serverSwitch() {
    return new ServerSwitch() {
      @Override
      public ServerAddress current() {
        return server;
      }

      @Override
      public void switchTo(ServerAddress address) {
        server = address;
        connection.connect(address, options.security());
      }

      @Override
      public boolean locked() {
        return options.serverLocked();
      }
    };
  }

  @Override
  public void close() {
    disposeWorkspace();
    connection.close();
    background.shutdownNow();
  }

  private static String workstationName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment == null ? "unknown" : fromEnvironment;
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "client-task-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
