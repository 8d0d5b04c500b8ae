package org.hospital.server.clinical.chart;

import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hospital.proto.clinical.v1.AddAddendumRequest;
import org.hospital.proto.clinical.v1.AddProblemRequest;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.EndEncounterRequest;
import org.hospital.proto.clinical.v1.GetChartSummaryRequest;
import org.hospital.proto.clinical.v1.GetEncounterRequest;
import org.hospital.proto.clinical.v1.ListEncountersRequest;
import org.hospital.proto.clinical.v1.ListEncountersResponse;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.clinical.v1.RecordNoKnownDrugAllergiesRequest;
import org.hospital.proto.clinical.v1.SaveNoteRequest;
import org.hospital.proto.clinical.v1.SetEncounterDiagnosesRequest;
import org.hospital.proto.clinical.v1.SignNoteRequest;
import org.hospital.proto.clinical.v1.StartEncounterRequest;
import org.hospital.proto.clinical.v1.UpdateAllergyRequest;
import org.hospital.proto.clinical.v1.UpdateProblemRequest;
import org.hospital.proto.clinical.v1.DiagnosisCode;
import org.hospital.proto.clinical.v1.SearchDiagnosisCodesRequest;
import org.hospital.proto.clinical.v1.SearchDiagnosisCodesResponse;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.clinical.reference.DiagnosisCodeSearch;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;

/** The chart RPCs: check the request, call the service, map the answer. */
public final class ChartGrpcService extends ChartServiceGrpc.ChartServiceImplBase {

  static final int DEFAULT_ENCOUNTERS = 50;
  static final int MAX_ENCOUNTERS = 200;
  static final int MAX_CODE_QUERY = 100;
  static final int DEFAULT_CODES = 20;
  static final int MAX_CODES = 50;

  private final ChartSummaryService summaries;
  private final EncounterService encounters;
  private final NoteService notes;
  private final ProblemService problems;
  private final AllergyService allergies;
  private final ChartRequests requests;
  private final DiagnosisCodeSearch codeSearch;
  private final Clock clock;
  private final ZoneId zone;

  ChartGrpcService(ChartSummaryService summaries, EncounterService encounters, NoteService notes,
      ProblemService problems, AllergyService allergies, ChartRequests requests, DiagnosisCodeSearch codeSearch, Clock clock,
      ZoneId zone) {
    this.codeSearch = codeSearch;
    this.summaries = summaries;
    this.encounters = encounters;
    this.notes = notes;
    this.problems = problems;
    this.allergies = allergies;
    this.requests = requests;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public void getChartSummary(GetChartSummaryRequest r,
      StreamObserver<org.hospital.proto.clinical.v1.ChartSummary> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "patient_id", r.getPatientId());
    v.throwIfAny();
    reply(out, ChartMapper.summary(summaries.summary(r.getPatientId(), CurrentUser.get()),
        LocalDate.now(clock.withZone(zone))));
  }

  @Override
  public void startEncounter(StartEncounterRequest r, StreamObserver<org.hospital.proto.clinical.v1.Encounter> out) {
    Violations v = new Violations();
    String key = ChartRequests.key(v, "idempotency_key", r.getIdempotencyKey());
    switch (r.getFromCase()) {
      case APPOINTMENT_ID -> ChartRequests.id(v, "appointment_id", r.getAppointmentId());
      case PATIENT_ID -> ChartRequests.id(v, "patient_id", r.getPatientId());
      default -> v.add("patient_id", FieldViolationCode.REQUIRED);
    }
    String reason = ChartRequests.optionalText(v, "reason", r.getReason(), ChartRequests.REASON_MAX);
    v.throwIfAny();
    reply(out, ChartMapper.encounter(encounters.start(key, r.getAppointmentId(), r.getPatientId(), reason,
        CurrentUser.get())));
  }

  @Override
  public void getEncounter(GetEncounterRequest r, StreamObserver<org.hospital.proto.clinical.v1.Encounter> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "encounter_id", r.getEncounterId());
    v.throwIfAny();
    reply(out, ChartMapper.encounter(encounters.get(r.getEncounterId(), CurrentUser.get())));
  }

  @Override
  public void listEncounters(ListEncountersRequest r, StreamObserver<ListEncountersResponse> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "patient_id", r.getPatientId());
    int limit = r.getLimit() == 0 ? DEFAULT_ENCOUNTERS : r.getLimit();
    if (limit < 1 || limit > MAX_ENCOUNTERS) {
      v.add("limit", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    ListEncountersResponse.Builder b = ListEncountersResponse.newBuilder();
    encounters.list(r.getPatientId(), limit, CurrentUser.get()).forEach(e -> b.addEncounters(
        ChartMapper.encounter(e)));
    reply(out, b.build());
  }

  @Override
  public void endEncounter(EndEncounterRequest r, StreamObserver<org.hospital.proto.clinical.v1.Encounter> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "encounter_id", r.getEncounterId());
    ChartRequests.id(v, "expected_version", r.getExpectedVersion());
    v.throwIfAny();
    reply(out, ChartMapper.encounter(encounters.end(r.getEncounterId(), r.getExpectedVersion(),
        CurrentUser.get())));
  }

  @Override
  public void saveNote(SaveNoteRequest r, StreamObserver<org.hospital.proto.clinical.v1.ClinicalNote> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "encounter_id", r.getEncounterId());
    ChartRequests.optionalId(v, "note_id", r.getNoteId());
    if (r.getNoteId() > 0) {
      ChartRequests.id(v, "expected_version", r.getExpectedVersion());
    }
    NoteContent content = ChartRequests.note(v, r.getContent());
    v.throwIfAny();
    reply(out, ChartMapper.note(notes.save(r.getEncounterId(), r.getNoteId(), r.getExpectedVersion(), content,
        CurrentUser.get())));
  }

  @Override
  public void signNote(SignNoteRequest r, StreamObserver<org.hospital.proto.clinical.v1.ClinicalNote> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "note_id", r.getNoteId());
    ChartRequests.id(v, "expected_version", r.getExpectedVersion());
    v.throwIfAny();
    reply(out, ChartMapper.note(notes.sign(r.getNoteId(), r.getExpectedVersion(), CurrentUser.get())));
  }

  @Override
  public void addAddendum(AddAddendumRequest r, StreamObserver<org.hospital.proto.clinical.v1.ClinicalNote> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "note_id", r.getNoteId());
    String text = ChartRequests.paragraphs(v, "text", r.getText(), NoteContent.MAX_PART);
    if (text == null && !v.has("text")) {
      v.add("text", FieldViolationCode.REQUIRED);
    }
    v.throwIfAny();
    reply(out, ChartMapper.note(notes.addAddendum(r.getNoteId(), text, CurrentUser.get())));
  }

  @Override
  public void setEncounterDiagnoses(SetEncounterDiagnosesRequest r,
      StreamObserver<org.hospital.proto.clinical.v1.Encounter> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "encounter_id", r.getEncounterId());
    ChartRequests.id(v, "expected_version", r.getExpectedVersion());
    var dx = requests.diagnoses(v, r.getPrimaryCode(), r.getSecondaryCodesList());
    v.throwIfAny();
    reply(out, ChartMapper.encounter(encounters.setDiagnoses(r.getEncounterId(), r.getExpectedVersion(), dx,
        CurrentUser.get())));
  }

  @Override
  public void addProblem(AddProblemRequest r, StreamObserver<org.hospital.proto.clinical.v1.Problem> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "patient_id", r.getPatientId());
    EncounterDiagnoses.Diagnosis code = requests.code(v, "code", r.getCode());
    ProblemChange change = requests.problemChange(v, r.getStatus(), false, r.getOnset(), r.getNote());
    ChartRequests.optionalId(v, "encounter_id", r.getEncounterId());
    v.throwIfAny();
    reply(out, ChartMapper.problem(problems.add(r.getPatientId(), code.code(), code.title(), change,
        r.getEncounterId(), CurrentUser.get())));
  }

  @Override
  public void updateProblem(UpdateProblemRequest r, StreamObserver<org.hospital.proto.clinical.v1.Problem> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "problem_id", r.getProblemId());
    ChartRequests.id(v, "expected_version", r.getExpectedVersion());
    ProblemChange change = requests.problemChange(v, r.getStatus(), true, r.getOnset(), r.getNote());
    v.throwIfAny();
    reply(out, ChartMapper.problem(problems.update(r.getProblemId(), r.getExpectedVersion(), change,
        CurrentUser.get())));
  }

  @Override
  public void recordAllergy(RecordAllergyRequest r, StreamObserver<org.hospital.proto.clinical.v1.Allergy> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "patient_id", r.getPatientId());
    AllergyDraft draft = requests.allergy(v, r.getCategory(), r.getType(), r.getSubstanceCode(), r.getSubstance(),
        r.getReaction(), r.getSeverity(), r.getVerified());
    v.throwIfAny();
    reply(out, ChartMapper.allergy(allergies.record(r.getPatientId(), draft, CurrentUser.get())));
  }

  @Override
  public void updateAllergy(UpdateAllergyRequest r, StreamObserver<org.hospital.proto.clinical.v1.Allergy> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "allergy_id", r.getAllergyId());
    ChartRequests.id(v, "expected_version", r.getExpectedVersion());
    String reaction = ChartRequests.optionalText(v, "reaction", r.getReaction(), AllergyDraft.MAX_REACTION);
    Allergy.Severity severity = ChartRequests.severity(v, r.getSeverity());
    Allergy.Status status = ChartRequests.allergyStatus(v, r.getStatus());
    v.throwIfAny();
    reply(out, ChartMapper.allergy(allergies.update(r.getAllergyId(), r.getExpectedVersion(), reaction, severity,
        r.getVerified(), status, CurrentUser.get())));
  }

  @Override
  public void recordNoKnownDrugAllergies(RecordNoKnownDrugAllergiesRequest r,
      StreamObserver<org.hospital.proto.clinical.v1.AllergyStatement> out) {
    Violations v = new Violations();
    ChartRequests.id(v, "patient_id", r.getPatientId());
    v.throwIfAny();
    reply(out, ChartMapper.statement(allergies.noKnownDrugAllergies(r.getPatientId(), CurrentUser.get())));
  }

  @Override
  public void searchDiagnosisCodes(SearchDiagnosisCodesRequest r, StreamObserver<SearchDiagnosisCodesResponse> out) {
    Violations v = new Violations();
    if (r.getQuery().length() > MAX_CODE_QUERY) {
      v.add("query", FieldViolationCode.TOO_LONG);
    }
    if (r.getLimit() < 0 || r.getLimit() > MAX_CODES) {
      v.add("limit", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    SearchDiagnosisCodesResponse.Builder answer = SearchDiagnosisCodesResponse.newBuilder();
    for (var code : codeSearch.search(r.getQuery(), r.getLimit() == 0 ? DEFAULT_CODES : r.getLimit())) {
      answer.addCodes(DiagnosisCode.newBuilder().setCode(code.dotted()).setTitle(code.title()));
    }
    reply(out, answer.build());
  }

  private static <T> void reply(StreamObserver<T> out, T message) {
    out.onNext(message);
    out.onCompleted();
  }
}
