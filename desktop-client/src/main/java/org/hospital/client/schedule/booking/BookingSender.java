package org.hospital.client.schedule.booking;

import java.time.Instant;
import java.util.function.Supplier;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.VisitType;

/**
 * Sends what the booking dialog asks for (a walk-in, a series, an overbooking or a plain booking) with an
 * idempotency key that is kept while the same content is sent again (a retry after a timeout must not book
 * twice) and renewed when the content changes, because the server refuses a key reused for another request.
 */
final class BookingSender {

  /** What is sent with a key; the same content keeps the key. */
  record Content(long clinicianId, Instant start, long patientId, VisitType visitType, String reason,
      int occurrences, int intervalWeeks, boolean overbook, String overbookReason, boolean walkIn) {
  }

  private final ScheduleGateway gateway;
  private final Supplier<String> newKey;
  private Content sentContent;
  private String sentKey;

  BookingSender(ScheduleGateway gateway, Supplier<String> newKey) {
    this.gateway = gateway;
    this.newKey = newKey;
  }

  /** The key to send this content with (on the FX thread, before the call goes out). */
  String keyFor(Content content) {
    if (!content.equals(sentContent)) {
      sentContent = content;
      sentKey = newKey.get();
    }
    return sentKey;
  }

  /** Runs on the background thread; answers the appointment, or the first of a series. */
  Appointment send(String key, Content c) {
    if (c.walkIn()) {
      return gateway.walkIn(key, c.clinicianId(), c.patientId(), c.visitType(), c.reason());
    }
    if (c.intervalWeeks() > 0) {
      return gateway.bookSeries(key, c.clinicianId(), c.patientId(), c.start(), c.occurrences(), c.intervalWeeks(),
          c.visitType(), c.reason()).getFirst();
    }
    if (c.overbook()) {
      return gateway.overbook(key, c.clinicianId(), c.patientId(), c.start(), c.visitType(), c.reason(),
          c.overbookReason());
    }
    return gateway.book(key, c.clinicianId(), c.patientId(), c.start(), c.visitType(), c.reason());
  }
}
