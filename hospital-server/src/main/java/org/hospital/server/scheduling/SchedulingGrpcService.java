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
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.AddToWaitListResponse;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.BookAppointmentResponse;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesRequest;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesResponse;
import org.hospital.proto.scheduling.v1.CallNextPatientRequest;
import org.hospital.proto.scheduling.v1.CallNextPatientResponse;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentResponse;
import org.hospital.proto.scheduling.v1.CancelScope;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.CheckInResponse;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.FindFreeSlotsResponse;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleRequest;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleResponse;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;
import org.hospital.proto.scheduling.v1.ListSlotsRequest;
import org.hospital.proto.scheduling.v1.ListWaitListRequest;
import org.hospital.proto.scheduling.v1.ListWaitListResponse;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListRequest;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListResponse;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.ListSlotsResponse;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentRequest;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentResponse;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateRequest;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateResponse;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusResponse;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.errors.Violations;
import org.hospital.server.scheduling.SchedulingRequestValidator.DateRange;
import org.hospital.server.scheduling.live.ScheduleFeed;
import org.hospital.server.scheduling.live.WaitListFeed;
import org.hospital.server.security.CurrentUser;

/** The scheduling RPCs: checks the request, calls the application services, maps the answer. */
public final class SchedulingGrpcService extends SchedulingServiceGrpc.SchedulingServiceImplBase {

  private final ScheduleQueryService queries;
  private final BookingService bookings;
  private final SeriesService series;
  private final VisitService visits;
  private final ScheduleFeed feed;
  private final ScheduleTemplateService templates;
  private final TemplateRequests templateRequests;
  private final WaitListService waitList;
  private final WaitListRequests waitListRequests;
  private final Clock clock;
  private final SchedulingRequestValidator validate;
  private final SchedulingCommands commands;
  private final Supplier<BooleanSupplier> sessionWatch;
  private final WaitListFeed waitListFeed;

  SchedulingGrpcService(ScheduleQueryService queries, BookingService bookings, SeriesService series,
      VisitService visits,
      ScheduleTemplateService templates, WaitListService waitList, ScheduleFeed feed, Clock clock,
      Supplier<BooleanSupplier> sessionWatch, WaitListFeed waitListFeed) {
    this.waitListFeed = waitListFeed;
    this.templates = templates;
    this.waitList = waitList;
    this.waitListRequests = new WaitListRequests(clock, queries.zone());
    this.templateRequests = new TemplateRequests(clock, queries.zone());
    this.clock = clock;
    this.queries = queries;
    this.bookings = bookings;
    this.series = series;
    this.visits = visits;
    this.feed = feed;
    this.validate = new SchedulingRequestValidator(clock, queries.zone());
    this.commands = new SchedulingCommands(validate, queries::startOfDay);
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
    SchedulingCommands.FreeSlotQuery q = commands.freeSlotQuery(request);
    if (q.target() instanceof ScheduleQueryService.ClinicianTarget c
        && queries.roster().clinicians().stream().noneMatch(x -> x.id() == c.clinicianId())) {
      new Violations().add("clinician_id", FieldViolationCode.UNKNOWN_ID).throwIfAny();
    }
    FindFreeSlotsResponse.Builder out = FindFreeSlotsResponse.newBuilder();
    queries.freeSlots(q.target(), q.range().from(), q.range().to(), q.max())
        .forEach(s -> out.addSlots(slot(s, true)));
    reply(response, out.build());
  }

  @Override
  public void bookAppointment(BookAppointmentRequest r, StreamObserver<BookAppointmentResponse> response) {
    AppointmentRow a = bookings.book(commands.book(r), CurrentUser.get());
    reply(response, BookAppointmentResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build());
  }

  @Override
  public void rescheduleAppointment(RescheduleAppointmentRequest r,
      StreamObserver<RescheduleAppointmentResponse> response) {
    AppointmentRow a = bookings.reschedule(commands.reschedule(r), CurrentUser.get());
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
    if (r.getScope() == CancelScope.UNRECOGNIZED) {
      v.add("scope", FieldViolationCode.UNKNOWN_VALUE);
    }
    v.throwIfAny();
    if (r.getScope() == CancelScope.THIS_AND_FOLLOWING) {
      List<AppointmentRow> cancelled = series.cancelWithFollowing(id, version, reason, CurrentUser.get());
      CancelAppointmentResponse.Builder out = CancelAppointmentResponse.newBuilder()
          .setAppointment(AppointmentMapper.toProto(cancelled.get(0)));
      cancelled.stream().skip(1).forEach(a -> out.addFollowing(AppointmentMapper.toProto(a)));
      reply(response, out.build());
      return;
    }
    AppointmentRow a = visits.cancel(id, version, reason, CurrentUser.get());
    reply(response, CancelAppointmentResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build());
  }

  @Override
  public void bookAppointmentSeries(BookAppointmentSeriesRequest r,
      StreamObserver<BookAppointmentSeriesResponse> response) {
    SeriesService.BookedSeries booked = series.book(commands.series(r), CurrentUser.get());
    BookAppointmentSeriesResponse.Builder out = BookAppointmentSeriesResponse.newBuilder()
        .setSeriesId(booked.seriesId());
    booked.appointments().forEach(a -> out.addAppointments(AppointmentMapper.toProto(a)));
    reply(response, out.build());
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
        WalkInCommand cmd = SchedulingCommands.walkIn(v, r.getWalkIn());
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
    ScheduleFilter filter = commands.filter(r);
    feed.subscribe(filter, r.getAfterSequence(), (ServerCallStreamObserver<ScheduleUpdate>) response,
        CurrentUser.get(), sessionWatch.get());
  }

  @Override
  public void getClinicianSchedule(GetClinicianScheduleRequest r,
      StreamObserver<GetClinicianScheduleResponse> response) {
    Violations v = new Violations();
    long clinician = SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId());
    LocalDate asOf = SchedulingRequestValidator.date(v, "as_of", r.getAsOf(),
        LocalDate.now(clock.withZone(queries.zone())));
    v.throwIfAny();
    ScheduleTemplateService.Overview o = templates.overview(clinician, asOf, CurrentUser.get());
    GetClinicianScheduleResponse.Builder out = GetClinicianScheduleResponse.newBuilder();
    o.sessions().forEach(t -> out.addSessions(TemplateRequests.toProto(t)));
    o.exceptions().forEach(e -> out.addExceptions(TemplateRequests.toProto(e)));
    o.offSchedule().forEach(a -> out.addOffSchedule(AppointmentMapper.toProto(a)));
    reply(response, out.build());
  }

  @Override
  public void setWeeklyTemplate(SetWeeklyTemplateRequest r, StreamObserver<SetWeeklyTemplateResponse> response) {
    TemplateRequests.TemplateChange change = templateRequests.templateChange(r);
    SetWeeklyTemplateResponse.Builder out = SetWeeklyTemplateResponse.newBuilder();
    templates.setWeeklyTemplate(change.clinicianId(), change.from(), change.sessions(), CurrentUser.get())
        .forEach(a -> out.addOffSchedule(AppointmentMapper.toProto(a)));
    reply(response, out.build());
  }

  @Override
  public void addScheduleException(AddScheduleExceptionRequest r,
      StreamObserver<AddScheduleExceptionResponse> response) {
    TemplateRequests.NewException e = templateRequests.exception(r);
    ScheduleTemplateService.AddedException added = templates.addException(e.exception(), e.note(),
        CurrentUser.get());
    AddScheduleExceptionResponse.Builder out = AddScheduleExceptionResponse.newBuilder()
        .setException(TemplateRequests.toProto(added.exception()));
    added.offSchedule().forEach(a -> out.addOffSchedule(AppointmentMapper.toProto(a)));
    reply(response, out.build());
  }

  @Override
  public void removeScheduleException(RemoveScheduleExceptionRequest r,
      StreamObserver<RemoveScheduleExceptionResponse> response) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "id", r.getId());
    v.throwIfAny();
    RemoveScheduleExceptionResponse.Builder out = RemoveScheduleExceptionResponse.newBuilder();
    templates.removeException(id, CurrentUser.get())
        .forEach(a -> out.addOffSchedule(AppointmentMapper.toProto(a)));
    reply(response, out.build());
  }

  @Override
  public void addToWaitList(AddToWaitListRequest r, StreamObserver<AddToWaitListResponse> response) {
    WaitListEntry e = waitList.add(waitListRequests.addition(r), CurrentUser.get());
    reply(response, AddToWaitListResponse.newBuilder().setEntry(WaitListRequests.toProto(e)).build());
  }

  @Override
  public void listWaitList(ListWaitListRequest r, StreamObserver<ListWaitListResponse> response) {
    Violations v = new Violations();
    SchedulingRequestValidator.ids(v, "department_ids", r.getDepartmentIdsList(), false);
    SchedulingRequestValidator.ids(v, "clinician_ids", r.getClinicianIdsList(), false);
    v.throwIfAny();
    ListWaitListResponse.Builder out = ListWaitListResponse.newBuilder();
    waitList.list(r.getDepartmentIdsList(), r.getClinicianIdsList(), CurrentUser.get())
        .forEach(e -> out.addEntries(WaitListRequests.toProto(e)));
    reply(response, out.build());
  }

  @Override
  public void removeFromWaitList(RemoveFromWaitListRequest r, StreamObserver<RemoveFromWaitListResponse> response) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "id", r.getId());
    long version = SchedulingRequestValidator.id(v, "expected_version", r.getExpectedVersion());
    String reason = SchedulingRequestValidator.requiredText(v, "reason", r.getReason(),
        SchedulingRequestValidator.REASON_MAX);
    v.throwIfAny();
    waitList.remove(id, version, reason, CurrentUser.get());
    reply(response, RemoveFromWaitListResponse.getDefaultInstance());
  }

  @Override
  public void findWaitListCandidates(FindWaitListCandidatesRequest r,
      StreamObserver<FindWaitListCandidatesResponse> response) {
    WaitListRequests.CandidateQuery q = WaitListRequests.candidateQuery(r);
    WaitListCandidates.Match m = waitList.candidates(q.clinicianId(), q.slotStart(), q.visitType(), q.max(),
        CurrentUser.get());
    FindWaitListCandidatesResponse.Builder out = FindWaitListCandidatesResponse.newBuilder()
        .setSlotFree(m.slot().free()).setSlot(slot(m.slot().slot(), m.slot().free()));
    m.candidates().forEach(e -> out.addCandidates(WaitListRequests.toProto(e)));
    reply(response, out.build());
  }

  @Override
  public void subscribeWaitList(SubscribeWaitListRequest r, StreamObserver<WaitListUpdate> response) {
    waitListFeed.subscribe(WaitListRequests.filter(r), r.getAfterSequence(),
        (ServerCallStreamObserver<WaitListUpdate>) response, CurrentUser.get(), sessionWatch.get());
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
