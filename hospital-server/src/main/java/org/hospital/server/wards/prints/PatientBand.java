package org.hospital.server.wards.prints;

/**
 * What a wristband and a patient label say about the patient in a bed, formatted for print.
 *
 * @param allergies the allergy flag's text, e.g. "ALLERGIES: penicillin (rash, severe)"
 * @param allergyAlert true when the patient has active allergies, so the flag is printed reversed (white on
 *     black) and cannot be mistaken for the quiet "No known drug allergies"
 * @param print which wristband print of the stay this is (1: the first; later ones say COPY)
 */
public record PatientBand(long stayId, long patientId, String name, String mrn, String birthDate, String sex,
    String ward, String bed, String allergies, boolean allergyAlert, int print) {

  public boolean copy() {
    return print > 1;
  }
}
