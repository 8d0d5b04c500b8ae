package org.hospital.server.scheduling;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.scheduling.v1.*;
import org.hospital.server.errors.Violations;
import org.hospital.server.scheduling.SchedulingRequestValidator.DateRange;
import org.hospital.server.scheduling.live.ScheduleFeed;
import org.hospital.server.security.CurrentUser;

/** The scheduling RPCs: checks the request, calls the application services, maps the answer. */
public final class SchedulingGrpcService extends SchedulingServiceGrpc.SchedulingServiceImplBase {

  static final int DEFAULT_MAX_RESULTS = 10;
  static final int MAX_RESULTS = 100;

  private final ScheduleQueryService queries;
  private final BookingService bookings;
  private final VisitService visits;
  private final ScheduleFeed feed;
  private final SchedulingRequestValidator validate;
  private final Supplier<BooleanSupplier> sessionWatch;

  SchedulingGrpcService(ScheduleQueryService queries, BookingService bookings, VisitService visits,
      ScheduleFeed feed, Clock clock, Supplier<BooleanSupplier> sessionWatch) {
    this.queries = queries;
    this.bookings = bookings;
    this.visits = visits;
    this.feed = feed;
    this.validate = new SchedulingRequestValidator(clock, queries.zone());
    this.sessionWatch = sessionWatch;
  }

  @Override
  public void listClinicians(ListCliniciansRequest request, StreamObserver<ListCliniciansResponse> response) {
    ScheduleQueryService.Roster r = queries.roster();
    ListCliniciansResponse.Builder out = ListCliniciansResponse.newBuilder().setTimeZone(r.zone().getId());
    r.departments().forEach(d -> out.addDepartments(Department.newBuilder().setId(d.id()).setCode(d.code())
        .setName(d.name()).setSpecialty(d.specialty())));
    r.clinicians().forEach(c -> out.addClinicians(Clinician.newBuilder().setId(c.id())
        .setDisplayName(c.displayName()).setDepartmentId(c.departmentId()).setSpecialty(c.specialty())));
    reply(response, out.build());
  }

  @Override
  public void listSlots(ListSlotsRequest request, StreamObserver<ListSlotsResponse> response) {
    Violations v = new Violations();
    SchedulingRequestValidator.ids(v, "clinician_ids", request.getClinicianIdsList(), true);
    DateRange range = validate.range(v, request.getFrom(), request.getTo(), false);
    v.throwIfAny();
    var known = new HashSet<Long>();
    queries.roster().clinicians().forEach(c -> known.add(c.id()));
    if (!known.containsAll(request.getClinicianIdsList())) {
      v.add("clinician_ids", FieldViolationCode.UNKNOWN_ID).throwIfAny();
    }
    ListSlotsResponse.Builder out = ListSlotsResponse.newBuilder();
    for (FreeSlot f : queries.slots(request.getClinicianIdsList().stream().distinct().toList(), range.from(),
        range.to())) {
      out.addSlots(slot(f.slot(), f.free()));
    }
    reply(response, out.build());
  }

  @Override
  public void findFreeSlots(FindFreeSlotsRequest request, StreamObserver<FindFreeSlotsResponse> response) {
    Violations v = new Violations();
    ScheduleQueryService.Target target = switch (request.getTargetCase()) {
      case CLINICIAN_ID -> new ScheduleQueryService.ClinicianTarget(
          SchedulingRequestValidator.id(v, "clinician_id", request.getClinicianId()));
      case DEPARTMENT_ID -> new ScheduleQueryService.DepartmentTarget(
          SchedulingRequestValidator.id(v, "department_id", request.getDepartmentId()));
      case SPECIALTY -> new ScheduleQueryService.SpecialtyTarget(SchedulingRequestValidator.requiredText(v,
          "specialty", request.getSpecialty(), SchedulingRequestValidator.SPECIALTY_MAX));
      default -> {
        v.add("clinician_id", FieldViolationCode.REQUIRED);
        yield null;
      }
    };
    DateRange range = validate.range(v, request.getFrom(), request.getTo(), false);
    int max = request.getMaxResults() == 0 ? DEFAULT_MAX_RESULTS : request.getMaxResults();
    if (max < 1 || max > MAX_RESULTS) {
      v.add("max_results", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    if (target instanceof ScheduleQueryService.ClinicianTarget c
        && queries.roster().clinicians().stream().noneMatch(x -> x.id() == c.clinicianId())) {
      v.add("clinician_id", FieldViolationCode.UNKNOWN_ID).throwIfAny();
    }
    FindFreeSlotsResponse.Builder out = FindFreeSlotsResponse.newBuilder();
    queries.freeSlots(target, range.from(), range.to(), max).forEach(s -> out.addSlots(slot(s, true)));
    reply(response, out.build());
  }

  @Override
  public void bookAppointment(BookAppointmentRequest r, StreamObserver<BookAppointmentResponse> response) {
    Violations v = new Violations();
    BookCommand cmd = new BookCommand(
        SchedulingRequestValidator.idempotencyKey(v, "idempotency_key", r.getIdempotencyKey()),
        SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId()),
        SchedulingRequestValidator.id(v, "patient_id", r.getPatientId()),
        validate.futureStart(v, "start", r.hasStart(), r.getStart()),
        SchedulingRequestValidator.visitType(v, "visit_type", r.getVisitTypeValue()),
        SchedulingRequestValidator.optionalText(v, "reason", r.getReason()),
        r.getOverbook(),
        SchedulingRequestValidator.overbookReason(v, "overbook_reason", r.getOverbook(), r.getOverbookReason()));
    v.throwIfAny();
    AppointmentRow a = bookings.book(cmd, CurrentUser.get());
    reply(response, BookAppointmentResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build());
  }

  @Override
  public void rescheduleAppointment(RescheduleAppointmentRequest r,
      StreamObserver<RescheduleAppointmentResponse> response) {
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
    AppointmentRow a = bookings.reschedule(cmd, CurrentUser.get());
    reply(response, RescheduleAppointmentResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a))
        .build());
  }

  @Override
  public void cancelAppointment(CancelAppointmentRequest r, StreamObserver<CancelAppointmentResponse> response) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "appointment_id", r.getAppointmentId());
    long version = SchedulingRequestValidator.id(v, "expected_version", r.getExpectedVersion());
    String reason = SchedulingRequestValidator.requiredText(v, "reason", r.getReason(),
        SchedulingRequestValidator.REASON_MAX);
    v.throwIfAny();
    AppointmentRow a = visits.cancel(id, version, reason, CurrentUser.get());
    reply(response, CancelAppointmentResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build());
  }

  @Override
  public void checkIn(CheckInRequest r, StreamObserver<CheckInResponse> response) {
    Violations v = new Violations();
    String key = SchedulingRequestValidator.idempotencyKey(v, "idempotency_key", r.getIdempotencyKey());
    AppointmentRow a;
    switch (r.getTargetCase()) {
      case APPOINTMENT_ID -> {
        long id = SchedulingRequestValidator.id(v, "appointment_id", r.getAppointmentId());
        v.throwIfAny();
        a = visits.checkIn(key, id, CurrentUser.get());
      }
      case WALK_IN -> {
        WalkIn w = r.getWalkIn();
        WalkInCommand cmd = new WalkInCommand(
            SchedulingRequestValidator.id(v, "walk_in.patient_id", w.getPatientId()),
            SchedulingRequestValidator.id(v, "walk_in.clinician_id", w.getClinicianId()),
            SchedulingRequestValidator.visitType(v, "walk_in.visit_type", w.getVisitTypeValue()),
            SchedulingRequestValidator.optionalText(v, "walk_in.reason", w.getReason()));
        v.throwIfAny();
        a = visits.walkIn(key, cmd, CurrentUser.get());
      }
      default -> {
        v.add("appointment_id", FieldViolationCode.REQUIRED).throwIfAny();
        return;
      }
    }
    reply(response, CheckInResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build());
  }

  @Override
  public void updateAppointmentStatus(UpdateAppointmentStatusRequest r,
      StreamObserver<UpdateAppointmentStatusResponse> response) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "appointment_id", r.getAppointmentId());
    long version = SchedulingRequestValidator.id(v, "expected_version", r.getExpectedVersion());
    AppointmentStatus status = SchedulingRequestValidator.status(v, "status", r.getStatusValue());
    v.throwIfAny();
    AppointmentRow a = visits.updateStatus(id, version, status, CurrentUser.get());
    reply(response, UpdateAppointmentStatusResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a))
        .build());
  }

  @Override
  public void callNextPatient(CallNextPatientRequest r, StreamObserver<CallNextPatientResponse> response) {
    if (r.getClinicianId() < 0) {
      new Violations().add("clinician_id", FieldViolationCode.OUT_OF_RANGE).throwIfAny();
    }
    CurrentUser user = CurrentUser.get();
    long clinicianId = r.getClinicianId() == 0 ? user.staffId() : r.getClinicianId();
    AppointmentRow a = visits.callNext(clinicianId, user);
    reply(response, CallNextPatientResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build());
  }

  @Override
  public void subscribeSchedule(SubscribeScheduleRequest r, StreamObserver<ScheduleUpdate> response) {
    Violations v = new Violations();
    SchedulingRequestValidator.ids(v, "department_ids", r.getDepartmentIdsList(), false);
    SchedulingRequestValidator.ids(v, "clinician_ids", r.getClinicianIdsList(), false);
    DateRange range = validate.range(v, r.getFrom(), r.getTo(), true);
    if (r.getAfterSequence() < 0) {
      v.add("after_sequence", FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    ScheduleFilter filter = new ScheduleFilter(new HashSet<>(r.getDepartmentIdsList()),
        new HashSet<>(r.getClinicianIdsList()), queries.startOfDay(range.from()),
        queries.startOfDay(range.to().plusDays(1)));
    feed.subscribe(filter, r.getAfterSequence(), (ServerCallStreamObserver<ScheduleUpdate>) response,
        CurrentUser.get(), sessionWatch.get());
  }

  private static org.hospital.proto.scheduling.v1.Slot slot(Slot s, boolean free) {
    return org.hospital.proto.scheduling.v1.Slot.newBuilder().setClinicianId(s.clinicianId())
        .setStart(AppointmentMapper.timestamp(s.start())).setEnd(AppointmentMapper.timestamp(s.end()))
        .setFree(free).build();
  }

  private static <T> void reply(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}
