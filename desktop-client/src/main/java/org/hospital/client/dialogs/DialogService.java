package org.hospital.client.dialogs;

import java.util.List;
import java.util.function.Consumer;
import org.hospital.proto.patients.v1.PatientSummary;

/**
 * Every dialog the client shows goes through here, so ViewModels can ask questions without knowing about
 * windows. Answers arrive through a callback on the UI thread (dialogs do not block the caller).
 */
public interface DialogService {

  void chooseAmongDuplicates(List<PatientSummary> candidates, Consumer<DuplicateDecision> answer);

  /**
   * @param updatedBy display name of who saved the newer version
   * @param updatedAtText when, already formatted for the user
   */
  void askAboutStaleSave(String updatedBy, String updatedAtText, Consumer<StaleSaveDecision> answer);
}
