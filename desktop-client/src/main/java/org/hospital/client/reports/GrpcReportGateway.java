package org.hospital.client.reports;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.patients.PatientText;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.proto.reports.v1.PrintDayListRequest;
import org.hospital.proto.reports.v1.ReportServiceGrpc;

/** {@link ReportGateway} over the ReportService RPCs. */
public final class GrpcReportGateway implements ReportGateway {

  /** Longer than the default: the server compiles a template on its first use (a second or two). */
  private static final long DEADLINE_SECONDS = 20;

  private final ServerConnection connection;

  public GrpcReportGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public PdfDocument printDayList(long clinicianId, LocalDate day) {
    return ReportServiceGrpc.newBlockingStub(connection.channel())
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .printDayList(PrintDayListRequest.newBuilder().setClinicianId(clinicianId)
            .setDay(PatientText.toProto(day)).build());
  }
}
