package org.hospital.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Walks the whole audit log in sequence order, recomputing every hash. The first entry whose stored hash,
 * previous-hash link or sequence number does not match is where someone tampered with the log.
 */
public final class AuditChainVerifier {

  /** The outcome: intact, or the sequence number of the first broken entry. */
  public record Result(boolean intact, long entriesChecked, long firstBrokenSequence) {}

  private static final int PAGE = 5_000;
  private final DataSource dataSource;

  public AuditChainVerifier(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Result verify() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT seq, recorded_at, actor, roles, action, patient_id,"
            + " detail, source, outcome, prev_hash, entry_hash FROM audit_entry WHERE seq > ? ORDER BY seq"
            + " FETCH FIRST " + PAGE + " ROWS ONLY")) {
      long expectedSeq = 1;
      String prevHash = AuditHash.GENESIS;
      long checked = 0;
      long after = 0;
      while (true) {
        ps.setLong(1, after);
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
            long seq = rs.getLong(1);
            AuditEvent e = new AuditEvent(rs.getString(3), rs.getString(4), AuditAction.valueOf(rs.getString(5)),
                rs.getLong(6), rs.getString(7), rs.getString(8), AuditOutcome.valueOf(rs.getString(9)));
            String recomputed = AuditHash.of(seq, rs.getObject(2, OffsetDateTime.class).toInstant(), e, prevHash);
            if (seq != expectedSeq || !prevHash.equals(rs.getString(10)) || !recomputed.equals(rs.getString(11))) {
              return new Result(false, checked, Math.min(seq, expectedSeq));
            }
            checked++;
            expectedSeq++;
            prevHash = rs.getString(11);
            after = seq;
          }
        } catch (IllegalArgumentException unknownName) {
          return new Result(false, checked, expectedSeq);
        }
        if (rows < PAGE) {
          return checkHead(c, checked, expectedSeq - 1, prevHash);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the audit log", e);
    }
  }

  /** Entries cut off the end leave the head pointing past the last one. */
  private static Result checkHead(Connection c, long checked, long lastSeq, String lastHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && (rs.getLong(1) != lastSeq || !rs.getString(2).equals(lastHash))) {
        return new Result(false, checked, lastSeq + 1);
      }
    }
    return new Result(true, checked, 0);
  }
}
