package org.hospital.server.clinical.chart;

import java.util.List;

/** An encounter as the chart shows it: its diagnoses in order and, when asked for, its notes. */
public record EncounterView(Encounter encounter, List<EncounterDiagnoses.Diagnosis> diagnoses,
    List<NoteView> notes) {

  public EncounterView {
    diagnoses = List.copyOf(diagnoses);
    notes = List.copyOf(notes);
  }
}
