package org.hospital.server.clinical.chart;

import java.sql.SQLException;
import java.util.List;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.FieldViolation;

/** The chart's refusals that name a field, and recognising the database's own refusals. */
public final class ChartFailures {

  private ChartFailures() {}

  public static DomainException unknownId(String field) {
    return invalid(field, FieldViolationCode.UNKNOWN_ID);
  }

  public static DomainException invalid(String field, FieldViolationCode code) {
    return DomainException.invalid(List.of(new FieldViolation(field, code)));
  }

  /**
   * Runs a write again when it lost a race on a unique constraint (a concurrent retry of the same key, or the
   * first row of a patient's statement made by someone else): the second run finds the winner's row.
   */
  public static <T> T retryOnUniqueViolation(java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (RuntimeException e) {
      if (UniqueViolation.in(e)) {
        return write.get();
      }
      throw e;
    }
  }

  /** Whether the database refused because of the named constraint (H2 and PostgreSQL both name it). */
  public static boolean violated(Throwable e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getMessage() != null
          && s.getMessage().toLowerCase(java.util.Locale.ROOT).contains(constraint)) {
        return true;
      }
    }
    return false;
  }
}
