package org.hospital.client.patients.search;

/** What the area under the search field shows. */
public enum SearchState {
  /** Fewer than two characters typed. */
  TOO_SHORT,
  SEARCHING,
  RESULTS,
  NO_RESULTS,
  FAILED
}
