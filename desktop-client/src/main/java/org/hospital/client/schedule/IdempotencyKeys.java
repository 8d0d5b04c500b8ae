package org.hospital.client.schedule;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Keys for the writes that carry one. A step on an existing appointment (check in, move) gets a key derived
 * from the appointment, its version and what is asked: pressing the button again after a timeout sends the
 * same key, so the server does the step at most once; once the appointment has changed, the same step is a
 * new request with a new key.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {
  }

  public static String forStep(String step, long appointmentId, long version, Object... details) {
    StringBuilder content = new StringBuilder(step).append(':').append(appointmentId).append(':').append(version);
    for (Object detail : details) {
      content.append(':').append(detail);
    }
    return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
