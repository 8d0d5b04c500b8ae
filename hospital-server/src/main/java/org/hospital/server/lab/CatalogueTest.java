package org.hospital.server.lab;

import java.util.List;

/** A test or panel that can be ordered, by its LOINC code, with the specimen types it runs on (usual first). */
public record CatalogueTest(String code, String name, boolean panel, List<SpecimenType> specimenTypes,
    List<Analyte> analytes) {

  public CatalogueTest {
    specimenTypes = List.copyOf(specimenTypes);
    analytes = List.copyOf(analytes);
  }

  public boolean takes(SpecimenType type) {
    return specimenTypes.contains(type);
  }
}
