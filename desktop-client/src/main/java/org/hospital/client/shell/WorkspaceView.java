package org.hospital.client.shell;

import java.util.function.Function;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;

/** The signed-in window: header, role-based navigation, the open area, the status bar, and the lock overlay. */
public final class WorkspaceView extends StackPane {

  private final WorkspaceViewModel vm;
  private final I18n i18n;
  private final BorderPane frame = new BorderPane();
  private final Function<WorkspaceArea, Node> areaViews;
  private LockView lockView;
  private final Function<Runnable, Node> passwordChange;
  private final Function<Runnable, Node> twoFactorSetup;

  /**
   * @param areaViews builds the content of an area the first time it is opened
   */
  public WorkspaceView(WorkspaceViewModel vm, I18n i18n, Function<WorkspaceArea, Node> areaViews, String serverText,
      boolean plaintext) {
    this(vm, i18n, areaViews, serverText, plaintext, null);
  }

  /**
   * @param passwordChange builds the change-password screen, given what its "Back" does; null for no
   *     "Change password" in the header
   */
  public WorkspaceView(WorkspaceViewModel vm, I18n i18n, Function<WorkspaceArea, Node> areaViews, String serverText,
      boolean plaintext, Function<Runnable, Node> passwordChange) {
    this(vm, i18n, areaViews, serverText, plaintext, passwordChange, null);
  }

  /**
   * @param twoFactorSetup builds the two-step sign-in set-up, given what its "Back" does; null for no such
   *     button in the header (the account has it on already)
   */
  public WorkspaceView(WorkspaceViewModel vm, I18n i18n, Function<WorkspaceArea, Node> areaViews, String serverText,
      boolean plaintext, Function<Runnable, Node> passwordChange, Function<Runnable, Node> twoFactorSetup) {
    this.passwordChange = passwordChange;
    this.twoFactorSetup = twoFactorSetup;
    this.vm = vm;
    this.i18n = i18n;
    this.areaViews = new CachingAreaViews(areaViews);
    VBox top = new VBox(header());
    if (plaintext) {
      top.getChildren().add(Banner.fixed(Banner.Kind.WARNING, i18n.get("connection.plaintextWarning")));
    }
    frame.setTop(top);
    frame.setLeft(navigation());
    frame.setBottom(new ConnectionStatusBar(vm.connectionStateProperty(), serverText, i18n));
    showArea(vm.selectedAreaProperty().get());
    vm.selectedAreaProperty().addListener((obs, old, now) -> showArea(now));
    getChildren().add(frame);

    // any input counts as presence; filters see events before the controls consume them
    addEventFilter(KeyEvent.KEY_PRESSED, this::activity);
    addEventFilter(MouseEvent.MOUSE_PRESSED, this::activity);
    addEventFilter(MouseEvent.MOUSE_MOVED, this::activity);
    addEventFilter(ScrollEvent.SCROLL, this::activity);
    vm.lockedProperty().addListener((obs, was, locked) -> showLock(locked));
  }

  private Node header() {
    Label title = new Label(i18n.get("app.title"));
    title.getStyleClass().add("app-title");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label user = new Label();
    user.setId("userName");
    user.getStyleClass().add("user-name");
    user.textProperty().bind(vm.sessionProperty().map(s -> s.displayName()));
    Label roles = new Label(vm.rolesText());
    roles.setId("userRoles");
    roles.getStyleClass().add("user-roles");
    Button signOut = new Button(i18n.get("shell.signOut"));
    signOut.setId("signOut");
    signOut.setOnAction(e -> vm.signOut());
    HBox header = new HBox(title, spacer, new VBox(user, roles));
    if (passwordChange != null) {
      Button change = new Button(i18n.get("password.title"));
      change.setId("changePassword");
      // in place of the area; Back shows the area again as it was
      change.setOnAction(e -> frame.setCenter(passwordChange.apply(() -> showArea(vm.selectedAreaProperty().get()))));
      header.getChildren().add(change);
    }
    if (twoFactorSetup != null) {
      Button twoSteps = new Button(i18n.get("shell.twoFactor"));
      twoSteps.setId("twoFactorOpen");
      twoSteps.setOnAction(e -> frame.setCenter(twoFactorSetup.apply(() -> showArea(vm.selectedAreaProperty().get()))));
      header.getChildren().add(twoSteps);
    }
    header.getChildren().add(signOut);
    header.getStyleClass().add("app-header");
    return header;
  }

  private Node navigation() {
    VBox nav = new VBox();
    nav.getStyleClass().add("navigation");
    ToggleGroup group = new ToggleGroup();
    for (WorkspaceArea area : vm.areas()) {
      ToggleButton button = new ToggleButton(i18n.dynamic("area.", area.name()));
      button.setId("nav-" + area.name().toLowerCase(java.util.Locale.ROOT));
      button.setToggleGroup(group);
      button.setMaxWidth(Double.MAX_VALUE);
      button.setSelected(area == vm.selectedAreaProperty().get());
      button.setOnAction(e -> {
        button.setSelected(true); // a second click must not leave nothing selected
        vm.selectedAreaProperty().set(area);
      });
      // an area opened from another (the chart from the worklist) is shown selected too
      vm.selectedAreaProperty().subscribe(now -> button.setSelected(now == area));
      nav.getChildren().add(button);
    }
    if (vm.areas().isEmpty()) {
      Label none = new Label(i18n.get("shell.noAreas"));
      none.setWrapText(true);
      nav.getChildren().add(none);
    }
    return nav;
  }

  private void showArea(WorkspaceArea area) {
    frame.setCenter(area == null ? new Region() : areaViews.apply(area));
  }

  private void showLock(boolean locked) {
    if (locked) {
      lockView = new LockView(vm.lockViewModel(), vm.sessionProperty().get().displayName(), i18n, vm::signOut);
      getChildren().add(lockView);
      // nothing behind the overlay may be read or reached with the keyboard
      frame.setDisable(true);
      frame.setVisible(false);
      lockView.focusPassword();
    } else if (lockView != null) {
      getChildren().remove(lockView);
      lockView = null;
      frame.setDisable(false);
      frame.setVisible(true);
    }
  }

  private void activity(Event event) {
    vm.userActivity();
  }

  /** Keeps each area's view, so switching areas does not lose what was on screen. */
  private static final class CachingAreaViews implements Function<WorkspaceArea, Node> {
    private final java.util.Map<WorkspaceArea, Node> views = new java.util.EnumMap<>(WorkspaceArea.class);
    private final Function<WorkspaceArea, Node> factory;

    CachingAreaViews(Function<WorkspaceArea, Node> factory) {
      this.factory = factory;
    }

    @Override
    public Node apply(WorkspaceArea area) {
      return views.computeIfAbsent(area, factory);
    }
  }
}
