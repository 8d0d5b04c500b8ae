package org.hospital.client.schedule.waitlist;

import java.util.function.Consumer;
import org.hospital.client.schedule.Clinic;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/** The wait list's dialogs; like the other dialog services they answer through callbacks, never blocking. */
public interface WaitListDialogs {

  /** Puts a patient on the list of the department or one of its clinicians; {@code added} gets the entry. */
  void add(Clinic clinic, Department department, Consumer<WaitListEntry> added);

  /** Asks why the entry is taken off; the answer is never blank. */
  void askRemoveReason(String entryText, Consumer<String> reason);
}
