package org.hospital.server.persistence;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a unique or primary key violation (SQLSTATE 23505 on H2 and PostgreSQL alike) in a failure and
 * its causes, and which constraint it was: a feature answers ALREADY_EXISTS only for the constraint it means,
 * and lets any other clash surface as the bug it is.
 */
public final class UniqueViolation {

  public static final String SQLSTATE = "23505";

  private UniqueViolation() {}

  /** Whether {@code e} or one of its causes is a unique or primary key violation. */
  public static boolean in(Throwable e) {
    return find(e) != null;
  }

  /**
   * Whether {@code e} or one of its causes violates the named constraint. Both databases name it in the
   * message (PostgreSQL as given, H2 in capitals within its index name), so the name is matched ignoring case.
   */
  public static boolean of(Throwable e, String constraint) {
    SQLException s = find(e);
    return s != null && s.getMessage() != null
        && s.getMessage().toLowerCase(Locale.ROOT).contains(constraint.toLowerCase(Locale.ROOT));
  }

  private static SQLException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && SQLSTATE.equals(s.getSQLState())) {
        return s;
      }
    }
    return null;
  }
}
