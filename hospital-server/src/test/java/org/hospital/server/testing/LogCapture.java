package org.hospital.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Everything logged through java.util.logging while open, for tests that check what the server wrote. */
public final class LogCapture extends Handler implements AutoCloseable {

  private final List<LogRecord> records = new ArrayList<>();

  private LogCapture() {}

  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
  }

  public synchronized List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** "logger: message throwable" of every record that carries a stack trace. */
  public List<String> stackTraces() {
    return records().stream().filter(r -> r.getThrown() != null)
        .map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
