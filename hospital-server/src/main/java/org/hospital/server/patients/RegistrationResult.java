package org.hospital.server.patients;

import java.util.List;

/** Either the registered patient, or the likely duplicates the receptionist must look at first. */
sealed interface RegistrationResult {

  record Registered(Patient patient) implements RegistrationResult {}

  record PossibleDuplicates(List<PatientMatch> candidates) implements RegistrationResult {}
}
