package org.hospital.server.scheduling;

import com.google.protobuf.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.errors.TextRules;
import org.hospital.server.errors.Violations;
import org.hospital.server.scheduling.appointments.AppointmentMapper;
import org.hospital.server.scheduling.appointments.AppointmentStatus;
import org.hospital.server.scheduling.appointments.VisitType;

/**
 * Field checks of scheduling requests. Each method records what is wrong under the request's field path;
 * the caller throws once with every violation ({@link Violations#throwIfAny()}).
 */
public final class SchedulingRequestValidator {

  public static final int REASON_MAX = 500;
  static final int SPECIALTY_MAX = 60;
  static final int MAX_RANGE_DAYS = 31;
  static final int MAX_IDS = 100;
  /** Bookings further ahead than this are a typo (year 2062), not a plan. */
  static final Duration BOOKING_HORIZON = Duration.ofDays(2 * 366);
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]{8,64}");
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final Clock clock;
  private final ZoneId zone;

  SchedulingRequestValidator(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  Clock clock() {
    return clock;
  }

  public static String idempotencyKey(Violations v, String field, String key) {
    if (key.isEmpty()) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (!KEY.matcher(key).matches()) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
    }
    return key;
  }

  public static long id(Violations v, String field, long value) {
    if (value == 0) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (value < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return value;
  }

  /** 0 means not given; negative is out of range. */
  static long optionalId(Violations v, String field, long value) {
    if (value < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return value;
  }

  public static void ids(Violations v, String field, List<Long> values, boolean required) {
    if (values.isEmpty() && required) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (values.size() > MAX_IDS) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    } else if (values.stream().anyMatch(x -> x <= 0)) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
  }

  /** A future instant a booking may start at: given, well-formed, not past, within the booking horizon. */
  Instant futureStart(Violations v, String field, boolean present, Timestamp t) {
    if (!present) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    if (!wellFormed(t)) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
      return null;
    }
    Instant i = Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    Instant now = clock.instant();
    if (i.isBefore(now)) {
      v.add(field, FieldViolationCode.IN_PAST);
    } else if (i.isAfter(now.plus(BOOKING_HORIZON))) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return i;
  }

  /** A real instant between 2000 and 9999 (protobuf allows nanos and seconds no calendar has). */
  public static boolean wellFormed(Timestamp t) {
    return t.getNanos() >= 0 && t.getNanos() <= 999_999_999 && t.getSeconds() >= EARLIEST.getEpochSecond()
        && t.getSeconds() <= LATEST.getEpochSecond();
  }

  public static VisitType visitType(Violations v, String field, int wire) {
    VisitType t = AppointmentMapper.visitType(wire);
    if (t == null) {
      v.add(field, wire == 0 ? FieldViolationCode.REQUIRED : FieldViolationCode.UNKNOWN_VALUE);
    }
    return t;
  }

  public static AppointmentStatus status(Violations v, String field, int wire) {
    AppointmentStatus s = AppointmentMapper.status(wire);
    if (s == null) {
      v.add(field, wire == 0 ? FieldViolationCode.REQUIRED : FieldViolationCode.UNKNOWN_VALUE);
    }
    return s;
  }

  public static String optionalText(Violations v, String field, String raw) {
    return optionalText(v, field, raw, REASON_MAX);
  }

  public static String optionalText(Violations v, String field, String raw, int max) {
    return TextRules.optional(v, field, raw, max).orElse(null);
  }

  public static String requiredText(Violations v, String field, String raw, int max) {
    String s = TextRules.required(v, field, raw, max);
    return s.isEmpty() ? null : s;
  }

  /** The overbook reason: required when overbooking, and then within length and clean. */
  static String overbookReason(Violations v, String field, boolean overbook, String raw) {
    if (!overbook) {
      if (!raw.isEmpty()) {
        optionalText(v, field, raw);
      }
      return null;
    }
    return requiredText(v, field, raw, REASON_MAX);
  }

  /**
   * A date range of at most {@link #MAX_RANGE_DAYS} days after {@code from}, {@code to} inclusive. When
   * {@code defaultToToday}, missing dates mean today (and {@code to} defaults to {@code from}).
   */
  public DateRange range(Violations v, Date from, Date to, boolean defaultToToday) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate f = date(v, "from", from, defaultToToday ? today : null);
    LocalDate t = date(v, "to", to, defaultToToday ? f : null);
    if (f != null && t != null) {
      if (t.isBefore(f) || t.isAfter(f.plusDays(MAX_RANGE_DAYS))) {
        v.add("to", FieldViolationCode.OUT_OF_RANGE);
      }
    }
    return new DateRange(f, t);
  }

  public record DateRange(LocalDate from, LocalDate to) {}

  public static LocalDate date(Violations v, String field, Date d, LocalDate orElse) {
    if (ProtoDates.isEmpty(d)) {
      if (orElse == null) {
        v.add(field, FieldViolationCode.REQUIRED);
      }
      return orElse;
    }
    if (d.getYear() < 2000 || d.getYear() > 9999) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
      return null;
    }
    return ProtoDates.required(v, field, d);
  }
}
