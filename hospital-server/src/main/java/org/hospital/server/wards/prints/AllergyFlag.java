package org.hospital.server.wards.prints;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hospital.server.clinical.chart.Allergy;
import org.hospital.server.clinical.chart.AllergyStatement;

/**
 * The allergy flag of a wristband from the chart's active allergies: the substances, with the reaction when it is
 * short enough for a band; "No known drug allergies" only when a clinician recorded that; otherwise "Allergies not
 * recorded", which a nurse must not read as "none".
 */
final class AllergyFlag {

  static final String NONE_KNOWN = "No known drug allergies";
  static final String NOT_RECORDED = "Allergies not recorded";

  private AllergyFlag() {}

  static String text(List<Allergy> active, AllergyStatement statement) {
    if (active.isEmpty()) {
      return statement != null && statement.state() == AllergyStatement.State.NO_KNOWN_DRUG_ALLERGIES
          ? NONE_KNOWN : NOT_RECORDED;
    }
    List<String> parts = new ArrayList<>();
    for (Allergy a : active) {
      String s = a.substance();
      if (a.severity() != null) {
        s += " (" + a.severity().name().toLowerCase(Locale.ROOT) + ")";
      }
      parts.add(s);
    }
    return "ALLERGIES: " + String.join(", ", parts);
  }
}
