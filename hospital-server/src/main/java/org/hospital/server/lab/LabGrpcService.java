package org.hospital.server.lab;

import com.google.protobuf.ByteString;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hospital.proto.lab.v1.AcknowledgeResultsRequest;
import org.hospital.proto.lab.v1.AcknowledgeResultsResponse;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;
import org.hospital.proto.lab.v1.SubscribeResultsInboxRequest;
import java.util.List;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.lab.v1.CancelLabOrderRequest;
import org.hospital.proto.lab.v1.CollectSpecimenRequest;
import org.hospital.proto.lab.v1.CorrectLabResultRequest;
import org.hospital.proto.lab.v1.GetLabOrderRequest;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.ListLabCatalogueRequest;
import org.hospital.proto.lab.v1.ListLabCatalogueResponse;
import org.hospital.proto.lab.v1.ListLabOrdersResponse;
import org.hospital.proto.lab.v1.ListLabWorklistRequest;
import org.hospital.proto.lab.v1.ListPatientLabOrdersRequest;
import org.hospital.proto.lab.v1.PlaceLabOrderRequest;
import org.hospital.proto.lab.v1.PrintSpecimenLabelRequest;
import org.hospital.proto.lab.v1.ReceiveSpecimenRequest;
import org.hospital.proto.lab.v1.RecordLabResultsRequest;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.clinical.chart.ChartRequests;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.security.CurrentUser;

/** The lab RPCs: check the request, call the service, map the answer. */
final class LabGrpcService extends LabServiceGrpc.LabServiceImplBase {

  private final LabCatalogue catalogue;
  private final LabRequests requests;
  private final LabOrderService orders;
  private final LabResultService results;
  private final SpecimenLabel label;
  private final AuditTrail audit;
  private final ResultsInbox inbox;
  private final Supplier<BooleanSupplier> sessionWatch;
  private final Clock clock;

  LabGrpcService(LabCatalogue catalogue, LabRequests requests, LabOrderService orders, LabResultService results,
      SpecimenLabel label, AuditTrail audit, ResultsInbox inbox, Supplier<BooleanSupplier> sessionWatch,
      Clock clock) {
    this.inbox = inbox;
    this.sessionWatch = sessionWatch;
    this.clock = clock;
    this.catalogue = catalogue;
    this.requests = requests;
    this.orders = orders;
    this.results = results;
    this.label = label;
    this.audit = audit;
  }

  @Override
  public void listLabCatalogue(ListLabCatalogueRequest r, StreamObserver<ListLabCatalogueResponse> out) {
    ListLabCatalogueResponse.Builder b = ListLabCatalogueResponse.newBuilder();
    catalogue.tests().forEach(t -> b.addTests(LabMapper.test(t)));
    reply(out, b.build());
  }

  @Override
  public void placeLabOrder(PlaceLabOrderRequest r, StreamObserver<org.hospital.proto.lab.v1.LabOrder> out) {
    Violations v = new Violations();
    String key = ChartRequests.key(v, "idempotency_key", r.getIdempotencyKey());
    LabOrderService.NewOrder order = requests.order(v, r);
    v.throwIfAny();
    reply(out, map(orders.place(key, order, CurrentUser.get())));
  }

  @Override
  public void collectSpecimen(CollectSpecimenRequest r, StreamObserver<org.hospital.proto.lab.v1.LabOrder> out) {
    Violations v = new Violations();
    ids(v, r.getOrderId(), r.getExpectedVersion());
    var at = requests.collectedAt(v, r.hasCollectedAt(), r.getCollectedAt());
    v.throwIfAny();
    reply(out, map(orders.collect(r.getOrderId(), r.getExpectedVersion(), at, CurrentUser.get())));
  }

  @Override
  public void receiveSpecimen(ReceiveSpecimenRequest r, StreamObserver<org.hospital.proto.lab.v1.LabOrder> out) {
    Violations v = new Violations();
    ids(v, r.getOrderId(), r.getExpectedVersion());
    v.throwIfAny();
    reply(out, map(orders.receive(r.getOrderId(), r.getExpectedVersion(), CurrentUser.get())));
  }

  @Override
  public void cancelLabOrder(CancelLabOrderRequest r, StreamObserver<org.hospital.proto.lab.v1.LabOrder> out) {
    Violations v = new Violations();
    ids(v, r.getOrderId(), r.getExpectedVersion());
    String reason = LabRequests.reason(v, "reason", r.getReason());
    v.throwIfAny();
    reply(out, map(orders.cancel(r.getOrderId(), r.getExpectedVersion(), reason, CurrentUser.get())));
  }

  @Override
  public void getLabOrder(GetLabOrderRequest r, StreamObserver<org.hospital.proto.lab.v1.LabOrder> out) {
    long id;
    if (r.getByCase() == GetLabOrderRequest.ByCase.ACCESSION) {
      if (r.getAccession().isBlank()) {
        throw new Violations().add("accession", FieldViolationCode.REQUIRED).toException();
      }
      if (r.getAccession().length() > 24) {
        throw new Violations().addTooLong("accession", 24).toException();
      }
      // A well-formed number with a wrong check digit is a misread or a typo: no such order.
      id = Accessions.orderId(r.getAccession()).orElseThrow(DomainException::notFound);
    } else {
      Violations v = new Violations();
      id = ChartRequests.id(v, "order_id", r.getOrderId());
      v.throwIfAny();
    }
    reply(out, map(orders.get(id, CurrentUser.get())));
  }

  @Override
  public void listLabWorklist(ListLabWorklistRequest r, StreamObserver<ListLabOrdersResponse> out) {
    reply(out, list(orders.worklist(CurrentUser.get())));
  }

  @Override
  public void listPatientLabOrders(ListPatientLabOrdersRequest r, StreamObserver<ListLabOrdersResponse> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "patient_id", r.getPatientId());
    v.throwIfAny();
    reply(out, list(orders.ofPatient(r.getPatientId(), CurrentUser.get())));
  }

  @Override
  public void recordLabResults(RecordLabResultsRequest r, StreamObserver<org.hospital.proto.lab.v1.LabOrder> out) {
    Violations v = new Violations();
    ids(v, r.getOrderId(), r.getExpectedVersion());
    List<LabResultService.Entry> entries = LabRequests.entries(v, r.getEntriesList());
    v.throwIfAny();
    reply(out, map(results.record(r.getOrderId(), r.getExpectedVersion(), entries, r.getFinal(),
        CurrentUser.get())));
  }

  @Override
  public void correctLabResult(CorrectLabResultRequest r, StreamObserver<org.hospital.proto.lab.v1.LabOrder> out) {
    Violations v = new Violations();
    ids(v, r.getOrderId(), r.getExpectedVersion());
    if (!r.hasEntry()) {
      v.add("entry", FieldViolationCode.REQUIRED);
    }
    LabResultService.Entry entry = LabRequests.entry(v, "entry", r.getEntry());
    String reason = LabRequests.reason(v, "reason", r.getReason());
    v.throwIfAny();
    reply(out, map(results.correct(r.getOrderId(), r.getExpectedVersion(), entry, reason, CurrentUser.get())));
  }

  @Override
  public void printSpecimenLabel(PrintSpecimenLabelRequest r, StreamObserver<PdfDocument> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "order_id", r.getOrderId());
    v.throwIfAny();
    CurrentUser user = CurrentUser.get();
    LabOrderView order = orders.get(r.getOrderId(), user);
    PdfReports.Pdf pdf = label.render(order);
    audit.record(AuditEvent.by(user, AuditAction.LAB_LABEL_PRINTED, order.order().patientId(), "order="
        + order.order().id() + " accession=" + order.order().accession(), AuditOutcome.SUCCESS));
    reply(out, PdfDocument.newBuilder().setContent(ByteString.copyFrom(pdf.content())).setPages(pdf.pages())
        .setFileName("specimen-" + order.order().accession() + ".pdf").build());
  }

  @Override
  public void subscribeResultsInbox(SubscribeResultsInboxRequest r, StreamObserver<ResultsInboxUpdate> out) {
    if (r.getAfterSequence() < 0) {
      throw new Violations().add("after_sequence", FieldViolationCode.OUT_OF_RANGE).toException();
    }
    inbox.subscribe(r.getAfterSequence(), (ServerCallStreamObserver<ResultsInboxUpdate>) out, CurrentUser.get(),
        sessionWatch.get());
  }

  @Override
  public void acknowledgeResults(AcknowledgeResultsRequest r, StreamObserver<AcknowledgeResultsResponse> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "order_id", r.getOrderId());
    ChartRequests.optionalId(v, "version", r.getVersion());
    v.throwIfAny();
    reply(out, inbox.acknowledge(r.getOrderId(), r.getVersion(), CurrentUser.get(),
        clock.instant().truncatedTo(ChronoUnit.MICROS)));
  }

  private static void ids(Violations v, long orderId, long expectedVersion) {
    ChartRequests.id(v, "order_id", orderId);
    ChartRequests.optionalId(v, "expected_version", expectedVersion);
  }

  private org.hospital.proto.lab.v1.LabOrder map(LabOrderView v) {
    return LabMapper.order(v, catalogue);
  }

  private ListLabOrdersResponse list(List<LabOrderView> views) {
    ListLabOrdersResponse.Builder b = ListLabOrdersResponse.newBuilder();
    views.forEach(x -> b.addOrders(map(x)));
    return b.build();
  }

  private static <T> void reply(StreamObserver<T> out, T message) {
    out.onNext(message);
    out.onCompleted();
  }
}
