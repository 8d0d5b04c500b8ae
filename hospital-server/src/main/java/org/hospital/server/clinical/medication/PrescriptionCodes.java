package org.hospital.server.clinical.medication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The code printed under a prescription's QR code: its id and a check value, an HMAC of the id under a key only
 * the hospital's servers hold. A typo or a forged number fails {@link #idOf}; the key lives in the database, so
 * every server instance prints and checks the same codes.
 */
final class PrescriptionCodes {

  /** Crockford's base 32: no I, L, O or U, so a code read out over the phone is not misheard. */
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int CHECK_LENGTH = 8;

  private final DataSource ds;
  private volatile byte[] key;

  PrescriptionCodes(DataSource ds) {
    this.ds = ds;
  }

  String codeOf(long prescriptionId) {
    return prescriptionId + "-" + check(prescriptionId);
  }

  /** The id a code names when its check value is right. */
  Optional<Long> idOf(String code) {
    String c = code.strip().toUpperCase(java.util.Locale.ROOT);
    int dash = c.indexOf('-');
    if (dash < 1 || !c.substring(0, dash).matches("\\d{1,18}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(c.substring(0, dash));
    byte[] given = c.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = check(id).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, expected) ? Optional.of(id) : Optional.empty();
  }

  private String check(long id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] h = mac.doFinal(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < CHECK_LENGTH; i++) {
        b.append(ALPHABET.charAt((h[i] & 0xff) % 32));
      }
      return b.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      k = loadOrCreate();
      key = k;
    }
    return k;
  }

  private byte[] loadOrCreate() {
    try (Connection c = ds.getConnection()) {
      Optional<String> found = read(c);
      if (found.isEmpty()) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO prescription_code_key (id, secret)"
            + " VALUES (1, ?)")) {
          ps.setString(1, HexFormat.of().formatHex(fresh));
          ps.executeUpdate();
          if (!c.getAutoCommit()) {
            c.commit();
          }
        } catch (SQLException raced) {
          // another instance made it first: use theirs
          if (!c.getAutoCommit()) {
            c.rollback();
          }
        }
        found = read(c);
      }
      return HexFormat.of().parseHex(found.orElseThrow());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the prescription code key", e);
    }
  }

  private static Optional<String> read(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM prescription_code_key WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }
}
