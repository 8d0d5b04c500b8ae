package org.hospital.server.clinical.chart;

import java.util.List;
import java.util.Optional;
import org.hospital.server.patients.Patient;

/** What a chart opens on. {@code statement} is empty when nobody has recorded anything about allergies. */
public record ChartSummary(Patient patient, Optional<AllergyStatement> statement, List<Allergy> allergies,
    List<Problem> activeProblems, List<Problem> pastProblems, List<EncounterView> recentEncounters) {

  public ChartSummary {
    allergies = List.copyOf(allergies);
    activeProblems = List.copyOf(activeProblems);
    pastProblems = List.copyOf(pastProblems);
    recentEncounters = List.copyOf(recentEncounters);
  }

  /** Active drug allergies come first in the banner; the state says what the banner's strip reads. */
  public boolean hasActiveDrugAllergy() {
    return allergies.stream().anyMatch(a -> a.category() == Allergy.Category.DRUG);
  }
}
