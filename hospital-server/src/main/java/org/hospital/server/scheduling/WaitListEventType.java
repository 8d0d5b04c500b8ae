package org.hospital.server.scheduling;

/** What happened to a wait-list entry; the wire enum of the same name is mapped from it by name. */
enum WaitListEventType {
  ENTRY_ADDED, ENTRY_REMOVED
}
