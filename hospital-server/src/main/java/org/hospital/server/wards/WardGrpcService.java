package org.hospital.server.wards;

import io.grpc.stub.ServerCallStreamObserver;
import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.proto.wards.v1.AdmitPatientRequest;
import org.hospital.proto.wards.v1.Bed;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BlockBedRequest;
import org.hospital.proto.wards.v1.DischargePatientRequest;
import org.hospital.proto.wards.v1.ListVitalsRequest;
import org.hospital.proto.wards.v1.ListVitalsResponse;
import org.hospital.proto.wards.v1.MarkBedCleanRequest;
import org.hospital.proto.wards.v1.PrintPatientLabelsRequest;
import org.hospital.proto.wards.v1.PrintWristbandRequest;
import org.hospital.proto.wards.v1.RecordVitalsRequest;
import org.hospital.proto.wards.v1.ReleaseBedRequest;
import org.hospital.proto.wards.v1.ReserveBedRequest;
import org.hospital.proto.wards.v1.SetSpo2ScaleRequest;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.TransferPatientRequest;
import org.hospital.proto.wards.v1.VitalSigns;
import org.hospital.proto.wards.v1.WardServiceGrpc;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.wards.beds.BedService;
import org.hospital.server.wards.board.BedBoardFeed;
import org.hospital.server.wards.stays.AdmissionService;
import org.hospital.server.wards.prints.WardPrints;
import org.hospital.server.wards.vitals.VitalsService;

/** The ward RPCs: check the request, call the service, map the answer. */
final class WardGrpcService extends WardServiceGrpc.WardServiceImplBase {

  private final BedBoardFeed board;
  private final AdmissionService admissions;
  private final BedService beds;
  private final VitalsService vitals;
  private final WardPrints prints;
  private final Supplier<BooleanSupplier> sessionWatch;

  WardGrpcService(BedBoardFeed board, AdmissionService admissions, BedService beds, VitalsService vitals,
      WardPrints prints, Supplier<BooleanSupplier> sessionWatch) {
    this.prints = prints;
    this.board = board;
    this.admissions = admissions;
    this.beds = beds;
    this.vitals = vitals;
    this.sessionWatch = sessionWatch;
  }

  @Override
  public void subscribeBedBoard(SubscribeBedBoardRequest r, StreamObserver<BedBoardUpdate> out) {
    Violations v = new Violations();
    WardRequests.optionalId(v, "ward_id", r.getWardId());
    if (r.getAfterSequence() < 0) {
      v.add("after_sequence", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    board.subscribe(r.getWardId(), r.getAfterSequence(), (ServerCallStreamObserver<BedBoardUpdate>) out,
        CurrentUser.get(), sessionWatch.get());
  }

  @Override
  public void admitPatient(AdmitPatientRequest r, StreamObserver<Stay> out) {
    reply(out, WardMapper.stay(admissions.admit(WardRequests.admission(r), CurrentUser.get())));
  }

  @Override
  public void transferPatient(TransferPatientRequest r, StreamObserver<Stay> out) {
    Violations v = new Violations();
    WardRequests.id(v, "stay_id", r.getStayId());
    WardRequests.id(v, "expected_version", r.getExpectedVersion());
    WardRequests.id(v, "to_bed_id", r.getToBedId());
    WardRequests.optionalId(v, "expected_bed_version", r.getExpectedBedVersion());
    v.throwIfAny();
    reply(out, WardMapper.stay(admissions.transfer(r.getStayId(), r.getExpectedVersion(), r.getToBedId(),
        r.getExpectedBedVersion(), CurrentUser.get())));
  }

  @Override
  public void dischargePatient(DischargePatientRequest r, StreamObserver<Stay> out) {
    Violations v = new Violations();
    WardRequests.id(v, "stay_id", r.getStayId());
    WardRequests.id(v, "expected_version", r.getExpectedVersion());
    var at = WardRequests.optionalInstant(v, "discharged_at", r.hasDischargedAt(), r.getDischargedAt());
    String destination = WardRequests.destination(v, r.getDestination());
    v.throwIfAny();
    reply(out, WardMapper.stay(admissions.discharge(r.getStayId(), r.getExpectedVersion(), at, destination,
        CurrentUser.get())));
  }

  @Override
  public void markBedClean(MarkBedCleanRequest r, StreamObserver<Bed> out) {
    bedIds(r.getBedId(), r.getExpectedVersion()).throwIfAny();
    reply(out, WardMapper.bed(beds.markClean(r.getBedId(), r.getExpectedVersion(), CurrentUser.get())));
  }

  @Override
  public void blockBed(BlockBedRequest r, StreamObserver<Bed> out) {
    Violations v = bedIds(r.getBedId(), r.getExpectedVersion());
    String reason = WardRequests.requiredText(v, "reason", r.getReason(), WardRequests.NOTE_MAX);
    v.throwIfAny();
    reply(out, WardMapper.bed(beds.block(r.getBedId(), r.getExpectedVersion(), reason, CurrentUser.get())));
  }

  @Override
  public void reserveBed(ReserveBedRequest r, StreamObserver<Bed> out) {
    Violations v = bedIds(r.getBedId(), r.getExpectedVersion());
    String note = WardRequests.requiredText(v, "note", r.getNote(), WardRequests.NOTE_MAX);
    v.throwIfAny();
    reply(out, WardMapper.bed(beds.reserve(r.getBedId(), r.getExpectedVersion(), note, CurrentUser.get())));
  }

  @Override
  public void releaseBed(ReleaseBedRequest r, StreamObserver<Bed> out) {
    bedIds(r.getBedId(), r.getExpectedVersion()).throwIfAny();
    reply(out, WardMapper.bed(beds.release(r.getBedId(), r.getExpectedVersion(), CurrentUser.get())));
  }

  @Override
  public void recordVitals(RecordVitalsRequest r, StreamObserver<VitalSigns> out) {
    Violations v = new Violations();
    WardRequests.id(v, "stay_id", r.getStayId());
    var observations = WardRequests.observations(v, r.hasObservations(), r.getObservations());
    var takenAt = WardRequests.optionalInstant(v, "taken_at", r.hasTakenAt(), r.getTakenAt());
    v.throwIfAny();
    reply(out, WardMapper.vitals(vitals.record(r.getStayId(), observations, takenAt, CurrentUser.get())));
  }

  @Override
  public void listVitals(ListVitalsRequest r, StreamObserver<ListVitalsResponse> out) {
    Violations v = new Violations();
    WardRequests.id(v, "stay_id", r.getStayId());
    int limit = WardRequests.vitalsLimit(v, r.getLimit());
    v.throwIfAny();
    ListVitalsResponse.Builder b = ListVitalsResponse.newBuilder();
    vitals.list(r.getStayId(), limit, CurrentUser.get()).forEach(x -> b.addVitals(WardMapper.vitals(x)));
    reply(out, b.build());
  }

  @Override
  public void setSpo2Scale(SetSpo2ScaleRequest r, StreamObserver<Stay> out) {
    Violations v = new Violations();
    WardRequests.id(v, "stay_id", r.getStayId());
    WardRequests.id(v, "expected_version", r.getExpectedVersion());
    WardRequests.scale(v, r.getScale());
    v.throwIfAny();
    reply(out, WardMapper.stay(admissions.setSpo2Scale(r.getStayId(), r.getExpectedVersion(), r.getScale(),
        CurrentUser.get())));
  }

  @Override
  public void printWristband(PrintWristbandRequest r, StreamObserver<PdfDocument> out) {
    Violations v = new Violations();
    WardRequests.id(v, "stay_id", r.getStayId());
    v.throwIfAny();
    reply(out, document(prints.wristband(r.getStayId(), CurrentUser.get())));
  }

  @Override
  public void printPatientLabels(PrintPatientLabelsRequest r, StreamObserver<PdfDocument> out) {
    Violations v = new Violations();
    WardRequests.id(v, "stay_id", r.getStayId());
    int count = r.getCount() == 0 ? WardPrints.SHEET : r.getCount();
    if (count < 1 || count > WardPrints.MAX_LABELS) {
      v.add("count", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    reply(out, document(prints.labels(r.getStayId(), count, CurrentUser.get())));
  }

  private static PdfDocument document(WardPrints.Printed p) {
    return PdfDocument.newBuilder().setContent(ByteString.copyFrom(p.pdf().content())).setPages(p.pdf().pages())
        .setFileName(p.fileName()).build();
  }

  private static Violations bedIds(long bedId, long expectedVersion) {
    Violations v = new Violations();
    WardRequests.id(v, "bed_id", bedId);
    WardRequests.id(v, "expected_version", expectedVersion);
    return v;
  }

  private static <T> void reply(StreamObserver<T> out, T message) {
    out.onNext(message);
    out.onCompleted();
  }
}
