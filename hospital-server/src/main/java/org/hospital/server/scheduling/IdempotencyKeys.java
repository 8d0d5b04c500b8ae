package org.hospital.server.scheduling;

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
import org.hospital.server.errors.DomainException;

/**
 * Idempotency keys of writes. The key row is inserted first in the write's transaction: a concurrent retry
 * with the same key waits on it and then fails on the primary key, after which it finds the committed row
 * and answers with its result. A key names exactly one request: the same key with another request (another
 * fingerprint) is refused.
 */
final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /** The appointment a committed earlier request with this key produced, if any. */
  static Optional<Long> replay(Connection c, String key, String operation, String fingerprint)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT operation, fingerprint, appointment_id FROM idempotency_key WHERE idem_key = ?")) {
      ps.setString(1, key);
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

  static void claim(Connection c, String key, String operation, String fingerprint, long appointmentId,
      String by, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_key (idem_key, operation,"
        + " fingerprint, appointment_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, key);
      ps.setString(2, operation);
      ps.setString(3, fingerprint);
      ps.setLong(4, appointmentId);
      ps.setString(5, by);
      Sql.setInstant(ps, 6, now);
      ps.executeUpdate();
    }
  }

  /** A hash of everything the request asks for (not of the key itself). */
  static String fingerprint(Object... parts) {
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
