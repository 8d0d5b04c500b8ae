package org.hospital.server.wards.writes;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.persistence.Database;
import org.hospital.server.wards.board.BedBoardEventRecord;
import org.hospital.server.wards.board.BedBoardEvents;
import org.hospital.server.wards.board.BoardStore;

/**
 * Runs ward writes: one transaction on the persistence unit (entities, plain SQL and audit entries commit
 * together), the changed beds' tiles read at its end and appended to the bed board's log as its last
 * statements, published to the live feed after commit. Reads go through {@link WardReads}.
 */
public final class WardWriter {

  /** A write's body; SQL failures propagate and roll everything back. */
  public interface Work<T> {
    T run(WardTx tx) throws SQLException;
  }

  /** Wraps SQL failures so that they cross the transaction boundary with their SQLSTATE. */
  public static final class SqlFailure extends RuntimeException {
    public SqlFailure(SQLException cause) {
      super(cause);
    }
  }

  private final Database db;
  private final AuditTrail audit;
  private final LiveFeed<BedBoardEvents.Change, BedBoardEventRecord, BedBoardUpdate> board;
  private final Clock clock;

  public WardWriter(Database db, AuditTrail audit,
      LiveFeed<BedBoardEvents.Change, BedBoardEventRecord, BedBoardUpdate> board, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.board = board;
    this.clock = clock;
  }

  public <T> T write(Work<T> work) {
    AtomicReference<List<BedBoardEventRecord>> events = new AtomicReference<>(List.of());
    T result = db.inTransaction(em -> {
      Connection c = em.unwrap(Connection.class);
      try {
        WardTx tx = new WardTx(c, em, audit, clock.instant().truncatedTo(ChronoUnit.MICROS));
        T r = work.run(tx);
        if (!tx.changedBeds().isEmpty()) {
          em.flush(); // the encounter's changes, before the tiles are read
          List<BedBoardEvents.Change> changes = new ArrayList<>();
          for (long bedId : tx.changedBeds()) {
            BedTile tile = BoardStore.tile(c, bedId).orElseThrow();
            changes.add(new BedBoardEvents.Change(tile, BoardStore.census(c, tile.getBed().getWardId())));
          }
          events.set(board.append(c, changes, tx.now()));
        }
        return r;
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    });
    board.publish(events.get());
    return result;
  }
}
