package org.hospital.server.clinical.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drug classes that can cause a reaction in patients allergic to another class, each with its published
 * source (drug-cross-sensitivity.csv).
 */
public final class CrossSensitivities {

  private final Map<String, String> sourceByPair = new HashMap<>();

  public static CrossSensitivities shipped(DrugSubstanceList substances) {
    CrossSensitivities c = new CrossSensitivities();
    for (List<String> row : DrugSubstanceList.rows("drug-cross-sensitivity.csv")) {
      for (String cls : row.subList(0, 2)) {
        if (!substances.isClass(cls)) {
          throw new IllegalStateException("drug-cross-sensitivity.csv names unknown class " + cls);
        }
      }
      c.sourceByPair.put(row.get(0) + ">" + row.get(1), row.get(2));
    }
    return c;
  }

  /** The source when an allergy to {@code allergyClass} cross-reacts with {@code drugClass}. */
  public Optional<String> between(String allergyClass, String drugClass) {
    return Optional.ofNullable(sourceByPair.get(allergyClass + ">" + drugClass));
  }
}
