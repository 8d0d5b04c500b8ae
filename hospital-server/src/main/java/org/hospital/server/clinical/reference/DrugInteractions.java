package org.hospital.server.clinical.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ONC drug-drug interaction lists (Phansalkar et al., JAMIA 2012), shipped as published: the high-priority
 * list, whose pairs interrupt prescribing, and the non-interruptive list. Pairs are matched by ingredient, in
 * either order; a pair on both lists counts as high priority.
 */
public final class DrugInteractions {

  public enum Level { HIGH_PRIORITY, NON_INTERRUPTIVE }

  /** The citation shown beside every interaction alert. */
  public static final String SOURCE = "ONC interaction list (Phansalkar et al., JAMIA 2012;19:735-43)";

  /** The lists' names for ingredients the formulary names otherwise. */
  private static final Map<String, String> SYNONYMS = Map.of(
      "acetylsalicylic acid", "aspirin",
      "pethidine", "meperidine",
      "alendronate", "alendronic acid",
      "fluticasone propionate", "fluticasone");

  private final Map<String, Level> pairs = new HashMap<>();

  private DrugInteractions() {}

  public static DrugInteractions shipped(DrugSubstanceList substances) {
    DrugInteractions d = new DrugInteractions();
    d.load("ONC_Non_Interuptive_Mapped.csv", Level.NON_INTERRUPTIVE, substances);
    d.load("ONC_High_Priority_Mapped.csv", Level.HIGH_PRIORITY, substances);
    return d;
  }

  /** The list an ingredient pair is on, in either order; empty when on neither. */
  public Optional<Level> between(String ingredient, String other) {
    return Optional.ofNullable(pairs.get(key(ingredient, other)));
  }

  /** Every listed pair of ingredients, each once, with its level (for tests and reports). */
  public Map<List<String>, Level> all() {
    Map<List<String>, Level> out = new HashMap<>();
    pairs.forEach((k, v) -> out.put(List.of(k.split("\\|")), v));
    return out;
  }

  /** The ingredient code a list's drug name stands for ("Acetylsalicylic acid" -> "aspirin"). */
  public static String ingredientOf(String listName) {
    String lower = listName.trim().toLowerCase(Locale.ROOT);
    return SYNONYMS.getOrDefault(lower, lower);
  }

  static String key(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
  }

  private void load(String resource, Level level, DrugSubstanceList substances) {
    try (InputStream in = DrugInteractions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing from the server's resources");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        line = line.replace("\uFEFF", "").trim();
        if (line.isEmpty()) {
          continue;
        }
        // drug1$DrugBankId1$drug2$DrugBankId2$
        String[] f = line.split("\\$");
        String a = ingredientOf(f[0]);
        String b = ingredientOf(f[2]);
        for (String i : List.of(a, b)) {
          if (!substances.isIngredient(i)) {
            throw new IllegalStateException(resource + " names " + i + ", not an ingredient of the formulary");
          }
        }
        pairs.put(key(a, b), level);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
