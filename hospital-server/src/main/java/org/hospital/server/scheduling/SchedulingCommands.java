package org.hospital.server.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.function.Function;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesRequest;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentRequest;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.WalkIn;
import org.hospital.server.errors.Violations;
import org.hospital.server.scheduling.SchedulingRequestValidator.DateRange;
import org.hospital.server.scheduling.booking.BookCommand;
import org.hospital.server.scheduling.booking.RescheduleCommand;
import org.hospital.server.scheduling.feed.ScheduleFilter;
import org.hospital.server.scheduling.hours.ScheduleQueryService;
import org.hospital.server.scheduling.series.SeriesCommand;
import org.hospital.server.scheduling.visits.WalkInCommand;

/** Turns the larger scheduling requests into validated commands, or fails with every field violation. */
public final class SchedulingCommands {

  private final SchedulingRequestValidator validate;
  private final Function<LocalDate, Instant> startOfDay;

  SchedulingCommands(SchedulingRequestValidator validate, Function<LocalDate, Instant> startOfDay) {
    this.validate = validate;
    this.startOfDay = startOfDay;
  }

  public BookCommand book(BookAppointmentRequest r) {
    Violations v = new Violations();
    BookCommand cmd = new BookCommand(
        SchedulingRequestValidator.idempotencyKey(v, "idempotency_key", r.getIdempotencyKey()),
        SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId()),
        SchedulingRequestValidator.id(v, "patient_id", r.getPatientId()),
        validate.futureStart(v, "start", r.hasStart(), r.getStart()),
        SchedulingRequestValidator.visitType(v, "visit_type", r.getVisitTypeValue()),
        SchedulingRequestValidator.optionalText(v, "reason", r.getReason()),
        r.getOverbook(),
        SchedulingRequestValidator.overbookReason(v, "overbook_reason", r.getOverbook(), r.getOverbookReason()),
        SchedulingRequestValidator.optionalId(v, "wait_list_entry_id", r.getWaitListEntryId()));
    v.throwIfAny();
    return cmd;
  }

  public SeriesCommand series(BookAppointmentSeriesRequest r) {
    Violations v = new Violations();
    SeriesCommand cmd = new SeriesCommand(
        SchedulingRequestValidator.idempotencyKey(v, "idempotency_key", r.getIdempotencyKey()),
        SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId()),
        SchedulingRequestValidator.id(v, "patient_id", r.getPatientId()),
        validate.futureStart(v, "first_start", r.hasFirstStart(), r.getFirstStart()),
        r.getOccurrences(),
        r.getIntervalWeeks(),
        SchedulingRequestValidator.visitType(v, "visit_type", r.getVisitTypeValue()),
        SchedulingRequestValidator.optionalText(v, "reason", r.getReason()));
    if (cmd.occurrences() < SeriesCommand.MIN_OCCURRENCES || cmd.occurrences() > SeriesCommand.MAX_OCCURRENCES) {
      v.add("occurrences", FieldViolationCode.OUT_OF_RANGE);
    } else if (cmd.firstStart() != null && cmd.intervalWeeks() > 0 && cmd.firstStart()
        .plus(Duration.ofDays(7L * cmd.intervalWeeks() * (cmd.occurrences() - 1)))
        .isAfter(Instant.now(validate.clock()).plus(SchedulingRequestValidator.BOOKING_HORIZON))) {
      v.add("occurrences", FieldViolationCode.OUT_OF_RANGE);
    }
    if (cmd.intervalWeeks() < 1 || cmd.intervalWeeks() > SeriesCommand.MAX_INTERVAL_WEEKS) {
      v.add("interval_weeks", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    return cmd;
  }

  public RescheduleCommand reschedule(RescheduleAppointmentRequest r) {
    Violations v = new Violations();
    if (r.getNewClinicianId() < 0) {
      v.add("new_clinician_id", FieldViolationCode.OUT_OF_RANGE);
    }
    RescheduleCommand cmd = new RescheduleCommand(
        SchedulingRequestValidator.idempotencyKey(v, "idempotency_key", r.getIdempotencyKey()),
        SchedulingRequestValidator.id(v, "appointment_id", r.getAppointmentId()),
        SchedulingRequestValidator.id(v, "expected_version", r.getExpectedVersion()),
        validate.futureStart(v, "new_start", r.hasNewStart(), r.getNewStart()),
        r.getNewClinicianId(),
        r.getOverbook(),
        SchedulingRequestValidator.overbookReason(v, "overbook_reason", r.getOverbook(), r.getOverbookReason()));
    v.throwIfAny();
    return cmd;
  }

  /** Records violations in {@code v}; the caller throws, together with the request's other fields. */
  public static WalkInCommand walkIn(Violations v, WalkIn w) {
    return new WalkInCommand(
        SchedulingRequestValidator.id(v, "walk_in.patient_id", w.getPatientId()),
        SchedulingRequestValidator.id(v, "walk_in.clinician_id", w.getClinicianId()),
        SchedulingRequestValidator.visitType(v, "walk_in.visit_type", w.getVisitTypeValue()),
        SchedulingRequestValidator.optionalText(v, "walk_in.reason", w.getReason()));
  }

  static final int DEFAULT_MAX_RESULTS = 10;
  static final int MAX_RESULTS = 100;

  /** A FindFreeSlots request, checked. */
  public record FreeSlotQuery(ScheduleQueryService.Target target, DateRange range, int max) {}

  public FreeSlotQuery freeSlotQuery(FindFreeSlotsRequest r) {
    Violations v = new Violations();
    ScheduleQueryService.Target target = switch (r.getTargetCase()) {
      case CLINICIAN_ID -> new ScheduleQueryService.ClinicianTarget(
          SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId()));
      case DEPARTMENT_ID -> new ScheduleQueryService.DepartmentTarget(
          SchedulingRequestValidator.id(v, "department_id", r.getDepartmentId()));
      case SPECIALTY -> new ScheduleQueryService.SpecialtyTarget(SchedulingRequestValidator.requiredText(v,
          "specialty", r.getSpecialty(), SchedulingRequestValidator.SPECIALTY_MAX));
      default -> {
        v.add("clinician_id", FieldViolationCode.REQUIRED);
        yield null;
      }
    };
    DateRange range = validate.range(v, r.getFrom(), r.getTo(), false);
    int max = r.getMaxResults() == 0 ? DEFAULT_MAX_RESULTS : r.getMaxResults();
    if (max < 1 || max > MAX_RESULTS) {
      v.add("max_results", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    return new FreeSlotQuery(target, range, max);
  }

  /** The subscription's filter; missing dates mean today, the range is whole days in the hospital's zone. */
  ScheduleFilter filter(SubscribeScheduleRequest r) {
    Violations v = new Violations();
    SchedulingRequestValidator.ids(v, "department_ids", r.getDepartmentIdsList(), false);
    SchedulingRequestValidator.ids(v, "clinician_ids", r.getClinicianIdsList(), false);
    DateRange range = validate.range(v, r.getFrom(), r.getTo(), true);
    if (r.getAfterSequence() < 0) {
      v.add("after_sequence", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    return new ScheduleFilter(new HashSet<>(r.getDepartmentIdsList()), new HashSet<>(r.getClinicianIdsList()),
        startOfDay.apply(range.from()), startOfDay.apply(range.to().plusDays(1)));
  }
}
