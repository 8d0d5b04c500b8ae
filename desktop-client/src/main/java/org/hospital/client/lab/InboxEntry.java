package org.hospital.client.lab;

import org.hospital.proto.lab.v1.ResultsInboxItem;

/**
 * An order as the inbox feed keeps it: in the inbox with its item, or acknowledged at a version (item null). The
 * version orders the two, so that a correction after an acknowledgement brings the order back.
 */
public record InboxEntry(long orderId, long version, ResultsInboxItem item) {

  public boolean inInbox() {
    return item != null;
  }
}
