package org.hospital.server.demo.synthea;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.hospital.server.patients.PatientDraft;
import org.hospital.server.patients.Sex;

/** A Synthea patient row as a registration: names without Synthea's numeric suffixes, the SSN as national id. */
final class SyntheaPatients {

  private SyntheaPatients() {}

  static PatientDraft draft(Map<String, String> row) {
    String given = (name(row.get("FIRST")) + " " + name(row.get("MIDDLE"))).strip();
    return new PatientDraft(name(row.get("LAST")), given, LocalDate.parse(row.get("BIRTHDATE")),
        switch (row.get("GENDER")) {
          case "F" -> Sex.FEMALE;
          case "M" -> Sex.MALE;
          default -> Sex.UNKNOWN;
        },
        Optional.empty(), text(row.get("SSN")), Optional.empty(),
        new PatientDraft.Address(text(row.get("ADDRESS")), Optional.empty(), text(row.get("CITY")),
            text(row.get("STATE")), text(row.get("ZIP")), Optional.of("US")));
  }

  /** Synthea makes its names unique with digits ("Isaiah615"); people's names have none. */
  static String name(String synthea) {
    return synthea == null ? "" : synthea.replaceAll("\\d", "").strip();
  }

  private static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }
}
