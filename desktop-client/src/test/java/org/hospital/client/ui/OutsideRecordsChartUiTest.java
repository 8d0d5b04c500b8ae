package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A demo chart made from the outside records, as the doctor of the demo first sees it: a Synthea patient found
 * by name, with coded problems, encounters going back years and medications that say their dose was not
 * recorded; an allergy recorded elsewhere shows in the banner.
 */
class OutsideRecordsChartUiTest extends ClientUiTest {

  private static TestHospitalServer server;

  @BeforeAll
  static void startServerWithOutsideRecords() {
    server = TestHospitalServer.start("h2", 0, Duration.ofMinutes(15), true);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(new ServerAddress("localhost", server.port()), server.caCertificate(),
        Language.ENGLISH, false);
  }

  @Test
  void anImportedChartReadsLikeARealOne() {
    signInAndWait("doctor");
    openArea("clinical");
    setText("#chartSearch", "Weber Isaiah");
    interact(() -> lookup("#chartSearch").queryAs(javafx.scene.control.TextField.class).fireEvent(
        new javafx.event.ActionEvent()));
    waitUntil(() -> text("#bannerName").startsWith("WEBER"));
    waitUntil(() -> listOf("#summaryProblems").getItems().stream().anyMatch(p -> p.toString().startsWith("I10")));
    waitUntil(() -> !listOf("#summaryEncounters").getItems().isEmpty());
    assertTrue(listOf("#summaryEncounters").getItems().getFirst().toString().contains("Outside record (Synthea)"));
    screenshot("chart-outside-record-summary");

    interact(() -> lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(4));
    waitUntil(() -> medications().getItems().stream().anyMatch(p -> p.getProduct().getName()
        .startsWith("lisinopril") && p.getInstructions().startsWith("Outside record: the dose")));
    screenshot("chart-outside-record-medications");

    setText("#chartSearch", "Wunsch");
    interact(() -> lookup("#chartSearch").queryAs(javafx.scene.control.TextField.class).fireEvent(
        new javafx.event.ActionEvent()));
    waitUntil(() -> text("#bannerAllergies").contains("Sulfonamide"));
    screenshot("chart-outside-record-allergy");
  }

  @SuppressWarnings("unchecked")
  private ListView<Object> listOf(String query) {
    return lookup(query).queryAs(ListView.class);
  }

  @SuppressWarnings("unchecked")
  private TableView<Prescription> medications() {
    return lookup("#medicationTable").queryAs(TableView.class);
  }
}
