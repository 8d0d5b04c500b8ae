package org.hospital.client.testing;

import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.i18n.Language;
import org.hospital.client.tasks.TaskRunner;

/** Shared pieces of ViewModel tests: English texts, UTC, a UI thread that is the test's own thread. */
public final class Direct {

  public static final Executor EXECUTOR = Runnable::run;
  public static final I18n ENGLISH = I18n.of(Language.ENGLISH);
  public static final ErrorMessages ERRORS = new ErrorMessages(ENGLISH, ZoneOffset.UTC);

  private Direct() {
  }

  /** Background work runs at once, on the calling thread. */
  public static TaskRunner tasks() {
    return new TaskRunner(EXECUTOR, EXECUTOR);
  }

  /** Background work waits in {@code background} until the test runs it. */
  public static TaskRunner tasks(ManualExecutor background) {
    return new TaskRunner(background, EXECUTOR);
  }
}
