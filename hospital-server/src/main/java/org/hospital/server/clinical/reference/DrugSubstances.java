package org.hospital.server.clinical.reference;

import java.util.Optional;

/** The drug ingredients and classes a drug allergy may name, from the formulary. */
public interface DrugSubstances {

  /** What people read for an ingredient or class code ("penicillins" -> "Penicillins"); empty when unknown. */
  Optional<String> displayName(String substanceCode);
}
