package org.hospital.server.lab;

/** The tube or container a specimen comes in. Stored by name. */
public enum SpecimenType {
  BLOOD_EDTA("EDTA blood"), SERUM("Serum"), PLASMA_CITRATE("Citrate plasma"),
  BLOOD_CULTURE_BOTTLES("Blood culture bottles"), URINE("Urine");

  private final String label;

  SpecimenType(String label) {
    this.label = label;
  }

  /** As printed on the label. */
  public String label() {
    return label;
  }
}
