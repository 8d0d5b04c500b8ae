package org.hospital.client.ui;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.hospital.client.app.CompositionRoot;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.hospital.proto.scheduling.v1.Department;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs the whole client, wired by its real composition root, in a 980x720 window (the headless screen is
 * 1000x1000) against the real server.
 */
public abstract class ClientUiTest extends ApplicationTest {

  protected CompositionRoot root;
  protected Stage stage;

  /** The options the client starts with; tests of unusual set-ups override this. */
  protected LaunchOptions options() {
    return new LaunchOptions(ServerAddress.parse(LiveServer.target()).orElseThrow(), LiveServer.caCertificate(),
        Language.ENGLISH, false);
  }

  /** Starts the server before the toolkit, so its start-up time is not counted against UI timeouts. */
  @org.junit.jupiter.api.BeforeAll
  static void requireServer() {
    LiveServer.get();
  }

  @Override
  public void start(Stage primaryStage) {
    this.stage = primaryStage;
    root = new CompositionRoot(options(), Platform::runLater);
    root.start(primaryStage, 980, 720);
  }

  @Override
  public void stop() {
    if (root != null) {
      root.close();
    }
  }

  protected void signIn(String username, String password) {
    interact(() -> {
      lookup("#username").queryAs(TextInputControl.class).setText(username);
      lookup("#password").queryAs(TextInputControl.class).setText(password);
    });
    clickOn("#signIn");
  }

  /**
   * Signs in and waits until the workspace has settled: its header is in a showing window and laid out, and
   * the Patients area (where the user has it) has given its search field the caret. Clicking the navigation
   * before that can find a node that is not yet placed in the window ("scene is null").
   */
  protected void signInAndWait(String username) {
    signIn(username, LiveServer.PASSWORD);
    waitUntil(() -> exists("#userName"));
    waitUntil(this::workspaceSettled);
  }

  private boolean workspaceSettled() {
    Node header = lookup("#userName").query();
    boolean placed = header.getScene() != null && header.getScene().getWindow() != null
        && header.getScene().getWindow().isShowing() && header.getLayoutBounds().getWidth() > 0;
    return placed && (!exists("#patientsArea #searchQuery") || holdsFocus("#patientsArea #searchQuery"));
  }

  /** Opens the Schedule area and waits until its departments are loaded. */
  protected void openSchedule() {
    openArea("schedule");
    waitUntil(() -> exists("#departmentChoice")
        && !lookup("#departmentChoice").queryAs(ComboBox.class).getItems().isEmpty());
  }

  /** Opens the Schedule area on this department (by name) and day. */
  protected void openScheduleOn(String department, LocalDate day) {
    openScheduleOn(d -> d.getName().equals(department), day);
  }

  /** Opens the Schedule area on the first department that matches, and on this day. */
  protected void openScheduleOn(Predicate<Department> department, LocalDate day) {
    openSchedule();
    interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<Department> choice = lookup("#departmentChoice").queryAs(ComboBox.class);
      choice.setValue(choice.getItems().stream().filter(department).findFirst().orElseThrow());
      lookup("#datePicker").queryAs(DatePicker.class).setValue(day);
    });
  }

  /**
   * Opens a workspace area by its navigation button, once the signed-in window shows it. Fired through the FX
   * thread rather than clicked: right after sign-in the robot can still see the button of a scene being
   * replaced.
   */
  protected void openArea(String area) {
    String query = "#nav-" + area;
    waitUntil(() -> lookup(query).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false));
    interact(() -> lookup(query).queryAs(javafx.scene.control.ButtonBase.class).fire());
  }

  protected boolean exists(String query) {
    return lookup(query).tryQuery().isPresent();
  }

  protected boolean visible(String query) {
    return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
  }

  protected String text(String query) {
    Node node = lookup(query).query();
    if (node instanceof Labeled labeled) {
      return labeled.getText();
    }
    return ((TextInputControl) node).getText();
  }

  protected void setText(String query, String value) {
    interact(() -> lookup(query).queryAs(TextInputControl.class).setText(value));
  }

  /** Fires a button through the FX thread (faster than moving the mouse, same event handler). */
  protected void press(String query) {
    interact(() -> lookup(query).queryAs(javafx.scene.control.ButtonBase.class).fire());
  }

  protected void waitUntil(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
        WaitForAsyncUtils.waitForFxEvents();
        return condition.call();
      });
    } catch (TimeoutException e) {
      screenshot("timeout-" + getClass().getSimpleName());
      throw new AssertionError("condition not met within 10 s", e);
    }
  }

  /**
   * Whether the node holds its scene's keyboard focus. The scene's focus owner is asked rather than
   * {@code Node.isFocused()}, which is also false whenever the window itself is not the focused one, and a
   * headless display does not always give the test window focus.
   */
  protected boolean holdsFocus(String query) {
    Node node = lookup(query).query();
    return node.getScene() != null && node.getScene().getFocusOwner() == node;
  }

  protected void screenshot(String name) {
    Screenshots.save(name);
  }
}
