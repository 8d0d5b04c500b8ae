package org.hospital.server.scheduling.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.appointments.Directory;
import org.hospital.server.scheduling.appointments.VisitType;
import org.hospital.server.scheduling.hours.ScheduleCalendar;
import org.hospital.server.scheduling.writes.ScheduleReads;
import org.hospital.server.scheduling.writes.ScheduleWriter;

/**
 * The wait list: patients who want an appointment (sooner) with a clinician or a department. The front desk
 * books them with the ordinary booking calls and then takes them off. A patient waits at most once per
 * clinician or department, enforced by the database, which also makes adding idempotent.
 */
public final class WaitListService {

  /** A validated addition; clinicianId 0 means anyone in the department. */
  public record Addition(long patientId, long clinicianId, long departmentId, LocalDate earliest,
      LocalDate latest, VisitType visitType, String reason) {}

  private final ScheduleWriter writer;
  private final ScheduleReads reads;
  private final ScheduleCalendar calendar;
  private final AuditTrail audit;
  private final Clock clock;
  private final WaitListCandidates candidates;

  public WaitListService(ScheduleWriter writer, ScheduleReads reads, ScheduleCalendar calendar, AuditTrail audit, Clock clock) {
    this.writer = writer;
    this.reads = reads;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
    this.candidates = new WaitListCandidates(reads, calendar, audit, clock);
  }

  /** Who on the list could take the clinician's slot at {@code slotStart}; see {@link WaitListCandidates}. */
  public WaitListCandidates.Match candidates(long clinicianId, Instant slotStart, VisitType visitType, int max,
      CurrentUser user) {
    return candidates.find(clinicianId, slotStart, visitType, max, user);
  }

  public WaitListEntry add(Addition a, CurrentUser user) {
    try {
      return writer.write(tx -> {
        long departmentId = a.departmentId();
        if (a.clinicianId() != 0) {
          departmentId = Directory.requireParties(tx.connection(), a.clinicianId(), "clinician_id", a.patientId(),
              "patient_id").departmentId();
        } else {
          Directory.requireDepartmentAndPatient(tx.connection(), departmentId, "department_id", a.patientId(), "patient_id");
        }
        Optional<WaitListEntry> waiting = WaitListStore.findOpen(tx.connection(), a.patientId(),
            WaitListStore.openTarget(a.clinicianId(), departmentId));
        if (waiting.isPresent()) {
          return waiting.get();
        }
        long id = WaitListStore.insert(tx.connection(), a.patientId(), a.clinicianId(), departmentId, a.earliest(),
            a.latest(), a.visitType(), a.reason(), user.displayName(), tx.now());
        tx.audit(AuditEvent.by(user, AuditAction.WAIT_LIST_ADDED, a.patientId(), "entry=" + id + " target="
            + WaitListStore.openTarget(a.clinicianId(), departmentId), AuditOutcome.SUCCESS));
        WaitListEntry added = WaitListStore.find(tx.connection(), id).orElseThrow();
        tx.waitListChanged(WaitListEventType.ENTRY_ADDED, added);
        return added;
      });
    } catch (ScheduleWriter.SqlFailure e) {
      if (UniqueViolation.in(e)) {
        // A concurrent add of the same patient and target won: answer with its entry.
        return reads.read(c -> {
          long departmentId = a.clinicianId() != 0
              ? Directory.clinician(c, a.clinicianId()).orElseThrow().departmentId() : a.departmentId();
          return WaitListStore.findOpen(c, a.patientId(), WaitListStore.openTarget(a.clinicianId(),
              departmentId)).orElseThrow(() -> e);
        });
      }
      throw e;
    }
  }

  public List<WaitListEntry> list(List<Long> departmentIds, List<Long> clinicianIds, CurrentUser user) {
    LocalDate today = calendar.dateOf(clock.instant());
    List<WaitListEntry> entries = reads.read(c -> WaitListStore.open(c, departmentIds, clinicianIds, today));
    if (!entries.isEmpty()) {
      audit.record(AuditEvent.by(user, AuditAction.SCHEDULE_VIEWED, AuditEvent.NO_PATIENT, "wait list patients="
          + entries.stream().map(e -> Long.toString(e.patientId())).distinct().collect(Collectors.joining(",")),
          AuditOutcome.SUCCESS));
    }
    return entries;
  }

  public void remove(long id, long expectedVersion, String reason, CurrentUser user) {
    writer.write(tx -> {
      WaitListEntry e = WaitListStore.lock(tx.connection(), id).orElseThrow(DomainException::notFound);
      if (e.version() != expectedVersion) {
        throw DomainException.stale(e.updatedBy(), e.updatedAt(), e.version());
      }
      if (!e.open()) {
        throw DomainException.invalidTransition("REMOVED");
      }
      WaitListStore.remove(tx.connection(), id, reason, user.displayName(), tx.now());
      tx.waitListChanged(WaitListEventType.ENTRY_REMOVED, WaitListStore.find(tx.connection(), id).orElseThrow());
      tx.audit(AuditEvent.by(user, AuditAction.WAIT_LIST_REMOVED, e.patientId(), "entry=" + id,
          AuditOutcome.SUCCESS));
      return null;
    });
  }
}
