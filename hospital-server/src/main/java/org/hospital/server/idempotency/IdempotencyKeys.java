package org.hospital.server.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.server.errors.DomainException;

/**
 * Idempotency keys of every keyed write (bookings, check-ins, patient registrations). A key belongs to the
 * staff member who sent it: the same key from someone else is a new request of theirs, and never answers with
 * the other person's result. The key row is inserted in the write's transaction: a concurrent retry with the
 * same key waits on it and then fails on the primary key, after which it finds the committed row and answers
 * with its result. A key names exactly one request: the same key with another request (another operation or
 * fingerprint) is refused with IDEMPOTENCY_KEY_REUSED. See docs/decisions/0008-idempotency-keys-per-user.md.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /** The result (an appointment's or a patient's id) a committed earlier request of this user's produced. */
  public static Optional<Long> replay(Connection c, long ownerId, String key, String operation,
      String fingerprint) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT operation, fingerprint, result_id FROM idempotency_key"
        + " WHERE owner_id = ? AND idem_key = ?")) {
      ps.setLong(1, ownerId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        if (!rs.getString(1).equals(operation) || !rs.getString(2).equals(fingerprint)) {
          throw DomainException.idempotencyKeyReused();
        }
        return Optional.of(rs.getLong(3));
      }
    }
  }

  /** Claims the key for a result; a concurrent claim of the same key fails with a unique violation ({@link UniqueViolation}). */
  public static void claim(Connection c, long ownerId, String key, String operation, String fingerprint,
      long resultId, String by, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_key (owner_id, idem_key, operation,"
        + " fingerprint, result_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, ownerId);
      ps.setString(2, key);
      ps.setString(3, operation);
      ps.setString(4, fingerprint);
      ps.setLong(5, resultId);
      ps.setString(6, by);
      ps.setObject(7, DbTime.toDb(now));
      ps.executeUpdate();
    }
  }

  /** A hash of everything the request asks for (not of the key itself). */
  public static String fingerprint(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      sb.append(p).append('\u001f');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
