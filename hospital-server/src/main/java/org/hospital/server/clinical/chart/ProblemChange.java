package org.hospital.server.clinical.chart;

import java.time.LocalDate;

/** What a doctor sets on a problem: status, onset (null: unknown) and note (null: none). */
public record ProblemChange(Problem.Status status, LocalDate onset, String note) {

  public static final int MAX_NOTE = 2_000;
}
