package org.hospital.server.clinical.chart;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants as the chart's columns hold them: UTC, to the microsecond (what both databases keep). */
final class Times {

  private Times() {}

  static OffsetDateTime utc(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
