package org.hospital.server.clinical.chart;

import java.util.List;

/** A note with its addenda, oldest first. */
public record NoteView(ClinicalNote note, List<NoteAddendum> addenda) {

  public NoteView {
    addenda = List.copyOf(addenda);
  }
}
