package org.hospital.server.clinical.medication;

/**
 * One finding of the prescribing checks. {@code key} is the same for the same finding on every check, so that an
 * override given after a check still names it at signing.
 */
public record PrescribingAlert(String key, Kind kind, boolean interruptive, String ingredient, String other,
    long otherId, String detail, String source, String summary) {

  public enum Kind { INTERACTION_HIGH_PRIORITY, INTERACTION, DRUG_ALLERGY, CROSS_SENSITIVITY, DUPLICATE_THERAPY,
    DOSE_OUT_OF_RANGE }
}
