package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PatientSearchUiTest extends ClientUiTest {

  @BeforeAll
  static void seedPatients() {
    try (ServerBackdoor desk = new ServerBackdoor("admin")) {
      desk.register(ServerBackdoor.person("Quillfeather", "Amelia", 1961, 4, 9, "+1 555 0101"));
      desk.register(ServerBackdoor.person("Quillfeather", "Bruno", 1990, 12, 1, "+1 555 0102"));
      desk.register(ServerBackdoor.person("Quinterosa", "Carla", 1975, 6, 30, "+1 555 0103"));
      for (int i = 0; i < 30; i++) {
        // a family name shared by more patients than one page holds
        desk.register(ServerBackdoor.person("Ravenscroft", "Given" + (char) ('A' + i % 26) + (char) ('a' + i / 26),
            1950 + i, 1 + i % 12, 1 + i % 28, "+1 555 02" + (10 + i)));
      }
    }
  }

  @Test
  void typeArrowDownEnterOpensThePatient() {
    signInAndWait("reception");
    // the caret lands in the search field once the workspace has settled; clicking earlier may hit a
    // search field that is being replaced
    waitUntil(() -> holdsFocus("#searchQuery"));
    clickOn("#searchQuery");
    write("q");
    waitUntil(() -> text("#searchStatus").startsWith("Type at least 2 characters"));
    write("uillf");
    waitUntil(() -> lookup("#searchResults").queryAs(TableView.class).getItems().size() == 2);
    screenshot("search-results");

    type(KeyCode.DOWN);
    type(KeyCode.ENTER);
    waitUntil(() -> exists("#patientName") && text("#patientName").startsWith("Quillfeather"));
    assertTrue(text("#patientMrn").startsWith("MRN "));
    screenshot("patient-details");

    press("#backToSearch");
    waitUntil(() -> exists("#searchQuery"));
    assertEquals("quillf", text("#searchQuery"), "going back keeps the search");
  }

  @Test
  void moreResultsFetchesTheNextPage() {
    signInAndWait("reception");
    setText("#searchQuery", "ravenscroft");
    waitUntil(() -> lookup("#searchResults").queryAs(TableView.class).getItems().size() == 25);
    assertTrue(visible("#moreResults"));
    press("#moreResults");
    waitUntil(() -> lookup("#searchResults").queryAs(TableView.class).getItems().size() == 30);
    waitUntil(() -> !visible("#moreResults"));
  }

  @Test
  void saysSoWhenNobodyMatches() {
    signInAndWait("reception");
    // the caret lands in the search field once the workspace has settled; clicking earlier may hit a
    // search field that is being replaced
    waitUntil(() -> holdsFocus("#searchQuery"));
    clickOn("#searchQuery");
    write("xyzzyq");
    waitUntil(() -> text("#searchStatus").startsWith("No patients found"));
    screenshot("search-no-results");
  }
}
