package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.StartEncounterRequest;
import org.hospital.proto.lab.v1.CollectSpecimenRequest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.PlaceLabOrderRequest;
import org.hospital.proto.lab.v1.ReceiveSpecimenRequest;
import org.hospital.proto.lab.v1.RecordLabResultsRequest;
import org.hospital.proto.lab.v1.ResultEntry;
import org.hospital.proto.lab.v1.ResultsInboxItem;
import org.hospital.proto.lab.v1.SpecimenType;
import org.hospital.proto.patients.v1.Patient;
import org.junit.jupiter.api.Test;

/**
 * The doctor's results inbox, live: with the Results area open, the lab (its own sign-in) records a critically
 * high potassium on the doctor's order; the row appears without a refresh, red and marked CRITICAL, and
 * acknowledging it takes it out.
 */
class ResultsInboxUiTest extends ClientUiTest {

  @Test
  void aCriticalResultAppearsLiveAndAcknowledgingRemovesIt() throws Exception {
    LabOrder order = receivedBasicPanel("Quennell", "Ivor");
    signInAndWait("doctor");
    openArea("results");
    waitUntil(() -> exists("#inboxTable"));
    assertTrue(row(order.getId()) == null, "nothing to see before the lab has a result");

    recordPotassium(order, "6.9");
    waitUntil(() -> row(order.getId()) != null);
    ResultsInboxItem item = row(order.getId());
    assertTrue(item.getCritical());
    assertEquals(0, inbox().getItems().indexOf(item), "critical first");
    // the row as drawn: red (its style) and saying so in words, not by colour alone
    waitUntil(() -> drawnRow(item) != null && drawnRow(item).getStyleClass().contains("inbox-critical"));
    TableRow<?> drawn = drawnRow(item);
    assertEquals("CRITICAL", ((TableCell<?, ?>) drawn.getChildrenUnmodifiable().getFirst()).getText());
    screenshot("results-inbox-critical");

    interact(() -> inbox().getSelectionModel().select(item));
    press("#inboxAcknowledge");
    waitUntil(() -> row(order.getId()) == null);
    assertTrue(text("#inboxNotice").endsWith("acknowledged."), text("#inboxNotice"));
    screenshot("results-inbox-acknowledged");
  }

  /** For the layout check: a critical result waiting in the doctor's inbox. */
  static void seedCriticalResult() {
    recordPotassium(receivedBasicPanel("Ravenhill", "Oona"), "7.1");
  }

  private TableRow<?> drawnRow(ResultsInboxItem item) {
    return lookup("#inboxTable .table-row-cell").queryAllAs(TableRow.class).stream()
        .filter(r -> r.getItem() == item).findFirst().orElse(null);
  }

  @SuppressWarnings("unchecked")
  private TableView<ResultsInboxItem> inbox() {
    return lookup("#inboxTable").queryAs(TableView.class);
  }

  private ResultsInboxItem row(long orderId) {
    return inbox().getItems().stream().filter(i -> i.getOrder().getId() == orderId).findFirst().orElse(null);
  }

  /** A basic metabolic panel the demo doctor ordered, collected by the nurse and received in the lab. */
  private static LabOrder receivedBasicPanel(String family, String given) {
    try (ServerBackdoor reception = new ServerBackdoor("reception");
        ServerBackdoor doctor = new ServerBackdoor("doctor");
        ServerBackdoor nurse = new ServerBackdoor("nurse");
        ServerBackdoor lab = new ServerBackdoor("lab")) {
      Patient patient = reception.register(ServerBackdoor.person(family, given, 1961, 3, 14, "+1 555 0142"));
      long encounter = doctor.stub(ChartServiceGrpc::newBlockingStub).startEncounter(StartEncounterRequest
          .newBuilder().setIdempotencyKey(UUID.randomUUID().toString()).setPatientId(patient.getId())
          .setReason("Weakness and palpitations").build()).getId();
      LabOrder o = doctor.stub(LabServiceGrpc::newBlockingStub).placeLabOrder(PlaceLabOrderRequest.newBuilder()
          .setIdempotencyKey(UUID.randomUUID().toString()).setEncounterId(encounter).addTestCodes("51990-0")
          .setPriority(LabPriority.URGENT).setSpecimenType(SpecimenType.SERUM).build());
      LabOrder c = nurse.stub(LabServiceGrpc::newBlockingStub).collectSpecimen(CollectSpecimenRequest.newBuilder()
          .setOrderId(o.getId()).setExpectedVersion(o.getVersion()).build());
      return lab.stub(LabServiceGrpc::newBlockingStub).receiveSpecimen(ReceiveSpecimenRequest.newBuilder()
          .setOrderId(o.getId()).setExpectedVersion(c.getVersion()).build());
    }
  }

  private static void recordPotassium(LabOrder order, String value) {
    try (ServerBackdoor lab = new ServerBackdoor("lab")) {
      lab.stub(LabServiceGrpc::newBlockingStub).recordLabResults(RecordLabResultsRequest.newBuilder()
          .setOrderId(order.getId()).setExpectedVersion(order.getVersion()).addEntries(ResultEntry.newBuilder()
              .setAnalyteCode("2823-3").setValue(value).setUnit("mmol/L")).build());
    }
  }
}
