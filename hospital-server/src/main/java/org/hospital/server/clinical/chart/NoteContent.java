package org.hospital.server.clinical.chart;

/** The parts of a clinical note; null for a part not written. */
public record NoteContent(String presentingComplaint, String findings, String assessment, String plan,
    String freeText) {

  public static final int MAX_PART = 20_000;
}
