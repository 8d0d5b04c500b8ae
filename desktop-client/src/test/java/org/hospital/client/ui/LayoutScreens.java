package org.hospital.client.ui;

import java.util.List;
import java.util.function.Consumer;

/**
 * Every screen of the workstation that the layout check opens, in one place: a new screen joins the check by
 * being added here. Screens are grouped by the account that sees them and opened in this order, each from
 * where the one before it left the workspace.
 */
final class LayoutScreens {

  /** A screen: its name in the screenshots, the account that opens it (null: before signing in), and how. */
  record Screen(String name, String account, Consumer<EveryScreenLayoutUiTest> open) {
  }

  private LayoutScreens() {
  }

  static final List<Screen> ALL = List.of(
      new Screen("sign-in", null, t -> t.waitUntil(() -> t.exists("#signIn"))),
      new Screen("sign-in-error", null, EveryScreenLayoutUiTest::failSignIn),
      new Screen("patients-search", "reception", t -> t.openArea("patients")),
      new Screen("patients-register", "reception", EveryScreenLayoutUiTest::openRegistration),
      new Screen("patients-register-required", "reception", EveryScreenLayoutUiTest::saveEmptyRegistration),
      new Screen("schedule-day", "reception", EveryScreenLayoutUiTest::openBookedDay),
      new Screen("schedule-week", "reception", EveryScreenLayoutUiTest::openWeek),
      new Screen("change-password", "reception", t -> t.press("#changePassword")),
      new Screen("two-step-set-up", "reception", EveryScreenLayoutUiTest::openTwoStepSetUp),
      new Screen("worklist", "doctor", t -> t.openArea("worklist")),
      new Screen("chart", "doctor", EveryScreenLayoutUiTest::openChart),
      new Screen("chart-lab", "doctor", t -> t.interact(() -> t.lookup("#chartTabs")
          .queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(5))),
      new Screen("chart-nurse", "nurse", t -> t.openArea("clinical")),
      new Screen("clinic-hours", "admin", t -> t.openArea("clinic_hours")),
      new Screen("staff", "admin", t -> t.openArea("staff")),
      new Screen("administration", "admin", t -> t.openArea("administration")),
      new Screen("lab-desk", "lab", t -> t.openArea("lab")),
      new Screen("billing", "billing", BillingScreens::openAccount),
      new Screen("ward", "nurse", t -> t.openArea("ward")),
      new Screen("ward-occupied-bed", "nurse", t -> WardUiTest.openOccupiedBed(t)),
      new Screen("ward-doctor", "doctor", t -> WardUiTest.openOccupiedBed(t)),
      new Screen("ward-reception", "reception", t -> WardUiTest.openOccupiedBed(t, "#bedPanelPatient")),
      new Screen("results-inbox", "doctor", t -> {
        ResultsInboxUiTest.seedCriticalResult();
        t.openArea("results");
      }));
}
