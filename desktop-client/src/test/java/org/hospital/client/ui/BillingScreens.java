package org.hospital.client.ui;

/**
 * How the layout check opens the billing desk: a patient with a completed consultation (so there is a charge
 * to show), found by MRN.
 */
final class BillingScreens {
  private BillingScreens() {}

  static void openAccount(EveryScreenLayoutUiTest t) {
    String mrn;
    try (ServerBackdoor desk = new ServerBackdoor("reception"); ServerBackdoor doctor = new ServerBackdoor("doctor")) {
      var patient = desk.register(ServerBackdoor.person("Ibáñez-Løvström", "Maëlle", 1988, 2, 14, "+1 555 0191"));
      doctor.complete(desk.walkIn(desk.clinician("Dr. Daniel Doctor").getId(), patient.getId()));
      mrn = patient.getMrn();
    }
    t.openArea("billing");
    t.setText("#billingSearch", mrn);
    t.interact(() -> t.lookup("#billingSearch").queryAs(javafx.scene.control.TextField.class).fireEvent(
        new javafx.event.ActionEvent()));
    t.waitUntil(() -> t.lookup("#billingCharges").queryAs(javafx.scene.control.TableView.class).getItems()
        .size() == 1 && !t.text("#billingPatient").isEmpty());
  }
}
