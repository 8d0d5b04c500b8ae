package org.hospital.server.scheduling;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.CheckInResponse;
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
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.booking.AppointmentRpcs;
import org.hospital.server.scheduling.booking.BookingService;
import org.hospital.server.scheduling.feed.ScheduleFeed;
import org.hospital.server.scheduling.feed.ScheduleFilter;
import org.hospital.server.scheduling.hours.ClinicHoursRpcs;
import org.hospital.server.scheduling.hours.ScheduleQueryService;
import org.hospital.server.scheduling.hours.ScheduleReadRpcs;
import org.hospital.server.scheduling.hours.ScheduleTemplateService;
import org.hospital.server.scheduling.series.SeriesService;
import org.hospital.server.scheduling.visits.VisitRpcs;
import org.hospital.server.scheduling.visits.CheckInWindow;
import org.hospital.server.scheduling.visits.VisitService;
import org.hospital.server.scheduling.waitlist.WaitListFeed;
import org.hospital.server.scheduling.waitlist.WaitListRequests;
import org.hospital.server.scheduling.waitlist.WaitListRpcs;
import org.hospital.server.scheduling.waitlist.WaitListService;

/**
 * The scheduling RPCs, one registered service. Each topic's handler checks the request, calls the application
 * services and maps the answer; this class only routes and replies, so it stays a table of contents.
 */
public final class SchedulingGrpcService extends SchedulingServiceGrpc.SchedulingServiceImplBase {

  private final ScheduleReadRpcs reads;
  private final AppointmentRpcs appointments;
  private final VisitRpcs visits;
  private final ClinicHoursRpcs clinicHours;
  private final WaitListRpcs waitList;
  private final ScheduleFeed feed;
  private final SchedulingCommands commands;
  private final Supplier<BooleanSupplier> sessionWatch;
  private final WaitListFeed waitListFeed;

  SchedulingGrpcService(ScheduleQueryService queries, BookingService bookings, SeriesService series,
      VisitService visits,
      ScheduleTemplateService templates, WaitListService waitList, ScheduleFeed feed, Clock clock,
      Supplier<BooleanSupplier> sessionWatch, WaitListFeed waitListFeed, CheckInWindow checkIn) {
    SchedulingRequestValidator validate = new SchedulingRequestValidator(clock, queries.zone());
    this.waitListFeed = waitListFeed;
    this.commands = new SchedulingCommands(validate, queries::startOfDay);
    this.reads = new ScheduleReadRpcs(queries, validate, commands, checkIn.opensBefore(), clock);
    this.appointments = new AppointmentRpcs(bookings, series, visits, commands);
    this.visits = new VisitRpcs(visits);
    this.clinicHours = new ClinicHoursRpcs(templates, queries, clock);
    this.waitList = new WaitListRpcs(waitList, queries, clock);
    this.feed = feed;
    this.sessionWatch = sessionWatch;
  }

  // Clinicians and slots

  @Override
  public void listClinicians(ListCliniciansRequest request, StreamObserver<ListCliniciansResponse> response) {
    reply(response, reads.listClinicians());
  }

  @Override
  public void listSlots(ListSlotsRequest request, StreamObserver<ListSlotsResponse> response) {
    reply(response, reads.listSlots(request));
  }

  @Override
  public void findFreeSlots(FindFreeSlotsRequest request, StreamObserver<FindFreeSlotsResponse> response) {
    reply(response, reads.findFreeSlots(request));
  }

  // Booking and the appointment life cycle

  @Override
  public void bookAppointment(BookAppointmentRequest r, StreamObserver<BookAppointmentResponse> response) {
    reply(response, appointments.book(r));
  }

  @Override
  public void rescheduleAppointment(RescheduleAppointmentRequest r,
      StreamObserver<RescheduleAppointmentResponse> response) {
    reply(response, appointments.reschedule(r));
  }

  @Override
  public void cancelAppointment(CancelAppointmentRequest r, StreamObserver<CancelAppointmentResponse> response) {
    reply(response, appointments.cancel(r));
  }

  @Override
  public void bookAppointmentSeries(BookAppointmentSeriesRequest r,
      StreamObserver<BookAppointmentSeriesResponse> response) {
    reply(response, appointments.bookSeries(r));
  }

  @Override
  public void checkIn(CheckInRequest r, StreamObserver<CheckInResponse> response) {
    reply(response, visits.checkIn(r));
  }

  @Override
  public void updateAppointmentStatus(UpdateAppointmentStatusRequest r,
      StreamObserver<UpdateAppointmentStatusResponse> response) {
    reply(response, visits.updateStatus(r));
  }

  @Override
  public void callNextPatient(CallNextPatientRequest r, StreamObserver<CallNextPatientResponse> response) {
    reply(response, visits.callNext(r));
  }

  // The live schedule feed

  @Override
  public void subscribeSchedule(SubscribeScheduleRequest r, StreamObserver<ScheduleUpdate> response) {
    ScheduleFilter filter = commands.filter(r);
    feed.subscribe(filter, r.getAfterSequence(), (ServerCallStreamObserver<ScheduleUpdate>) response,
        CurrentUser.get(), sessionWatch.get());
  }

  // Clinic hours

  @Override
  public void getClinicianSchedule(GetClinicianScheduleRequest r,
      StreamObserver<GetClinicianScheduleResponse> response) {
    reply(response, clinicHours.getClinicianSchedule(r));
  }

  @Override
  public void setWeeklyTemplate(SetWeeklyTemplateRequest r, StreamObserver<SetWeeklyTemplateResponse> response) {
    reply(response, clinicHours.setWeeklyTemplate(r));
  }

  @Override
  public void addScheduleException(AddScheduleExceptionRequest r,
      StreamObserver<AddScheduleExceptionResponse> response) {
    reply(response, clinicHours.addException(r));
  }

  @Override
  public void removeScheduleException(RemoveScheduleExceptionRequest r,
      StreamObserver<RemoveScheduleExceptionResponse> response) {
    reply(response, clinicHours.removeException(r));
  }

  // Wait list

  @Override
  public void addToWaitList(AddToWaitListRequest r, StreamObserver<AddToWaitListResponse> response) {
    reply(response, waitList.add(r));
  }

  @Override
  public void listWaitList(ListWaitListRequest r, StreamObserver<ListWaitListResponse> response) {
    reply(response, waitList.list(r));
  }

  @Override
  public void removeFromWaitList(RemoveFromWaitListRequest r, StreamObserver<RemoveFromWaitListResponse> response) {
    reply(response, waitList.remove(r));
  }

  @Override
  public void findWaitListCandidates(FindWaitListCandidatesRequest r,
      StreamObserver<FindWaitListCandidatesResponse> response) {
    reply(response, waitList.findCandidates(r));
  }

  @Override
  public void subscribeWaitList(SubscribeWaitListRequest r, StreamObserver<WaitListUpdate> response) {
    waitListFeed.subscribe(WaitListRequests.filter(r), r.getAfterSequence(),
        (ServerCallStreamObserver<WaitListUpdate>) response, CurrentUser.get(), sessionWatch.get());
  }

  private static <T> void reply(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}
