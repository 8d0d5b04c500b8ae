package org.hospital.server.errors;

import com.google.protobuf.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.common.v1.FieldViolationCode;

/** The wire's calendar dates, checked the same way by every service, and its instants. */
public final class ProtoDates {

  private ProtoDates() {}

  /** An instant as the wire's Timestamp, to the nanosecond. */
  public static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  /** Whether the date is the all-zero "not given". */
  public static boolean isEmpty(Date date) {
    return date == null || date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0;
  }

  /** A real calendar date, or null with REQUIRED (not given) or INVALID_DATE (30 February) recorded. */
  public static LocalDate required(Violations v, String field, Date date) {
    if (isEmpty(date)) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    try {
      return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    } catch (DateTimeException e) {
      v.add(field, FieldViolationCode.INVALID_DATE);
      return null;
    }
  }
}
