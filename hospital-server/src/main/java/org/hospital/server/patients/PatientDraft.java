package org.hospital.server.patients;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Demographics that passed validation, trimmed, with blank optional fields as empty Optionals. The only way
 * patient data enters the domain.
 */
public record PatientDraft(
    String familyName,
    String givenNames,
    LocalDate birthDate,
    Sex sex,
    Optional<String> phone,
    Optional<String> nationalId,
    Optional<String> email,
    Address address) {

  /** A postal address; every part optional. */
  public record Address(Optional<String> line1, Optional<String> line2, Optional<String> city,
      Optional<String> region, Optional<String> postalCode, Optional<String> country) {}
}
