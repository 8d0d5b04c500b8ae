package org.hospital.client.dialogs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hospital.proto.patients.v1.PatientSummary;

/** Answers dialogs as the test scripted, and remembers what was asked. */
public final class ScriptedDialogs implements DialogService {

  public final List<List<PatientSummary>> duplicateQuestions = new ArrayList<>();
  public final List<String> staleQuestions = new ArrayList<>();
  public DuplicateDecision duplicateAnswer = new DuplicateDecision.Cancel();
  public StaleSaveDecision staleAnswer = StaleSaveDecision.KEEP_EDITING;

  @Override
  public void chooseAmongDuplicates(List<PatientSummary> candidates, Consumer<DuplicateDecision> answer) {
    duplicateQuestions.add(candidates);
    answer.accept(duplicateAnswer);
  }

  @Override
  public void askAboutStaleSave(String updatedBy, String updatedAtText, Consumer<StaleSaveDecision> answer) {
    staleQuestions.add(updatedBy + " at " + updatedAtText);
    answer.accept(staleAnswer);
  }
}
