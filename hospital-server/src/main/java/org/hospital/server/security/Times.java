package org.hospital.server.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants as stored: UTC, microseconds (what PostgreSQL keeps), so a value read back equals the one written. */
final class Times {

  private Times() {}

  static OffsetDateTime toDb(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static Instant fromDb(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
