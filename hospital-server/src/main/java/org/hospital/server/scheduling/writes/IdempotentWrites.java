package org.hospital.server.scheduling.writes;

import java.sql.SQLException;
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
import org.hospital.server.errors.DomainException;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.appointments.AppointmentReads;
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.hours.ScheduleCalendar;
import org.hospital.server.scheduling.hours.Slot;

/**
 * Runs a write that carries an idempotency key (keys are the sender's own, see {@link IdempotencyKeys}): a
 * retry of a committed request answers with its appointment
 * and writes nothing (but the audit entry of the read); a retry racing the first attempt waits for it; a
 * slot conflict becomes SLOT_TAKEN with the next free slots. See docs/decisions/0301-no-double-booking.md.
 */
public final class IdempotentWrites {

  public static final int NEXT_FREE_SUGGESTIONS = 5;
  static final int NEXT_FREE_DAYS = 14;
  private static final int KEY_RACE_ATTEMPTS = 200;

  /** The body of a keyed write; it calls {@link Claim#claim} as soon as it knows the appointment's id. */
  public interface Body<T> {
    T run(Tx tx, Claim claim) throws SQLException;
  }

  /** The answer to a retry, from the appointment the key was claimed for. */
  public interface Replay<T> {
    T answer(Tx tx, AppointmentRow claimed) throws SQLException;
  }

  public interface Claim {
    void claim(long appointmentId) throws SQLException;
  }

  /** Another transaction inserted the same key and has not committed (or just committed): look again. */
  private static final class KeyRace extends RuntimeException {
    KeyRace() {
      super("idempotency key race", null, false, false);
    }
  }

  private final ScheduleWriter writer;
  private final ScheduleReads reads;
  private final ScheduleCalendar calendar;
  private final Clock clock;

  public IdempotentWrites(ScheduleWriter writer, ScheduleReads reads, ScheduleCalendar calendar, Clock clock) {
    this.reads = reads;
    this.writer = writer;
    this.calendar = calendar;
    this.clock = clock;
  }

  public AppointmentRow run(String key, String operation, String fingerprint, CurrentUser user,
      Body<AppointmentRow> body) {
    return run(key, operation, fingerprint, user, body, (tx, claimed) -> claimed);
  }

  /** A keyed write whose result is more than the one appointment its key is claimed for (a series). */
  public <T> T run(String key, String operation, String fingerprint, CurrentUser user, Body<T> body, Replay<T> replay) {
    for (int attempt = 1; ; attempt++) {
      try {
        return writer.write(tx -> {
          Optional<Long> earlier = IdempotencyKeys.replay(tx.connection(), user.staffId(), key, operation, fingerprint);
          if (earlier.isPresent()) {
            AppointmentRow row = AppointmentReads.find(tx.connection(), earlier.get()).orElseThrow();
            tx.audit(AuditEvent.by(user, AuditAction.SCHEDULE_VIEWED, row.patientId(),
                "retry of " + operation + " appointment=" + row.id(), AuditOutcome.SUCCESS));
            return replay.answer(tx, row);
          }
          return body.run(tx, id -> claim(tx, key, operation, fingerprint, id, user));
        });
      } catch (KeyRace race) {
        if (attempt >= KEY_RACE_ATTEMPTS) {
          throw new IllegalStateException("Idempotency key still undecided after " + attempt + " attempts");
        }
        pause();
      } catch (SlotTaken taken) {
        throw DomainException.slotTaken(nextFree(taken.clinicianId, taken.start));
      }
    }
  }

  private static void claim(Tx tx, String key, String operation, String fingerprint, long id, CurrentUser user)
      throws SQLException {
    try {
      IdempotencyKeys.claim(tx.connection(), user.staffId(), key, operation, fingerprint, id, user.displayName(), tx.now());
    } catch (SQLException e) {
      if (UniqueViolation.in(e)) {
        throw new KeyRace();
      }
      throw e;
    }
  }

  /** ISO-8601 starts of the clinician's next free slots from {@code after}, comma-separated. */
  String nextFree(long clinicianId, Instant after) {
    Instant notBefore = after.isAfter(clock.instant()) ? after : clock.instant();
    LocalDate from = calendar.dateOf(notBefore);
    List<Slot> free = reads.read(c -> calendar.freeSlots(c, List.of(clinicianId), from,
        from.plusDays(NEXT_FREE_DAYS), notBefore, NEXT_FREE_SUGGESTIONS));
    return free.stream().map(s -> s.start().toString()).collect(Collectors.joining(","));
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a concurrent retry", e);
    }
  }
}
