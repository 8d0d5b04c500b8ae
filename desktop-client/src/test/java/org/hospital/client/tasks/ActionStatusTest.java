package org.hospital.client.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hospital.client.testing.Direct;
import org.junit.jupiter.api.Test;

/** One message at a time: a screen never shows a success and an error together. */
class ActionStatusTest {

  private final ActionStatus status = new ActionStatus(Direct.tasks(), Direct.ERRORS);

  @Test
  void aRefusalReplacesTheLastNoticeAndANoticeTheLastError() {
    status.run(() -> "done", d -> "Saved.");
    assertEquals("Saved.", status.noticeProperty().get());

    status.refuse("Select a patient first.");
    assertEquals("", status.noticeProperty().get());
    assertEquals("Select a patient first.", status.errorProperty().get());

    status.say("Printed.");
    assertEquals("", status.errorProperty().get());
    assertEquals("Printed.", status.noticeProperty().get());

    status.run(() -> {
      throw new IllegalStateException("down");
    }, d -> "never");
    assertEquals("", status.noticeProperty().get());
    assertEquals(false, status.errorProperty().get().isEmpty());
  }
}
