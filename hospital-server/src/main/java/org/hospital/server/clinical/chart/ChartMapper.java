package org.hospital.server.clinical.chart;

import static org.hospital.server.errors.ProtoDates.timestamp;

import java.time.LocalDate;
import java.time.Period;
import org.hospital.proto.clinical.v1.Addendum;
import org.hospital.proto.clinical.v1.AllergyCategory;
import org.hospital.proto.clinical.v1.AllergySeverity;
import org.hospital.proto.clinical.v1.AllergyState;
import org.hospital.proto.clinical.v1.AllergyStatus;
import org.hospital.proto.clinical.v1.AllergyType;
import org.hospital.proto.clinical.v1.ClinicalNote;
import org.hospital.proto.clinical.v1.EncounterDiagnosis;
import org.hospital.proto.clinical.v1.EncounterKind;
import org.hospital.proto.clinical.v1.EncounterStatus;
import org.hospital.proto.clinical.v1.NoteStatus;
import org.hospital.proto.clinical.v1.PatientBanner;
import org.hospital.proto.clinical.v1.ProblemStatus;
import org.hospital.proto.common.v1.Date;
import org.hospital.server.patients.Patient;

/** The chart's records as the wire shows them. Codes get their dot here ("E119" -> "E11.9"). */
final class ChartMapper {

  private ChartMapper() {}

  /** ICD-10-CM for people: a dot after the third character when there are more. */
  static String dotted(String code) {
    return code == null ? "" : code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
  }

  static org.hospital.proto.clinical.v1.Encounter encounter(EncounterView v) {
    Encounter e = v.encounter();
    var b = org.hospital.proto.clinical.v1.Encounter.newBuilder().setId(e.id()).setPatientId(e.patientId())
        .setAppointmentId(e.appointmentId())
        .setKind(e.kind() == Encounter.Kind.OUTPATIENT ? EncounterKind.OUTPATIENT : EncounterKind.INPATIENT)
        .setStatus(e.status() == Encounter.Status.OPEN ? EncounterStatus.ENCOUNTER_OPEN
            : EncounterStatus.ENCOUNTER_ENDED)
        .setClinicianId(e.clinicianId()).setClinicianName(e.clinicianName()).setDepartmentId(e.departmentId())
        .setStartedAt(timestamp(e.startedAt())).setVersion(e.version());
    if (e.endedAt() != null) {
      b.setEndedAt(timestamp(e.endedAt()));
    }
    if (e.reason() != null) {
      b.setReason(e.reason());
    }
    for (int i = 0; i < v.diagnoses().size(); i++) {
      EncounterDiagnoses.Diagnosis d = v.diagnoses().get(i);
      b.addDiagnoses(EncounterDiagnosis.newBuilder().setCode(dotted(d.code())).setTitle(d.title())
          .setPrimary(i == 0));
    }
    v.notes().forEach(n -> b.addNotes(note(n)));
    return b.build();
  }

  static ClinicalNote note(NoteView v) {
    org.hospital.server.clinical.chart.ClinicalNote n = v.note();
    NoteContent c = n.content();
    var content = org.hospital.proto.clinical.v1.NoteContent.newBuilder()
        .setPresentingComplaint(orEmpty(c.presentingComplaint())).setFindings(orEmpty(c.findings()))
        .setAssessment(orEmpty(c.assessment())).setPlan(orEmpty(c.plan())).setFreeText(orEmpty(c.freeText()));
    var b = ClinicalNote.newBuilder().setId(n.id()).setEncounterId(n.encounterId()).setPatientId(n.patientId())
        .setStatus(n.status() == org.hospital.server.clinical.chart.ClinicalNote.Status.DRAFT ? NoteStatus.NOTE_DRAFT
            : NoteStatus.NOTE_SIGNED)
        .setContent(content).setAuthorId(n.authorId()).setAuthorName(n.authorName())
        .setCreatedAt(timestamp(n.createdAt())).setUpdatedAt(timestamp(n.updatedAt())).setVersion(n.version());
    if (n.signedAt() != null) {
      b.setSignedAt(timestamp(n.signedAt()));
    }
    v.addenda().forEach(a -> b.addAddenda(Addendum.newBuilder().setId(a.id()).setText(a.text())
        .setAuthorName(a.authorName()).setAddedAt(timestamp(a.addedAt()))));
    return b.build();
  }

  static org.hospital.proto.clinical.v1.Problem problem(Problem p) {
    var b = org.hospital.proto.clinical.v1.Problem.newBuilder().setId(p.id()).setPatientId(p.patientId())
        .setCode(dotted(p.code())).setTitle(p.title()).setStatus(switch (p.status()) {
          case ACTIVE -> ProblemStatus.PROBLEM_ACTIVE;
          case RESOLVED -> ProblemStatus.PROBLEM_RESOLVED;
          case INACTIVE -> ProblemStatus.PROBLEM_INACTIVE;
        }).setNote(orEmpty(p.note())).setSourceCode(orEmpty(p.sourceCode())).setRecordedBy(p.recordedBy())
        .setUpdatedAt(timestamp(p.updatedAt())).setUpdatedBy(p.updatedBy()).setVersion(p.version());
    if (p.onset() != null) {
      b.setOnset(date(p.onset()));
    }
    if (p.resolvedOn() != null) {
      b.setResolvedOn(date(p.resolvedOn()));
    }
    return b.build();
  }

  static org.hospital.proto.clinical.v1.Allergy allergy(Allergy a) {
    return org.hospital.proto.clinical.v1.Allergy.newBuilder().setId(a.id()).setPatientId(a.patientId())
        .setCategory(switch (a.category()) {
          case DRUG -> AllergyCategory.ALLERGY_DRUG;
          case FOOD -> AllergyCategory.ALLERGY_FOOD;
          case ENVIRONMENT -> AllergyCategory.ALLERGY_ENVIRONMENT;
          case OTHER -> AllergyCategory.ALLERGY_OTHER;
        })
        .setType(a.type() == Allergy.Type.ALLERGY ? AllergyType.ALLERGY : AllergyType.INTOLERANCE)
        .setSubstanceCode(orEmpty(a.substanceCode())).setSubstance(a.substance()).setReaction(orEmpty(a.reaction()))
        .setSeverity(a.severity() == null ? AllergySeverity.ALLERGY_SEVERITY_UNSPECIFIED : switch (a.severity()) {
          case MILD -> AllergySeverity.ALLERGY_MILD;
          case MODERATE -> AllergySeverity.ALLERGY_MODERATE;
          case SEVERE -> AllergySeverity.ALLERGY_SEVERE;
        })
        .setVerified(a.verified()).setStatus(switch (a.status()) {
          case ACTIVE -> AllergyStatus.ALLERGY_ACTIVE;
          case RESOLVED -> AllergyStatus.ALLERGY_RESOLVED;
          case ENTERED_IN_ERROR -> AllergyStatus.ALLERGY_ENTERED_IN_ERROR;
        })
        .setRecordedBy(a.recordedBy()).setRecordedAt(timestamp(a.recordedAt())).setVersion(a.version()).build();
  }

  static org.hospital.proto.clinical.v1.AllergyStatement statement(AllergyStatement s) {
    return org.hospital.proto.clinical.v1.AllergyStatement.newBuilder().setPatientId(s.patientId())
        .setState(s.state() == AllergyStatement.State.NO_KNOWN_DRUG_ALLERGIES ? AllergyState.NO_KNOWN_DRUG_ALLERGIES
            : AllergyState.HAS_ALLERGIES)
        .setRecordedBy(s.recordedBy()).setRecordedAt(timestamp(s.recordedAt())).build();
  }

  static org.hospital.proto.clinical.v1.ChartSummary summary(ChartSummary s, LocalDate today) {
    Patient p = s.patient();
    AllergyState state = s.hasActiveDrugAllergy() ? AllergyState.HAS_ALLERGIES
        : s.statement().filter(x -> x.state() == AllergyStatement.State.NO_KNOWN_DRUG_ALLERGIES).isPresent()
            ? AllergyState.NO_KNOWN_DRUG_ALLERGIES : AllergyState.ALLERGIES_NOT_RECORDED;
    PatientBanner.Builder banner = PatientBanner.newBuilder().setPatientId(p.id()).setMrn(p.mrn())
        .setFamilyName(p.familyName()).setGivenNames(p.givenNames()).setBirthDate(date(p.birthDate()))
        .setAgeYears(Period.between(p.birthDate(), today).getYears()).setSex(p.sex().name().substring(0, 1))
        .setAllergyState(state);
    s.allergies().forEach(a -> banner.addAllergies(allergy(a)));
    var b = org.hospital.proto.clinical.v1.ChartSummary.newBuilder().setBanner(banner);
    s.activeProblems().forEach(q -> b.addActiveProblems(problem(q)));
    s.pastProblems().forEach(q -> b.addPastProblems(problem(q)));
    s.recentEncounters().forEach(e -> b.addRecentEncounters(encounter(e)));
    return b.build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
