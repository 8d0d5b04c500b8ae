package org.hospital.server.lab;

import io.grpc.BindableService;
import java.time.Clock;
import java.time.ZoneId;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.LiveFeeds;
import org.hospital.server.security.SessionService;
import org.hospital.server.security.SessionWatch;
import org.hospital.server.persistence.Database;
import org.hospital.server.reports.PdfReports;

/** Lab orders, results and specimen labels wired together, on the shipped catalogue. */
public final class LabModule {

  private final LabGrpcService grpc;
  private final SpecimenLabel label;
  private final LabOrderService orders;

  public LabModule(Database db, AuditTrail audit, SessionService sessions, LiveFeeds feeds, PdfReports reports,
      ZoneId zone, Clock clock) {
    LabCatalogue catalogue = LabCatalogue.shipped();
    this.orders = new LabOrderService(db, audit, clock);
    this.label = new SpecimenLabel(reports, catalogue, zone);
    ResultsInbox inbox = new ResultsInbox(db, audit, catalogue, ResultsInboxEvents.open(feeds));
    this.grpc = new LabGrpcService(catalogue, new LabRequests(catalogue, clock), orders,
        new LabResultService(db, audit, catalogue, clock, zone, inbox), label, audit, inbox,
        () -> SessionWatch.forCurrentCall(sessions), clock);
  }

  public BindableService grpcService() {
    return grpc;
  }
}
