package org.hospital.server.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Checks the audit chain in the database against the signed checkpoints written outside it. Catches what the
 * chain alone cannot: entries cut off the end with the head moved back, and a chain recomputed from an edit
 * onwards. {@code problems} are tampering; {@code warnings} are what a crash leaves behind (a torn last line).
 */
public final class CheckpointVerifier {

  public record Result(int checkpointsChecked, List<String> problems, List<String> warnings) {
    public boolean intact() {
      return problems.isEmpty();
    }
  }

  private final DataSource dataSource;

  public CheckpointVerifier(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Result verify(CheckpointLog log, Ed25519PublicKeyParameters key) {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      List<CheckpointLog.Line> lines = log.read();
      long recorded = countCheckpointEntries(c, key, 0);
      if (lines.isEmpty()) {
        if (recorded > 0) {
          problems.add("the audit trail records " + recorded + " checkpoints but " + log.file()
              + " is missing or empty: the checkpoint file was removed");
        }
        return new Result(0, problems, warnings);
      }
      long chainEnd = chainEnd(c);
      long previousSeq = 0;
      int checked = 0;
      for (CheckpointLog.Line line : lines) {
        Optional<Checkpoint> parsed = Checkpoint.parse(line.text());
        boolean valid = parsed.isPresent() && parsed.get().signedBy(key);
        if (!valid && !line.terminated()) {
          // A crash while appending leaves a partial last line; the checkpoints before it still count.
          warnings.add("line " + line.number() + " of " + log.file() + " is incomplete (an interrupted write)"
              + " and was ignored");
          break;
        }
        if (parsed.isEmpty()) {
          problems.add("line " + line.number() + " of " + log.file() + " is not a checkpoint: the file was edited");
          continue;
        }
        Checkpoint cp = parsed.get();
        if (!valid) {
          problems.add("line " + line.number() + " of " + log.file() + " (checkpoint of " + cp.at()
              + ") has a bad signature: the checkpoint file was edited");
          continue;
        }
        checked++;
        if (cp.seq() <= previousSeq) {
          problems.add("line " + line.number() + " of " + log.file() + " (checkpoint of " + cp.at() + ", entry "
              + cp.seq() + ") is out of order after entry " + previousSeq + ": the checkpoint file was edited");
        }
        previousSeq = Math.max(previousSeq, cp.seq());
        Optional<String> stored = entryHash(c, cp.seq());
        if (stored.isEmpty()) {
          problems.add("checkpoint of " + cp.at() + " signed entry " + cp.seq() + " but the chain ends at "
              + chainEnd + ": entries " + (chainEnd + 1) + ".." + cp.seq() + " are missing");
        } else if (!stored.get().equals(cp.entryHash())) {
          problems.add("entry " + cp.seq() + "'s hash differs from the checkpoint of " + cp.at()
              + ": the chain was rewritten");
        }
      }
      // Every checkpoint follows its AUDIT_CHECKPOINT entry. More than one such entry after the last checkpoint
      // means checkpoints were cut off the file; one can be a crash between the entry and the append.
      long unmatched = countCheckpointEntries(c, key, previousSeq);
      if (unmatched > 1) {
        problems.add("the audit trail records " + unmatched + " checkpoints after entry " + previousSeq
            + " that are not in " + log.file() + ": checkpoints were removed from the file");
      }
      return new Result(checked, problems, warnings);
    } catch (IOException e) {
      problems.add("cannot read " + log.file() + ": " + e.getMessage());
      return new Result(0, problems, warnings);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the audit log", e);
    }
  }

  private static long chainEnd(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM audit_entry");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Optional<String> entryHash(Connection c, long seq) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM audit_entry WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** The AUDIT_CHECKPOINT entries written by the holder of this key (other servers may share the database). */
  private static long countCheckpointEntries(Connection c, Ed25519PublicKeyParameters key, long afterSeq)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM audit_entry WHERE action = ? AND detail = ? AND seq > ?")) {
      ps.setString(1, AuditAction.AUDIT_CHECKPOINT.name());
      ps.setString(2, AuditCheckpointer.entryDetail(key));
      ps.setLong(3, afterSeq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
