package org.hospital.server.reports;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.proto.reports.v1.PrintDayListRequest;
import org.hospital.proto.reports.v1.ReportServiceGrpc;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.security.Privilege;

/** Printed forms over gRPC: validates, reads, audits every listed patient, renders. */
public final class ReportGrpcService extends ReportServiceGrpc.ReportServiceImplBase {

  private final DayListQuery dayLists;
  private final DayListReport dayListReport;
  private final AuditTrail audit;
  private final ZoneId zone;
  private final Clock clock;

  public ReportGrpcService(DayListQuery dayLists, DayListReport dayListReport, AuditTrail audit, ZoneId zone,
      Clock clock) {
    this.dayLists = dayLists;
    this.dayListReport = dayListReport;
    this.audit = audit;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public void printDayList(PrintDayListRequest request, StreamObserver<PdfDocument> response) {
    Violations v = new Violations();
    if (request.getClinicianId() <= 0) {
      v.add("clinician_id", FieldViolationCode.REQUIRED);
    }
    LocalDate day = day(v, request.getDay());
    v.throwIfAny();
    CurrentUser user = CurrentUser.get();
    DayListQuery.Result result = dayLists.load(request.getClinicianId(), day, zone,
            user.holds(Privilege.READ_CLINICAL_TEXT))
        .orElseThrow(DomainException::notFound);
    audit.recordAll(result.patientIds().stream().map(patient -> AuditEvent.by(user, AuditAction.PATIENT_READ,
        patient, "day list " + day + " clinician=" + request.getClinicianId(), AuditOutcome.SUCCESS)).toList());
    DayListReport.DayList list = new DayListReport.DayList(result.clinician(), result.department(), day,
        result.rows(), user.displayName(), ZonedDateTime.now(clock.withZone(zone)));
    PdfReports.Pdf pdf = dayListReport.render(list);
    response.onNext(PdfDocument.newBuilder()
        .setContent(ByteString.copyFrom(pdf.content()))
        .setPages(pdf.pages())
        .setFileName("day-list-" + fileWord(result.clinician()) + "-" + day + ".pdf")
        .build());
    response.onCompleted();
  }

  private LocalDate day(Violations v, Date date) {
    LocalDate d = ProtoDates.required(v, "day", date);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (d != null && (d.isBefore(today.minusYears(1)) || d.isAfter(today.plusYears(1)))) {
      v.add("day", FieldViolationCode.OUT_OF_RANGE);
    }
    return d;
  }

  /** "Dr. Amara Okafor" -> "okafor": the last word, ASCII letters only, for a file name. */
  static String fileWord(String name) {
    String[] words = name.trim().split("\\s+");
    String last = java.text.Normalizer.normalize(words[words.length - 1], java.text.Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    return last.isEmpty() ? "clinician" : last;
  }
}
