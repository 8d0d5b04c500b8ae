package org.hospital.server.wards;

import io.grpc.BindableService;
import java.time.Clock;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.live.LiveFeeds;
import org.hospital.server.persistence.Database;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.security.SessionService;
import org.hospital.server.security.SessionWatch;
import org.hospital.server.wards.beds.BedService;
import org.hospital.server.wards.board.BedBoardEventRecord;
import org.hospital.server.wards.board.BedBoardEvents;
import org.hospital.server.wards.board.BedBoardFeed;
import org.hospital.server.wards.prints.WardPrints;
import org.hospital.server.wards.stays.AdmissionService;
import org.hospital.server.wards.vitals.VitalsService;
import org.hospital.server.wards.writes.WardReads;
import org.hospital.server.wards.writes.WardWriter;

/** The wards wired: the bed board's feed on the server's live hub, the services, and the gRPC adapter. */
public final class WardModule {

  private final WardGrpcService grpc;

  public WardModule(Database db, AuditTrail audit, SessionService sessions, LiveFeeds feeds, Clock clock,
      PdfReports reports) {
    LiveFeed<BedBoardEvents.Change, BedBoardEventRecord, BedBoardUpdate> board = BedBoardEvents.open(feeds);
    WardWriter writer = new WardWriter(db, audit, board, clock);
    this.grpc = new WardGrpcService(new BedBoardFeed(board, audit), new AdmissionService(writer),
        new BedService(writer), new VitalsService(writer, new WardReads(db), audit),
        new WardPrints(writer, reports), () -> SessionWatch.forCurrentCall(sessions));
  }

  public BindableService grpcService() {
    return grpc;
  }
}
