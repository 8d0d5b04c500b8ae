package org.hospital.server.clinical.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The drug ingredients and drug classes a drug allergy may name, shipped with the server: the ingredients of the
 * formulary's products and the classes they fall in (WHO ATC groups). A class code and an ingredient code never
 * collide, so one code names either.
 */
public final class DrugSubstanceList implements DrugSubstances {

  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, Set<String>> classesOfIngredient = new LinkedHashMap<>();
  private final Map<String, Set<String>> membersOfClass = new LinkedHashMap<>();

  public static DrugSubstanceList shipped() {
    DrugSubstanceList list = new DrugSubstanceList();
    for (List<String> row : rows("drug-ingredients.csv")) {
      list.names.put(row.get(0), row.get(1));
    }
    for (List<String> row : rows("drug-classes.csv")) {
      String code = row.get(0);
      if (list.names.containsKey(code)) {
        throw new IllegalStateException("drug class " + code + " is also an ingredient");
      }
      list.names.put(code, row.get(2));
      for (String ingredient : row.get(3).split(";")) {
        if (!list.names.containsKey(ingredient)) {
          throw new IllegalStateException("drug class " + code + " names unknown ingredient " + ingredient);
        }
        list.classesOfIngredient.computeIfAbsent(ingredient, i -> new TreeSet<>()).add(code);
        list.membersOfClass.computeIfAbsent(code, c -> new TreeSet<>()).add(ingredient);
      }
    }
    return list;
  }

  @Override
  public Optional<String> displayName(String substanceCode) {
    return Optional.ofNullable(names.get(substanceCode));
  }

  /** The classes an ingredient belongs to ("amoxicillin" -> penicillins); empty for a class or unknown code. */
  public Set<String> classesOf(String ingredient) {
    return classesOfIngredient.getOrDefault(ingredient, Set.of());
  }

  /** Whether the code names an ingredient (not a class). */
  public boolean isIngredient(String code) {
    return names.containsKey(code) && !membersOfClass.containsKey(code);
  }

  /** Whether the code names a drug class. */
  public boolean isClass(String code) {
    return membersOfClass.containsKey(code);
  }

  /** Comma-separated rows of a reference file beside this class, after the header, with lines starting with # left out; the last column may hold commas. */
  public static List<List<String>> rows(String resource) {
    try (InputStream in = DrugSubstanceList.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing from the server's resources");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<List<String>> rows = new ArrayList<>();
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(List.of(line.split(",", -1)));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
