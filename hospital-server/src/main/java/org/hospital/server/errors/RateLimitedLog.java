package org.hospital.server.errors;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A warning that callers can provoke at will (malformed requests): one line, no stack trace, at most one per
 * interval; the next line written says how many were left out since the last one.
 */
final class RateLimitedLog {

  private final Logger logger;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private long lastWritten;
  private boolean written;
  private long suppressed;

  RateLimitedLog(Logger logger, Duration interval, LongSupplier nanoTime) {
    this.logger = logger;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  void record(String line) {
    String text;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (written && now - lastWritten < intervalNanos) {
        suppressed++;
        return;
      }
      text = suppressed == 0 ? line : line + "; " + suppressed + " more left out in the last "
          + Duration.ofNanos(now - lastWritten).toSeconds() + " s";
      written = true;
      lastWritten = now;
      suppressed = 0;
    }
    logger.log(Level.WARNING, text);
  }
}
