package org.hospital.client.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.ManualExecutor;
import org.junit.jupiter.api.Test;

/** One message at a time: a screen never shows a success and an error together. */
class ActionStatusTest {

  private final ActionStatus status = new ActionStatus(Direct.tasks(), Direct.ERRORS);
  private final ManualExecutor background = new ManualExecutor();
  /** The same, with calls that stay out until the test answers them. */
  private final ActionStatus slow = new ActionStatus(Direct.tasks(background), Direct.ERRORS);

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

  @Test
  void aCallShownByItsCallerIsBusyWhileOutAndTakesAwayTheOldError() {
    slow.refuse("Select a patient first.");
    List<String> shown = new ArrayList<>();

    slow.call(() -> "record", shown::add, failure -> shown.add("failed"));

    assertTrue(slow.busyProperty().get());
    assertEquals("", slow.errorProperty().get(), "the old error is not about this call");
    background.runAll();
    assertFalse(slow.busyProperty().get());
    assertEquals(List.of("record"), shown);
  }

  @Test
  void aSuccessfulCallLeavesTheNoticeToItsCaller() {
    status.say("Registered as MRN-1.");
    status.call(() -> "record", record -> { }, failure -> { });
    assertEquals("Registered as MRN-1.", status.noticeProperty().get(), "the caller says something new, or not");
  }

  @Test
  void aFailedCallTakesAwayTheNoticeAndLeavesTheWordsToItsCaller() {
    status.say("Saved.");
    List<Throwable> handed = new ArrayList<>();
    status.call(() -> {
      throw new IllegalStateException("down");
    }, done -> { }, handed::add);
    assertEquals("", status.noticeProperty().get(), "the notice was about an earlier success");
    assertEquals("", status.errorProperty().get(), "the caller says why (or opens a dialog to ask what now)");
    assertEquals(1, handed.size());
    assertFalse(status.busyProperty().get());
  }

  @Test
  void aReloadAfterAnActionLeavesWhatTheActionSaid() {
    status.refuse("The entry could not be removed.");
    status.reload(() -> "list", list -> { });
    assertEquals("The entry could not be removed.", status.errorProperty().get());

    slow.say("Entry removed.");
    slow.reload(() -> "list", list -> { });
    assertTrue(slow.busyProperty().get(), "busy while the list is read again");
    background.runAll();
    assertFalse(slow.busyProperty().get());
    assertEquals("Entry removed.", slow.noticeProperty().get());

    status.reload(() -> {
      throw new IllegalStateException("down");
    }, list -> { });
    assertEquals("", status.noticeProperty().get());
    assertFalse(status.errorProperty().get().isEmpty(), "a failed read says so in place of the notice");
  }

  @Test
  void busyLastsUntilTheLastCallIsAnsweredOrCalledOff() {
    Cancellable first = slow.call(() -> 1, done -> { }, failure -> { });
    slow.call(() -> 2, done -> { }, failure -> { });

    first.cancel();
    assertTrue(slow.busyProperty().get(), "the second call is still out");
    background.runAll();
    assertFalse(slow.busyProperty().get());

    Cancellable calledOff = slow.run(() -> "done", d -> "never shown");
    calledOff.cancel();
    assertFalse(slow.busyProperty().get(), "a call called off is never answered; busy must not wait for it");
    calledOff.cancel();
    background.runAll();
    assertFalse(slow.busyProperty().get());
    assertEquals("", slow.noticeProperty().get());
  }
}
