package org.hospital.server.patients;

import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.patients.v1.DuplicateCandidates;
import org.hospital.proto.patients.v1.GetPatientRequest;
import org.hospital.proto.patients.v1.GetPatientResponse;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.RegisterPatientResponse;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.proto.patients.v1.SearchPatientsResponse;
import org.hospital.proto.patients.v1.UpdatePatientRequest;
import org.hospital.proto.patients.v1.UpdatePatientResponse;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;

/** The patients RPCs: checks the request, calls {@link PatientService}, maps the answer. Nothing else. */
public final class PatientGrpcService extends PatientServiceGrpc.PatientServiceImplBase {

  static final int DEFAULT_PAGE_SIZE = 25;
  static final int MAX_PAGE_SIZE = 100;
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_\\-]{8,64}");

  private final PatientService service;
  private final PatientRequestValidator validator;

  public PatientGrpcService(PatientService service, Clock clock) {
    this.service = service;
    this.validator = new PatientRequestValidator(clock);
  }

  @Override
  public void registerPatient(RegisterPatientRequest request, StreamObserver<RegisterPatientResponse> response) {
    Optional<String> requestId = Optional.of(request.getRequestId()).filter(s -> !s.isEmpty());
    if (requestId.isPresent() && !REQUEST_ID.matcher(requestId.get()).matches()) {
      new Violations().add("request_id", FieldViolationCode.INVALID_FORMAT).throwIfAny();
    }
    PatientDraft draft = validator.validate(request.getDemographics(), "demographics.");
    RegistrationResult result = service.register(draft, request.getConfirmedNew(), requestId, CurrentUser.get());
    RegisterPatientResponse.Builder out = RegisterPatientResponse.newBuilder();
    switch (result) {
      case RegistrationResult.Registered r -> out.setPatient(PatientMapper.toProto(r.patient()));
      case RegistrationResult.PossibleDuplicates d -> out.setDuplicates(DuplicateCandidates.newBuilder()
          .addAllCandidates(d.candidates().stream().map(PatientMapper::toSummary).toList()));
    }
    response.onNext(out.build());
    response.onCompleted();
  }

  @Override
  public void updatePatient(UpdatePatientRequest request, StreamObserver<UpdatePatientResponse> response) {
    Violations v = new Violations();
    positive(v, "id", request.getId());
    positive(v, "expected_version", request.getExpectedVersion());
    v.throwIfAny();
    PatientDraft draft = validator.validate(request.getDemographics(), "demographics.");
    Patient p = service.update(request.getId(), request.getExpectedVersion(), draft, CurrentUser.get());
    response.onNext(UpdatePatientResponse.newBuilder().setPatient(PatientMapper.toProto(p)).build());
    response.onCompleted();
  }

  @Override
  public void getPatient(GetPatientRequest request, StreamObserver<GetPatientResponse> response) {
    Violations v = new Violations();
    Patient p;
    switch (request.getKeyCase()) {
      case ID -> {
        positive(v, "id", request.getId());
        v.throwIfAny();
        p = service.get(request.getId(), CurrentUser.get());
      }
      case MRN -> {
        if (request.getMrn().length() > 16 || !Mrn.isValid(request.getMrn())) {
          v.add("mrn", FieldViolationCode.INVALID_FORMAT).throwIfAny();
        }
        p = service.getByMrn(request.getMrn(), CurrentUser.get());
      }
      default -> {
        v.add("id", FieldViolationCode.REQUIRED).throwIfAny();
        return;
      }
    }
    response.onNext(GetPatientResponse.newBuilder().setPatient(PatientMapper.toProto(p)).build());
    response.onCompleted();
  }

  @Override
  public void searchPatients(SearchPatientsRequest request, StreamObserver<SearchPatientsResponse> response) {
    int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : request.getPageSize();
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      new Violations().add("page_size", FieldViolationCode.OUT_OF_RANGE).throwIfAny();
    }
    if (request.getPageToken().length() > 100) {
      new Violations().add("page_token", FieldViolationCode.INVALID_FORMAT).throwIfAny();
    }
    SearchCriteria criteria = SearchQueryParser.parse(request);
    int offset = PageToken.decode(request.getPageToken(), criteria);
    SearchPage page = service.search(criteria, offset, pageSize, CurrentUser.get());
    SearchPatientsResponse.Builder out = SearchPatientsResponse.newBuilder()
        .addAllResults(page.matches().stream().map(PatientMapper::toSummary).toList());
    if (page.hasMore()) {
      out.setNextPageToken(PageToken.encode(offset + pageSize, criteria));
    }
    response.onNext(out.build());
    response.onCompleted();
  }

  private static void positive(Violations v, String field, long value) {
    if (value == 0) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (value < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
  }
}
