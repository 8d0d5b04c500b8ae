package org.hospital.client.dialogs;

/** What the receptionist decided after seeing possible duplicates of the patient being registered. */
public sealed interface DuplicateDecision {

  /** It is one of the existing patients: open that record instead. */
  record OpenExisting(long patientId) implements DuplicateDecision {}

  /** None of them is this person: register anyway. */
  record RegisterAsNew() implements DuplicateDecision {}

  /** Back to the form. */
  record Cancel() implements DuplicateDecision {}
}
