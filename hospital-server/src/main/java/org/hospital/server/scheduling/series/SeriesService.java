package org.hospital.server.scheduling.series;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.errors.DomainException;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.appointments.AppointmentReads;
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.appointments.AppointmentStatus;
import org.hospital.server.scheduling.appointments.AppointmentStore;
import org.hospital.server.scheduling.appointments.Directory;
import org.hospital.server.scheduling.appointments.NewAppointment;
import org.hospital.server.scheduling.appointments.SeriesPlace;
import org.hospital.server.scheduling.appointments.Transitions;
import org.hospital.server.scheduling.booking.BookingService;
import org.hospital.server.scheduling.feed.ScheduleEventType;
import org.hospital.server.scheduling.hours.ScheduleCalendar;
import org.hospital.server.scheduling.hours.Slot;
import org.hospital.server.scheduling.visits.VisitService;
import org.hospital.server.scheduling.writes.IdempotentWrites;
import org.hospital.server.scheduling.writes.ScheduleReads;
import org.hospital.server.scheduling.writes.ScheduleWriter;
import org.hospital.server.scheduling.writes.SlotTaken;
import org.hospital.server.scheduling.writes.Tx;

/**
 * Recurring series: booked all or nothing through the ordinary booking path (the held-slot constraint, the
 * idempotency key, one event per appointment), and cancelled from one member on. See
 * docs/decisions/0308-appointment-series.md.
 */
public final class SeriesService {

  /** A booked series, earliest member first. */
  public record BookedSeries(long seriesId, List<AppointmentRow> appointments) {}

  /** A slot was taken between the check and the insert (a concurrent booking): the whole series rolls back. */
  private static final class LostRace extends RuntimeException {
    LostRace() {
      super("series lost a slot race", null, false, false);
    }
  }

  private final ScheduleCalendar calendar;
  private final ScheduleWriter writer;
  private final ScheduleReads reads;
  private final IdempotentWrites writes;
  private final Clock clock;

  public SeriesService(ScheduleCalendar calendar, ScheduleWriter writer, ScheduleReads reads, IdempotentWrites writes, Clock clock) {
    this.calendar = calendar;
    this.writer = writer;
    this.reads = reads;
    this.writes = writes;
    this.clock = clock;
  }

  /** The members' starts: the first one's local time of day, every interval weeks, in the hospital's zone. */
  List<Instant> starts(SeriesCommand cmd) {
    ZonedDateTime first = cmd.firstStart().atZone(calendar.zone());
    List<Instant> out = new ArrayList<>();
    for (int i = 0; i < cmd.occurrences(); i++) {
      out.add(first.plusWeeks((long) i * cmd.intervalWeeks()).toInstant());
    }
    return out;
  }

  public BookedSeries book(SeriesCommand cmd, CurrentUser user) {
    List<Instant> starts = starts(cmd);
    try {
      return writes.run(cmd.idempotencyKey(), "BOOK_SERIES", cmd.fingerprint(), user,
          (tx, claim) -> insertAll(tx, claim, cmd, starts, user),
          (tx, claimed) -> new BookedSeries(claimed.series().seriesId(),
              AppointmentReads.series(tx.connection(), claimed.series().seriesId())));
    } catch (LostRace race) {
      // Read after the rollback: the winner has committed by now, so this names what it holds.
      List<Instant> taken = reads.read(c -> {
        List<Instant> held = new ArrayList<>();
        for (Instant s : starts) {
          if (AppointmentReads.highestOverbookSeq(c, cmd.clinicianId(), s) >= 0) {
            held.add(s);
          }
        }
        return held;
      });
      throw DomainException.slotsTaken(dates(taken.isEmpty() ? starts : taken));
    }
  }

  private BookedSeries insertAll(Tx tx, IdempotentWrites.Claim claim, SeriesCommand cmd, List<Instant> starts,
      CurrentUser user) throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      ids.add(AppointmentStore.nextId(tx.connection()));
    }
    claim.claim(ids.get(0));
    Directory.Clinician clinician = Directory.requireParties(tx.connection(), cmd.clinicianId(), "clinician_id",
        cmd.patientId(), "patient_id");
    List<Slot> slots = new ArrayList<>();
    List<Instant> offSchedule = new ArrayList<>();
    for (Instant s : starts) {
      Optional<Slot> slot = s.isBefore(clock.instant()) ? Optional.empty()
          : calendar.slotAt(tx.connection(), clinician.id(), s);
      slot.ifPresentOrElse(slots::add, () -> offSchedule.add(s));
    }
    if (!offSchedule.isEmpty()) {
      throw DomainException.outsideWorkingHours(dates(offSchedule));
    }
    if (!takenAmong(tx, slots).isEmpty()) {
      // Asked again: a series booked meanwhile may have committed between our looks at its first and its
      // later dates; now that one of its dates shows, all of them do, and the answer names every one.
      throw DomainException.slotsTaken(dates(takenAmong(tx, slots)));
    }
    long seriesId = SeriesStore.insert(tx.connection(), cmd, tx.now(), user.displayName());
    List<AppointmentRow> rows = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      long id = ids.get(i);
      try {
        BookingService.insertHolding(tx, new NewAppointment(id, clinician.id(), clinician.departmentId(),
            cmd.patientId(), slot.start(), slot.end(), AppointmentStatus.BOOKED, cmd.visitType(), cmd.reason(),
            false, 0, null, 0, new SeriesPlace(seriesId, i + 1, slots.size())), user);
      } catch (SlotTaken t) {
        throw new LostRace();
      }
      AppointmentRow row = AppointmentReads.find(tx.connection(), id).orElseThrow();
      tx.changed(ScheduleEventType.APPOINTMENT_BOOKED, row);
      tx.audit(AuditEvent.by(user, AuditAction.APPOINTMENT_BOOKED, row.patientId(), BookingService.detail(row),
          AuditOutcome.SUCCESS));
      rows.add(row);
    }
    return new BookedSeries(seriesId, rows);
  }

  private static List<Instant> takenAmong(Tx tx, List<Slot> slots) throws SQLException {
    List<Instant> taken = new ArrayList<>();
    for (Slot slot : slots) {
      try {
        BookingService.overbookSeq(tx.connection(), slot, false);
      } catch (SlotTaken t) {
        taken.add(slot.start());
      }
    }
    return taken;
  }

  /**
   * Cancels the appointment (version-checked) and the later members of its series that are still booked,
   * in one transaction, one event each. The named one first in the answer.
   */
  public List<AppointmentRow> cancelWithFollowing(long appointmentId, long expectedVersion, String reason,
      CurrentUser user) {
    return writer.write(tx -> {
      AppointmentRow a = Transitions.lockCurrent(tx.connection(), appointmentId, expectedVersion);
      if (!a.status().cancellable()) {
        throw DomainException.invalidTransition(a.status().name());
      }
      List<AppointmentRow> out = new ArrayList<>();
      out.add(VisitService.cancelLocked(tx, a, reason, user));
      if (a.series().inSeries()) {
        for (long id : AppointmentReads.bookedAfter(tx.connection(), a.series().seriesId(), a.series().position())) {
          // Re-read under the lock: a member checked in meanwhile is no longer this cancellation's to take.
          Optional<AppointmentRow> next = AppointmentStore.lock(tx.connection(), id);
          if (next.isPresent() && next.get().status() == AppointmentStatus.BOOKED) {
            out.add(VisitService.cancelLocked(tx, next.get(), reason, user));
          }
        }
      }
      return out;
    });
  }

  /** ISO-8601 days of the starts in the hospital's zone, comma-separated. */
  private String dates(List<Instant> starts) {
    return starts.stream().map(s -> calendar.dateOf(s).toString()).collect(Collectors.joining(","));
  }
}
