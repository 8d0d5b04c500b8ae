package org.hospital.server.clinical.reference;

import java.util.Optional;

/** The ICD-10-CM codes the chart accepts, from the clinical reference data. */
public interface DiagnosisCodeBook {

  /** The title of a code given without its dot in upper case ("E119"); empty for a code that does not exist. */
  Optional<String> title(String code);
}
