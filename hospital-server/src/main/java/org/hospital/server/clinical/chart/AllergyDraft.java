package org.hospital.server.clinical.chart;

/**
 * A validated allergy to record. {@code substanceCode} is the formulary ingredient or class for a drug
 * allergy (null otherwise); {@code substance} is what people read.
 */
public record AllergyDraft(Allergy.Category category, Allergy.Type type, String substanceCode, String substance,
    String reaction, Allergy.Severity severity, boolean verified) {

  public static final int MAX_SUBSTANCE = 200;
  public static final int MAX_REACTION = 200;
}
