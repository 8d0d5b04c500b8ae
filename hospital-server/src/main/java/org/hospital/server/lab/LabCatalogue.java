package org.hospital.server.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The orderable tests by code, in the order the catalogue lists them. */
public final class LabCatalogue {

  private final Map<String, CatalogueTest> tests = new LinkedHashMap<>();

  LabCatalogue(List<CatalogueTest> tests) {
    for (CatalogueTest t : tests) {
      if (this.tests.put(t.code(), t) != null) {
        throw new IllegalArgumentException("test listed twice: " + t.code());
      }
    }
  }

  public static LabCatalogue shipped() {
    return new LabCatalogue(ShippedCatalogue.tests());
  }

  public List<CatalogueTest> tests() {
    return List.copyOf(tests.values());
  }

  public Optional<CatalogueTest> test(String code) {
    return Optional.ofNullable(tests.get(code));
  }
}
