package org.hospital.server.scheduling.waitlist;

/** What happened to a wait-list entry; the wire enum of the same name is mapped from it by name. */
public enum WaitListEventType {
  ENTRY_ADDED, ENTRY_REMOVED
}
