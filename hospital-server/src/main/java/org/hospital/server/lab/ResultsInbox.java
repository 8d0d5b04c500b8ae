package org.hospital.server.lab;

import io.grpc.stub.ServerCallStreamObserver;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hospital.proto.lab.v1.AcknowledgeResultsResponse;
import org.hospital.proto.lab.v1.ResultsInboxItem;
import org.hospital.proto.lab.v1.ResultsInboxSnapshot;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.live.DurableEventLog.Snapshot;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.persistence.Database;
import org.hospital.server.persistence.DbTime;
import org.hospital.server.security.CurrentUser;

/**
 * Each doctor's results inbox (decision 0602): the doctor's orders with preliminary, final or corrected results
 * whose current version the doctor has not acknowledged, critical first, newest next. Result writes call
 * {@link #changed} in their transaction; {@link #acknowledge} records the version seen and takes the order out.
 */
final class ResultsInbox {

  /** Newest first within critical and then the rest; the id breaks ties so that the order is stable. */
  static final Comparator<ResultsInboxItem> ORDER = Comparator.comparing(ResultsInboxItem::getCritical).reversed()
      .thenComparing((ResultsInboxItem i) -> i.getResultedAt().getSeconds(), Comparator.reverseOrder())
      .thenComparing(i -> i.getResultedAt().getNanos(), Comparator.reverseOrder())
      .thenComparing(i -> i.getOrder().getId(), Comparator.reverseOrder());

  private static final String WAITING = "SELECT o.id FROM lab_order o WHERE o.ordered_by_id = ?"
      + " AND o.status IN ('PRELIMINARY', 'FINAL', 'CORRECTED') AND NOT EXISTS (SELECT 1 FROM"
      + " lab_results_acknowledgement a WHERE a.order_id = o.id AND a.acknowledged_version = o.version)";

  private final Database db;
  private final AuditTrail audit;
  private final LabCatalogue catalogue;
  private final LiveFeed<ResultsInboxEvents.Change, ResultsInboxEventRecord, ResultsInboxUpdate> feed;

  ResultsInbox(Database db, AuditTrail audit, LabCatalogue catalogue,
      LiveFeed<ResultsInboxEvents.Change, ResultsInboxEventRecord, ResultsInboxUpdate> feed) {
    this.db = db;
    this.audit = audit;
    this.catalogue = catalogue;
    this.feed = feed;
  }

  /** The order as an inbox item (its results flushed): critical when any result is critically low or high. */
  ResultsInboxItem item(LabOrderView v) {
    boolean critical = v.results().stream()
        .anyMatch(r -> r.flag() == ResultFlag.CRITICAL_LOW || r.flag() == ResultFlag.CRITICAL_HIGH);
    return ResultsInboxItem.newBuilder().setOrder(LabMapper.order(v, catalogue)).setCritical(critical)
        .setResultedAt(ProtoDates.timestamp(v.order().updatedAt())).build();
  }

  /**
   * Within a result write, after the flush that bumped the order's version: the order (re)enters its doctor's
   * inbox. Returns the events to {@link #publish} once the transaction has committed.
   */
  List<ResultsInboxEventRecord> changed(EntityManager em, LabOrderView v, Instant now) {
    try {
      return feed.append(em.unwrap(Connection.class), List.of(new ResultsInboxEvents.Change(
          v.order().orderedById(), v.order().id(), v.order().version(), item(v))), now);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void publish(List<ResultsInboxEventRecord> committed) {
    feed.publish(committed);
  }

  void subscribe(long afterSequence, ServerCallStreamObserver<ResultsInboxUpdate> out, CurrentUser user,
      BooleanSupplier sessionOpen) {
    feed.subscribe(afterSequence, e -> e.doctorId() == user.staffId(), () -> snapshot(user), out, sessionOpen);
  }

  /**
   * The ids waiting as of the feed's sequence, read on the snapshot's transaction; the orders themselves are read
   * right after. One that changed in between is shown as it is now, and its event follows and says the same.
   */
  private Snapshot<ResultsInboxUpdate> snapshot(CurrentUser user) {
    Snapshot<List<Long>> s = feed.snapshot(c -> waiting(c, user.staffId()));
    List<ResultsInboxItem> items = s.contents().isEmpty() ? List.of() : db.read(em -> {
      List<ResultsInboxItem> out = new ArrayList<>();
      for (long id : s.contents()) {
        LabOrder o = em.find(LabOrder.class, id);
        out.add(item(LabRecords.view(em, o)));
      }
      return out;
    });
    List<ResultsInboxItem> sorted = items.stream().sorted(ORDER).toList();
    if (!sorted.isEmpty()) {
      audit.record(AuditEvent.by(user, AuditAction.RESULTS_INBOX_VIEWED, AuditEvent.NO_PATIENT, "sequence="
          + s.sequence() + " orders=" + sorted.stream().map(i -> Long.toString(i.getOrder().getId()))
          .collect(Collectors.joining(",")), AuditOutcome.SUCCESS));
    }
    return new Snapshot<>(s.sequence(), ResultsInboxUpdate.newBuilder().setSnapshot(ResultsInboxSnapshot
        .newBuilder().setSequence(s.sequence()).addAllItems(sorted)).build());
  }

  private static List<Long> waiting(Connection c, long doctorId) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(WAITING)) {
      ps.setLong(1, doctorId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /**
   * The ordering doctor saw the order at {@code version}: recorded (replacing an earlier acknowledgement) and
   * audited, and the order leaves the doctor's inbox. The order is locked so that a result being recorded at the
   * same moment either comes first (and the version is stale) or after (and brings the order back).
   */
  AcknowledgeResultsResponse acknowledge(long orderId, long version, CurrentUser user, Instant now) {
    List<List<ResultsInboxEventRecord>> events = new ArrayList<>();
    AcknowledgeResultsResponse answer = db.inTransaction(em -> {
      LabOrder o = LabRecords.current(em, orderId, version);
      if (o.orderedById() != user.staffId()) {
        throw DomainException.permissionDenied();
      }
      if (o.status() != LabOrder.Status.PRELIMINARY && o.status() != LabOrder.Status.FINAL
          && o.status() != LabOrder.Status.CORRECTED) {
        throw DomainException.invalidTransition(o.status().name());
      }
      Connection c = em.unwrap(Connection.class);
      try {
        try (PreparedStatement del = c.prepareStatement(
            "DELETE FROM lab_results_acknowledgement WHERE order_id = ?")) {
          del.setLong(1, orderId);
          del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO lab_results_acknowledgement"
            + " (order_id, doctor_id, acknowledged_version, acknowledged_at) VALUES (?, ?, ?, ?)")) {
          ins.setLong(1, orderId);
          ins.setLong(2, user.staffId());
          ins.setLong(3, version);
          DbTime.set(ins, 4, now);
          ins.executeUpdate();
        }
        audit.recordWithin(em, AuditEvent.by(user, AuditAction.LAB_RESULTS_ACKNOWLEDGED, o.patientId(), "order="
            + o.id() + " accession=" + o.accession() + " version=" + version, AuditOutcome.SUCCESS));
        events.add(feed.append(c, List.of(new ResultsInboxEvents.Change(user.staffId(), orderId, version, null)), now));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return AcknowledgeResultsResponse.newBuilder().setOrderId(orderId).setVersion(version)
          .setAcknowledgedAt(ProtoDates.timestamp(now)).build();
    });
    events.forEach(feed::publish);
    return answer;
  }
}
