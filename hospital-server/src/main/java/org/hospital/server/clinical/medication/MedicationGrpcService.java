package org.hospital.server.clinical.medication;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import org.hospital.proto.clinical.v1.AddFormularyProductRequest;
import org.hospital.proto.clinical.v1.CheckPrescriptionRequest;
import org.hospital.proto.clinical.v1.CheckPrescriptionResponse;
import org.hospital.proto.clinical.v1.ListMedicationsRequest;
import org.hospital.proto.clinical.v1.ListMedicationsResponse;
import org.hospital.proto.clinical.v1.MedicationServiceGrpc;
import org.hospital.proto.clinical.v1.PrintPrescriptionRequest;
import org.hospital.proto.clinical.v1.RenewPrescriptionRequest;
import org.hospital.proto.clinical.v1.SearchFormularyRequest;
import org.hospital.proto.clinical.v1.SearchFormularyResponse;
import org.hospital.proto.clinical.v1.SignPrescriptionRequest;
import org.hospital.proto.clinical.v1.StopPrescriptionRequest;
import org.hospital.proto.clinical.v1.VerifyPrescriptionRequest;
import org.hospital.proto.clinical.v1.VerifyPrescriptionResponse;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.clinical.chart.ChartFailures;
import org.hospital.server.clinical.chart.ChartRequests;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.security.CurrentUser;

/** The formulary and prescribing RPCs: check the request, call the service, map the answer. */
public final class MedicationGrpcService extends MedicationServiceGrpc.MedicationServiceImplBase {

  static final int MAX_QUERY = 100;
  static final int DEFAULT_PRODUCTS = 20;
  static final int MAX_PRODUCTS = 50;

  private final Formulary formulary;
  private final PrescribingService prescribing;
  private final PrescriptionRequests requests;
  private final PrescriptionPrints prints;
  private final PrescriptionCodes codes;
  private final AuditTrail audit;

  MedicationGrpcService(Formulary formulary, PrescribingService prescribing, PrescriptionRequests requests,
      PrescriptionPrints prints, PrescriptionCodes codes, AuditTrail audit) {
    this.formulary = formulary;
    this.prescribing = prescribing;
    this.requests = requests;
    this.prints = prints;
    this.codes = codes;
    this.audit = audit;
  }

  @Override
  public void searchFormulary(SearchFormularyRequest r, StreamObserver<SearchFormularyResponse> out) {
    Violations v = new Violations();
    if (r.getQuery().length() > MAX_QUERY) {
      v.add("query", FieldViolationCode.TOO_LONG);
    } else if (org.hospital.server.errors.TextRules.hasForbiddenCharacters(r.getQuery())) {
      // PostgreSQL refuses a NUL in a parameter outright: a search text with control characters is bad input
      v.add("query", FieldViolationCode.INVALID_CHARACTERS);
    }
    if (r.getLimit() < 0 || r.getLimit() > MAX_PRODUCTS) {
      v.add("limit", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    SearchFormularyResponse.Builder b = SearchFormularyResponse.newBuilder();
    formulary.search(r.getQuery(), r.getLimit() == 0 ? DEFAULT_PRODUCTS : r.getLimit())
        .forEach(p -> b.addProducts(MedicationMapper.product(p)));
    reply(out, b.build());
  }

  @Override
  public void addFormularyProduct(AddFormularyProductRequest r,
      StreamObserver<org.hospital.proto.clinical.v1.FormularyProduct> out) {
    Violations v = new Violations();
    FormularyProduct.Details d = requests.product(v, r);
    v.throwIfAny();
    CurrentUser user = CurrentUser.get();
    FormularyProduct p;
    try {
      p = formulary.add(d, user.displayName());
    } catch (RuntimeException e) {
      if (ChartFailures.violated(e, "formulary_product_code_unique")) {
        throw DomainException.alreadyExists("code");
      }
      if (ChartFailures.violated(e, "formulary_product_barcode_unique")) {
        throw DomainException.alreadyExists("barcode");
      }
      throw e;
    }
    audit.record(AuditEvent.by(user, AuditAction.FORMULARY_PRODUCT_ADDED, AuditEvent.NO_PATIENT, "product="
        + p.id() + " code=" + p.code(), AuditOutcome.SUCCESS));
    reply(out, MedicationMapper.product(p));
  }

  @Override
  public void checkPrescription(CheckPrescriptionRequest r, StreamObserver<CheckPrescriptionResponse> out) {
    Violations v = new Violations();
    PrescriptionOrder order = requests.order(v, r.getOrder());
    ChartRequests.optionalId(v, "replaces_prescription_id", r.getReplacesPrescriptionId());
    v.throwIfAny();
    CheckPrescriptionResponse.Builder b = CheckPrescriptionResponse.newBuilder();
    prescribing.check(order, r.getReplacesPrescriptionId(), CurrentUser.get())
        .forEach(a -> b.addAlerts(MedicationMapper.alert(a)));
    reply(out, b.build());
  }

  @Override
  public void signPrescription(SignPrescriptionRequest r,
      StreamObserver<org.hospital.proto.clinical.v1.Prescription> out) {
    Violations v = new Violations();
    String key = ChartRequests.key(v, "idempotency_key", r.getIdempotencyKey());
    PrescriptionOrder order = requests.order(v, r.getOrder());
    Map<String, String> overrides = PrescriptionRequests.overrides(v, r.getOverridesList());
    ChartRequests.optionalId(v, "replaces_prescription_id", r.getReplacesPrescriptionId());
    if (r.getReplacesPrescriptionId() > 0) {
      ChartRequests.id(v, "replaces_expected_version", r.getReplacesExpectedVersion());
    }
    v.throwIfAny();
    reply(out, MedicationMapper.prescription(prescribing.sign(key, order, overrides, r.getReplacesPrescriptionId(),
        r.getReplacesExpectedVersion(), CurrentUser.get()), prescribing.today()));
  }

  @Override
  public void stopPrescription(StopPrescriptionRequest r,
      StreamObserver<org.hospital.proto.clinical.v1.Prescription> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "prescription_id", r.getPrescriptionId());
    ChartRequests.id(v, "expected_version", r.getExpectedVersion());
    Prescription.StopReason reason = PrescriptionRequests.stopReason(v, r.getReason());
    String note = ChartRequests.optionalText(v, "note", r.getNote(), PrescriptionRequests.MAX_REASON);
    if (reason == Prescription.StopReason.OTHER && note == null && !v.has("note")) {
      v.add("note", FieldViolationCode.REQUIRED);
    }
    v.throwIfAny();
    reply(out, MedicationMapper.prescription(prescribing.stop(r.getPrescriptionId(), r.getExpectedVersion(), reason,
        note, CurrentUser.get()), prescribing.today()));
  }

  @Override
  public void renewPrescription(RenewPrescriptionRequest r,
      StreamObserver<org.hospital.proto.clinical.v1.Prescription> out) {
    Violations v = new Violations();
    String key = ChartRequests.key(v, "idempotency_key", r.getIdempotencyKey());
    ChartRequests.id(v, "prescription_id", r.getPrescriptionId());
    ChartRequests.id(v, "expected_version", r.getExpectedVersion());
    Map<String, String> overrides = PrescriptionRequests.overrides(v, r.getOverridesList());
    v.throwIfAny();
    reply(out, MedicationMapper.prescription(prescribing.renew(key, r.getPrescriptionId(), r.getExpectedVersion(),
        overrides, CurrentUser.get()), prescribing.today()));
  }

  @Override
  public void listMedications(ListMedicationsRequest r, StreamObserver<ListMedicationsResponse> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "patient_id", r.getPatientId());
    v.throwIfAny();
    ListMedicationsResponse.Builder b = ListMedicationsResponse.newBuilder();
    var today = prescribing.today();
    prescribing.list(r.getPatientId(), CurrentUser.get())
        .forEach(p -> b.addPrescriptions(MedicationMapper.prescription(p, today)));
    reply(out, b.build());
  }

  @Override
  public void printPrescription(PrintPrescriptionRequest r, StreamObserver<PdfDocument> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "prescription_id", r.getPrescriptionId());
    v.throwIfAny();
    PrescriptionView printed = prescribing.printed(r.getPrescriptionId(), CurrentUser.get());
    PdfReports.Pdf pdf = prints.render(printed);
    reply(out, PdfDocument.newBuilder().setContent(ByteString.copyFrom(pdf.content())).setPages(pdf.pages())
        .setFileName("prescription-" + printed.prescription().id() + ".pdf").build());
  }

  @Override
  public void verifyPrescription(VerifyPrescriptionRequest r, StreamObserver<VerifyPrescriptionResponse> out) {
    Violations v = new Violations();
    if (r.getCode().isBlank()) {
      v.add("code", FieldViolationCode.REQUIRED);
    } else if (r.getCode().length() > 40) {
      v.add("code", FieldViolationCode.TOO_LONG);
    }
    v.throwIfAny();
    var found = codes.idOf(r.getCode()).flatMap(prescribing::find);
    VerifyPrescriptionResponse.Builder b = VerifyPrescriptionResponse.newBuilder().setGenuine(found.isPresent());
    found.ifPresent(p -> {
      audit.record(AuditEvent.by(CurrentUser.get(), AuditAction.CHART_READ, p.prescription().patientId(),
          "prescription verified=" + p.prescription().id(), AuditOutcome.SUCCESS));
      b.setPrescription(MedicationMapper.prescription(p, prescribing.today()));
    });
    reply(out, b.build());
  }

  private static <T> void reply(StreamObserver<T> out, T message) {
    out.onNext(message);
    out.onCompleted();
  }
}
