package org.hospital.server.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hospital.server.testing.LogCapture;
import org.hospital.server.testing.TestDatabases;
import org.hospital.server.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

/** Chores other features hand to the feeds' housekeeping (session retention) run on, through failures. */
class LiveFeedsHousekeepingTest {

  @Test
  void aChoreThatFailsRunsAgainOnItsNextRound() throws Exception {
    try (LogCapture log = LogCapture.start(); TestDatabase d = TestDatabases.h2();
        LiveFeeds feeds = new LiveFeeds(d.db(), Clock.systemUTC())) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch twice = new CountDownLatch(2);
      feeds.housekeeping(Duration.ofMillis(10), () -> {
        twice.countDown();
        if (runs.getAndIncrement() == 0) {
          throw new IllegalStateException("the database went away for a moment");
        }
      });
      assertTrue(twice.await(30, TimeUnit.SECONDS), "ran again after the failure: " + runs.get() + " runs");
      assertTrue(log.stackTraces().stream().anyMatch(t -> t.contains("the database went away for a moment")),
          "the failure is logged: " + log.stackTraces());
    }
  }
}
