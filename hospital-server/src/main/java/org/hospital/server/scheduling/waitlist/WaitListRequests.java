package org.hospital.server.scheduling.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesRequest;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.server.errors.Violations;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.scheduling.SchedulingRequestValidator;
import org.hospital.server.scheduling.appointments.VisitType;

/** Checks and maps the wait list requests and answers. */
public final class WaitListRequests {

  /** How far ahead a wait may reach: a quarter. */
  static final int MAX_DAYS = 92;

  private final Clock clock;
  private final ZoneId zone;

  WaitListRequests(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  WaitListService.Addition addition(AddToWaitListRequest r) {
    Violations v = new Violations();
    long patient = SchedulingRequestValidator.id(v, "patient_id", r.getPatientId());
    long clinician = 0;
    long department = 0;
    switch (r.getTargetCase()) {
      case CLINICIAN_ID -> clinician = SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId());
      case DEPARTMENT_ID -> department = SchedulingRequestValidator.id(v, "department_id", r.getDepartmentId());
      default -> v.add("clinician_id", FieldViolationCode.REQUIRED);
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate earliest = SchedulingRequestValidator.date(v, "earliest", r.getEarliest(), today);
    LocalDate latest = SchedulingRequestValidator.date(v, "latest", r.getLatest(), null);
    if (earliest != null && earliest.isBefore(today)) {
      v.add("earliest", FieldViolationCode.IN_PAST);
    } else if (earliest != null && latest != null
        && (latest.isBefore(earliest) || latest.isAfter(earliest.plusDays(MAX_DAYS)))) {
      v.add("latest", FieldViolationCode.OUT_OF_RANGE);
    }
    VisitType visitType = SchedulingRequestValidator.visitType(v, "visit_type", r.getVisitTypeValue());
    String reason = SchedulingRequestValidator.optionalText(v, "reason", r.getReason());
    v.throwIfAny();
    return new WaitListService.Addition(patient, clinician, department, earliest, latest, visitType, reason);
  }

  static final int DEFAULT_CANDIDATES = 5;
  static final int MAX_CANDIDATES = 20;

  /** A checked FindWaitListCandidates request; visitType null means any. */
  record CandidateQuery(long clinicianId, Instant slotStart, VisitType visitType, int max) {}

  /** Shape only: whether the slot exists or has begun is the service's question (FAILED_PRECONDITION). */
  static CandidateQuery candidateQuery(FindWaitListCandidatesRequest r) {
    Violations v = new Violations();
    long clinician = SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId());
    Instant start = null;
    if (!r.hasSlotStart()) {
      v.add("slot_start", FieldViolationCode.REQUIRED);
    } else if (!SchedulingRequestValidator.wellFormed(r.getSlotStart())) {
      v.add("slot_start", FieldViolationCode.INVALID_FORMAT);
    } else {
      start = Instant.ofEpochSecond(r.getSlotStart().getSeconds(), r.getSlotStart().getNanos());
    }
    VisitType visitType = null;
    if (r.getVisitTypeValue() != 0) {
      visitType = SchedulingRequestValidator.visitType(v, "visit_type", r.getVisitTypeValue());
    }
    int max = r.getMaxResults() == 0 ? DEFAULT_CANDIDATES : r.getMaxResults();
    if (max < 1 || max > MAX_CANDIDATES) {
      v.add("max_results", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    return new CandidateQuery(clinician, start, visitType, max);
  }

  /** The filter of SubscribeWaitList: the ids as ListWaitList checks them, and a resume point not below 0. */
  public static WaitListFilter filter(SubscribeWaitListRequest r) {
    Violations v = new Violations();
    SchedulingRequestValidator.ids(v, "department_ids", r.getDepartmentIdsList(), false);
    SchedulingRequestValidator.ids(v, "clinician_ids", r.getClinicianIdsList(), false);
    if (r.getAfterSequence() < 0) {
      v.add("after_sequence", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    return new WaitListFilter(new HashSet<>(r.getDepartmentIdsList()), new HashSet<>(r.getClinicianIdsList()));
  }

  static org.hospital.proto.scheduling.v1.WaitListEntry toProto(WaitListEntry e) {
    var b = org.hospital.proto.scheduling.v1.WaitListEntry.newBuilder().setId(e.id()).setPatientId(e.patientId())
        .setPatientName(e.patientName()).setPatientMrn(e.patientMrn()).setClinicianId(e.clinicianId())
        .setDepartmentId(e.departmentId()).setEarliest(date(e.earliest())).setLatest(date(e.latest()))
        .setVisitType(org.hospital.proto.scheduling.v1.VisitType.valueOf(e.visitType().name()))
        .setAddedAt(ProtoDates.timestamp(e.addedAt())).setAddedBy(e.addedBy()).setVersion(e.version())
        .setRemoved(!e.open());
    if (e.reason() != null) {
      b.setReason(e.reason());
    }
    return b.build();
  }

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }
}
