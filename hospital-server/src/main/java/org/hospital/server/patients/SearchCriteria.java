package org.hospital.server.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a search asks for, parsed and folded. {@code familyFirst} is true when the order of the name tokens is
 * known ("Smith, John"); otherwise "john smith" is tried both ways round.
 */
record SearchCriteria(
    Optional<String> mrn,
    List<String> nameTokens,
    boolean familyFirst,
    Optional<LocalDate> birthDate,
    Optional<String> phoneDigits) {

  boolean hasName() {
    return !nameTokens.isEmpty();
  }

  /** A stable fingerprint, so a page token can only be used with the search that issued it. */
  String fingerprint() {
    return mrn.orElse("") + "|" + String.join(" ", nameTokens) + "|" + familyFirst + "|"
        + birthDate.map(LocalDate::toString).orElse("") + "|" + phoneDigits.orElse("");
  }
}
