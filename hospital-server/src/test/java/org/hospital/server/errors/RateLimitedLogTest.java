package org.hospital.server.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

  private final List<LogRecord> written = new ArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000);

  private RateLimitedLog log() {
    Logger logger = Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    logger.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        written.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    return new RateLimitedLog(logger, Duration.ofSeconds(10), now::get);
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void writesOneLinePerIntervalAndCountsTheOnesLeftOut() {
    RateLimitedLog log = log();
    log.record("first");
    for (int i = 0; i < 500; i++) {
      advance(Duration.ofMillis(10));
      log.record("flood " + i);
    }
    assertEquals(List.of("first"), messages());

    advance(Duration.ofSeconds(6));
    log.record("later");
    assertEquals(List.of("first", "later; 500 more left out in the last 11 s"), messages());

    advance(Duration.ofSeconds(30));
    log.record("quiet again");
    assertEquals("quiet again", messages().get(2));
    assertEquals(null, written.get(2).getThrown());
  }

  private List<String> messages() {
    return written.stream().map(LogRecord::getMessage).toList();
  }
}
