package org.hospital.server.scheduling.hours;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.appointments.Directory;
import org.hospital.server.scheduling.writes.ScheduleReads;
import org.hospital.server.scheduling.writes.ScheduleWriter;

/**
 * Editing a clinician's schedule: the weekly template from a future date on, and exceptions (leave,
 * blocked time, extra sessions). Changes apply to future slots only and never move or cancel appointments: the
 * ones left without a slot are marked "clinician unavailable" in the same transaction (a live event each) and
 * listed ("off schedule") for the front desk to move. The list is computed from the
 * state after commit, so it also shows a booking that raced the change.
 */
public final class ScheduleTemplateService {

  /** How far ahead exceptions are listed. */
  static final Duration EXCEPTIONS_AHEAD = Duration.ofDays(2 * 366);

  /** A clinician's schedule as of a date. */
  public record Overview(List<WeeklyTemplate> sessions, List<TemplateStore.StoredException> exceptions,
      List<AppointmentRow> offSchedule) {}

  public record AddedException(TemplateStore.StoredException exception, List<AppointmentRow> offSchedule) {}

  private final ScheduleWriter writer;
  private final ScheduleReads reads;
  private final OffScheduleBookings offSchedule;
  private final AuditTrail audit;
  private final Clock clock;

  public ScheduleTemplateService(ScheduleWriter writer, ScheduleReads reads, ScheduleCalendar calendar, AuditTrail audit, Clock clock) {
    this.writer = writer;
    this.reads = reads;
    this.offSchedule = new OffScheduleBookings(calendar, clock);
    this.audit = audit;
    this.clock = clock;
  }

  public Overview overview(long clinicianId, LocalDate asOf, CurrentUser user) {
    Overview o = reads.read(c -> {
      Directory.requireClinician(c, clinicianId, "clinician_id");
      Instant now = clock.instant();
      return new Overview(TemplateStore.templates(c, clinicianId).stream().filter(t -> t.validOn(asOf))
          .toList(), TemplateStore.exceptions(c, clinicianId, now, now.plus(EXCEPTIONS_AHEAD)),
          offSchedule.list(c, clinicianId));
    });
    auditRead(user, clinicianId, o.offSchedule());
    return o;
  }

  /** Replaces the weekly template from {@code from} (after today) on; returns the appointments off schedule. */
  public List<AppointmentRow> setWeeklyTemplate(long clinicianId, LocalDate from, List<WeeklyTemplate> sessions,
      CurrentUser user) {
    writer.write(tx -> {
      lockClinician(tx.connection(), clinicianId);
      TemplateStore.replaceFrom(tx.connection(), clinicianId, from, sessions);
      offSchedule.mark(tx, clinicianId, user.displayName());
      tx.audit(AuditEvent.by(user, AuditAction.SCHEDULE_CHANGED, AuditEvent.NO_PATIENT, "clinician=" + clinicianId
          + " template from=" + from + " sessions=" + sessions.size(), AuditOutcome.SUCCESS));
      return null;
    });
    return offScheduleAudited(clinicianId, user);
  }

  public AddedException addException(ScheduleException e, String note, CurrentUser user) {
    long id = writer.write(tx -> {
      lockClinician(tx.connection(), e.clinicianId());
      long newId = TemplateStore.insertException(tx.connection(), e, note, user.displayName());
      offSchedule.mark(tx, e.clinicianId(), user.displayName());
      tx.audit(AuditEvent.by(user, AuditAction.SCHEDULE_CHANGED, AuditEvent.NO_PATIENT, "clinician="
          + e.clinicianId() + " " + e.kind() + " " + e.start() + ".." + e.end(), AuditOutcome.SUCCESS));
      return newId;
    });
    return new AddedException(new TemplateStore.StoredException(id, e, note),
        offScheduleAudited(e.clinicianId(), user));
  }

  /**
   * Deletes an exception entered by mistake, if it has not ended (past days keep their history). Slots
   * change without events on the schedule stream, as for added exceptions: no appointment changes.
   */
  public List<AppointmentRow> removeException(long id, CurrentUser user) {
    long clinicianId = writer.write(tx -> {
      TemplateStore.StoredException found = TemplateStore.lockException(tx.connection(), id)
          .orElseThrow(DomainException::notFound);
      ScheduleException e = found.exception();
      lockClinician(tx.connection(), e.clinicianId());
      if (!e.end().isAfter(tx.now())) {
        throw DomainException.invalidTransition("ENDED");
      }
      TemplateStore.deleteException(tx.connection(), id);
      offSchedule.mark(tx, e.clinicianId(), user.displayName());
      tx.audit(AuditEvent.by(user, AuditAction.SCHEDULE_CHANGED, AuditEvent.NO_PATIENT, "clinician="
          + e.clinicianId() + " removed " + e.kind() + " id=" + id + " " + e.start() + ".." + e.end(),
          AuditOutcome.SUCCESS));
      return e.clinicianId();
    });
    return offScheduleAudited(clinicianId, user);
  }

  /**
   * Serialises schedule edits of one clinician (and capped bookings, which take the same lock); fails with
   * UNKNOWN_ID when there is no such clinician.
   */
  private static void lockClinician(Connection c, long clinicianId) throws SQLException {
    Directory.requireClinician(c, clinicianId, "clinician_id");
    try (PreparedStatement ps = c.prepareStatement("SELECT staff_id FROM clinician WHERE staff_id = ? FOR UPDATE")) {
      ps.setLong(1, clinicianId);
      ps.executeQuery().close();
    }
  }

  private List<AppointmentRow> offScheduleAudited(long clinicianId, CurrentUser user) {
    List<AppointmentRow> off = reads.read(c -> offSchedule.list(c, clinicianId));
    auditRead(user, clinicianId, off);
    return off;
  }

  private void auditRead(CurrentUser user, long clinicianId, List<AppointmentRow> shown) {
    if (!shown.isEmpty()) {
      audit.record(AuditEvent.by(user, AuditAction.SCHEDULE_VIEWED, AuditEvent.NO_PATIENT, "clinician="
          + clinicianId + " off schedule patients=" + shown.stream().map(a -> Long.toString(a.patientId()))
          .distinct().collect(Collectors.joining(",")), AuditOutcome.SUCCESS));
    }
  }
}
