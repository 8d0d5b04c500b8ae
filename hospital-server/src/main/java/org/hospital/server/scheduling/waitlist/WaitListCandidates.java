package org.hospital.server.scheduling.waitlist;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.appointments.Directory;
import org.hospital.server.scheduling.appointments.VisitType;
import org.hospital.server.scheduling.hours.FreeSlot;
import org.hospital.server.scheduling.hours.ScheduleCalendar;
import org.hospital.server.scheduling.writes.ScheduleReads;

/**
 * Who on the wait list could take one slot. Ranked on demand when a desk asks (typically after it saw a
 * cancellation on the live schedule), so the answer reflects the list and the slot as they are at that moment;
 * see decision 0307.
 */
public final class WaitListCandidates {

  /** The best entries for the slot, and whether the slot is free now. */
  public record Match(FreeSlot slot, List<WaitListEntry> candidates) {}

  private final ScheduleReads reads;
  private final ScheduleCalendar calendar;
  private final AuditTrail audit;
  private final Clock clock;

  WaitListCandidates(ScheduleReads reads, ScheduleCalendar calendar, AuditTrail audit, Clock clock) {
    this.reads = reads;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @param visitType null: any
   * @throws DomainException NOT_FOUND for an unknown clinician, OUTSIDE_WORKING_HOURS for a slot that has begun
   *     or is not one of the clinician's slots
   */
  public Match find(long clinicianId, Instant slotStart, VisitType visitType, int max, CurrentUser user) {
    Match m = reads.read(c -> {
      Directory.Clinician clinician = Directory.clinician(c, clinicianId).orElseThrow(DomainException::notFound);
      if (slotStart.isBefore(clock.instant())) {
        throw DomainException.outsideWorkingHours();
      }
      FreeSlot slot = slotAt(c, clinician.id(), slotStart);
      return new Match(slot, WaitListStore.candidates(c, clinician.id(), clinician.departmentId(),
          calendar.dateOf(slotStart), visitType, max));
    });
    if (!m.candidates().isEmpty()) {
      audit.record(AuditEvent.by(user, AuditAction.SCHEDULE_VIEWED, AuditEvent.NO_PATIENT,
          "wait list candidates clinician=" + clinicianId + " start=" + slotStart + " patients="
              + m.candidates().stream().map(e -> Long.toString(e.patientId())).collect(Collectors.joining(",")),
          AuditOutcome.SUCCESS));
    }
    return m;
  }

  private FreeSlot slotAt(Connection c, long clinicianId, Instant start) throws SQLException {
    LocalDate day = calendar.dateOf(start);
    return calendar.withAvailability(c, clinicianId, day, day).stream()
        .filter(f -> f.slot().start().equals(start)).findFirst()
        .orElseThrow(DomainException::outsideWorkingHours);
  }
}
