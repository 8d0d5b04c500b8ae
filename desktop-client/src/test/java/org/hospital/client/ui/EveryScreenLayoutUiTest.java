package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javax.imageio.ImageIO;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.hospital.client.schedule.worklist.WorklistEntry;
import org.hospital.client.ui.layout.LayoutInspector;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens every screen of {@link LayoutScreens} and lays each out at the two screen sizes desks have (1366x768 and
 * 1920x1080), failing on elided text, controls outside the window and overlapping controls. The headless screen
 * is smaller than either size, so each screen's content is laid out in a scene of that size outside the window
 * (a snapshot runs CSS and layout) and put back. Screenshots: target/screenshots/layout/{screen}-{lang}-{size}.png.
 */
public class EveryScreenLayoutUiTest extends ClientUiTest {

  private static final int[][] SIZES = {{1366, 768}, {1920, 1080}};
  static final Path DIRECTORY = Path.of("target", "screenshots", "layout");
  /** A name as long as real ones get, so that cards, banners and headers are tried with it. */
  private static final String FAMILY = "Montgomery-Fitzwilliam";
  private static final String GIVEN = "Alexandrina Wilhelmina";

  private ServerBackdoor desk;
  private LocalDate bookedDay;
  private long bookedId;
  private Patient patient;
  private Patient walkIn;

  protected Language language() {
    return Language.ENGLISH;
  }

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(ServerAddress.parse(LiveServer.target()).orElseThrow(), LiveServer.caCertificate(),
        language(), false);
  }

  @BeforeEach
  void prepareADay() {
    desk = new ServerBackdoor("reception");
    ZoneId zone = desk.zone();
    patient = desk.register(ServerBackdoor.person(FAMILY, GIVEN, 1948, 11, 23, "+1 555 0199"));
    Clinician okafor = desk.clinician("Dr. Amara Okafor");
    Slot slot = desk.freeSlots(okafor.getId(), 40).stream()
        .filter(s -> start(s).atZone(zone).toLocalDate().isAfter(LocalDate.now(zone))).findFirst().orElseThrow();
    bookedId = desk.book(slot, patient.getId()).getId();
    bookedDay = start(slot).atZone(zone).toLocalDate();
    walkIn = desk.register(ServerBackdoor.person(FAMILY, "Bartholomew", 1955, 2, 14, "+1 555 0198"));
    desk.walkIn(desk.clinician("Dr. Daniel Doctor").getId(), walkIn.getId());
  }

  @AfterEach
  void closeDesk() {
    desk.close();
  }

  @Test
  void everyScreenFitsTheWindowAtBothDeskSizes() {
    List<String> problems = new ArrayList<>();
    String account = null;
    for (LayoutScreens.Screen screen : LayoutScreens.ALL) {
      if (!Objects.equals(screen.account(), account)) {
        if (account != null) {
          press("#signOut");
          waitUntil(() -> exists("#signIn"));
        }
        if (screen.account() != null) {
          signInAndWait(screen.account());
        }
        account = screen.account();
      }
      screen.open().accept(this);
      WaitForAsyncUtils.waitForFxEvents();
      for (int[] size : SIZES) {
        for (String problem : layOut(screen.name(), size[0], size[1])) {
          problems.add(screen.name() + " " + size[0] + "x" + size[1] + ": " + problem);
        }
      }
    }
    assertTrue(problems.isEmpty(), problems.size() + " layout problems in " + language() + ":\n"
        + String.join("\n", problems));
  }

  /** Lays the window's content out at this size outside the window, saves a screenshot, and inspects it. */
  private List<String> layOut(String name, int width, int height) {
    String file = name + "-" + language().name().toLowerCase(java.util.Locale.ROOT) + "-" + width + "x" + height;
    try {
      return WaitForAsyncUtils.asyncFx(() -> {
        Scene window = stage.getScene();
        Parent content = window.getRoot();
        window.setRoot(new Group());
        Scene sized = new Scene(content, width, height);
        sized.getStylesheets().setAll(window.getStylesheets());
        try {
          sized.snapshot(null);
          BufferedImage image = SwingFXUtils.fromFXImage(sized.snapshot(null), null);
          Files.createDirectories(DIRECTORY);
          ImageIO.write(image, "png", DIRECTORY.resolve(file + ".png").toFile());
          return LayoutInspector.problemsIn(sized);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          sized.setRoot(new Group());
          window.setRoot(content);
        }
      }).get(20, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("laying out " + file + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Instant start(Slot slot) {
    return Instant.ofEpochSecond(slot.getStart().getSeconds(), slot.getStart().getNanos());
  }

  void failSignIn() {
    Bounds before = sceneBounds("#username");
    interact(() -> {
      lookup("#username").queryAs(TextInputControl.class).setText("reception");
      lookup("#password").queryAs(TextInputControl.class).setText("not the password");
    });
    press("#signIn");
    waitUntil(() -> !text("#signInError").isBlank());
    assertStill("the sign-in card", "#username", before);
  }

  /** Starting the set-up only keeps a pending key: the account signs in as before until a code confirms it. */
  void openTwoStepSetUp() {
    press("#twoFactorOpen");
    waitUntil(() -> exists("#twoFactorSecret") && !text("#twoFactorSecret").isBlank());
  }

  void openRegistration() {
    openArea("patients");
    press("#registerNew");
    waitUntil(() -> exists("#patientForm"));
  }

  void saveEmptyRegistration() {
    Bounds before = sceneBounds("#phone");
    press("#savePatient");
    waitUntil(() -> !text("#formError").isBlank());
    assertStill("the registration form", "#phone", before);
  }

  private Bounds sceneBounds(String query) {
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Node node = lookup(query).query();
    return node.localToScene(node.getLayoutBounds());
  }

  /** A message that appears must not move what the user is looking at. */
  private void assertStill(String what, String query, Bounds before) {
    Bounds after = sceneBounds(query);
    assertTrue(Math.abs(after.getMinY() - before.getMinY()) < 0.5 && Math.abs(after.getMinX() - before.getMinX()) < 0.5,
        what + " moved when its message appeared: " + query + " from " + before + " to " + after);
  }

  void openBookedDay() {
    openScheduleOn("General Medicine", bookedDay);
    waitUntil(() -> exists("#appointment-" + bookedId));
    assertFirstRowWhole();
  }

  /** A day opened at its start shows its first row whole, not cut by the column headers. */
  private void assertFirstRowWhole() {
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Node card = lookup("#appointment-" + bookedId).query();
    javafx.scene.Node viewport = lookup("#dayGrid .scroll-pane > .viewport").query();
    Bounds cardBounds = card.localToScene(card.getLayoutBounds());
    Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
    assertTrue(cardBounds.getMinY() >= shown.getMinY(), "the first row's card starts at " + cardBounds.getMinY()
        + ", above the top of the grid's viewport at " + shown.getMinY());
  }

  void openWeek() {
    press("#weekViewToggle");
    interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<Clinician> whose = lookup("#weekClinician").queryAs(ComboBox.class);
      whose.setValue(whose.getItems().stream().filter(c -> c.getDisplayName().equals("Dr. Amara Okafor"))
          .findFirst().orElseThrow());
    });
    waitUntil(() -> text("#dayLabel").contains("Okafor"));
  }

  void openChart() {
    openArea("worklist");
    waitUntil(() -> walkInRow() != null);
    interact(() -> worklist().getSelectionModel().select(walkInRow()));
    press("#startConsultation");
    waitUntil(() -> visible("#patientBanner")
        && text("#bannerName").startsWith(FAMILY.toUpperCase(java.util.Locale.ROOT)));
  }

  @SuppressWarnings("unchecked")
  private TableView<WorklistEntry> worklist() {
    return lookup("#worklistTable").queryAs(TableView.class);
  }

  private WorklistEntry walkInRow() {
    return worklist().getItems().stream().filter(e -> e.appointment().getPatientId() == walkIn.getId())
        .findFirst().orElse(null);
  }
}
