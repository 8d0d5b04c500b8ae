package org.hospital.server.clinical.medication;

import java.util.List;

/** A prescription with its product and the alerts overridden when it was signed. */
public record PrescriptionView(Prescription prescription, FormularyProduct product, List<Override> overrides) {

  /** An overridden alert as stored with the prescription. */
  public record Override(String alertKey, PrescribingAlert.Kind kind, String summary, String reason) {}
}
