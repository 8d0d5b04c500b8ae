package org.hospital.client.schedule;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.connection.ServerStreams;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.patients.PatientText;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesRequest;
import org.hospital.proto.scheduling.v1.CallNextPatientRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentResponse;
import org.hospital.proto.scheduling.v1.CancelScope;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;
import org.hospital.proto.scheduling.v1.ListSlotsRequest;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentRequest;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WalkIn;

/**
 * {@link ScheduleGateway} over the SchedulingService RPCs. Unary calls get the channel's default deadline;
 * the schedule stream is exempt from it (see {@code CallDefaultsInterceptor}).
 */
public final class GrpcScheduleGateway implements ScheduleGateway {

  private final ServerConnection connection;

  public GrpcScheduleGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public ListCliniciansResponse listClinicians() {
    return blocking().listClinicians(ListCliniciansRequest.getDefaultInstance());
  }

  @Override
  public List<Slot> listSlots(List<Long> clinicianIds, LocalDate from, LocalDate to) {
    return blocking().listSlots(ListSlotsRequest.newBuilder().addAllClinicianIds(clinicianIds)
        .setFrom(date(from)).setTo(date(to)).build()).getSlotsList();
  }

  @Override
  public List<Slot> findFreeSlots(long clinicianId, LocalDate from, LocalDate to, int maxResults) {
    return blocking().findFreeSlots(FindFreeSlotsRequest.newBuilder().setClinicianId(clinicianId)
        .setFrom(date(from)).setTo(date(to)).setMaxResults(maxResults).build()).getSlotsList();
  }

  @Override
  public List<Slot> findFreeSlots(FindFreeSlotsRequest request) {
    return blocking().findFreeSlots(request).getSlotsList();
  }

  @Override
  public Appointment book(String idempotencyKey, long clinicianId, long patientId, Instant start,
      VisitType visitType, String reason) {
    return blocking().bookAppointment(BookAppointmentRequest.newBuilder().setIdempotencyKey(idempotencyKey)
        .setClinicianId(clinicianId).setPatientId(patientId).setStart(timestamp(start)).setVisitType(visitType)
        .setReason(reason).build()).getAppointment();
  }

  @Override
  public Appointment bookFromWaitList(String idempotencyKey, long clinicianId, Instant start,
      org.hospital.proto.scheduling.v1.WaitListEntry entry) {
    return blocking().bookAppointment(BookAppointmentRequest.newBuilder().setIdempotencyKey(idempotencyKey)
        .setClinicianId(clinicianId).setPatientId(entry.getPatientId()).setStart(timestamp(start))
        .setVisitType(entry.getVisitType()).setReason(entry.getReason()).setWaitListEntryId(entry.getId())
        .build()).getAppointment();
  }

  @Override
  public Appointment overbook(String idempotencyKey, long clinicianId, long patientId, Instant start,
      VisitType visitType, String reason, String overbookReason) {
    return blocking().bookAppointment(BookAppointmentRequest.newBuilder().setIdempotencyKey(idempotencyKey)
        .setClinicianId(clinicianId).setPatientId(patientId).setStart(timestamp(start)).setVisitType(visitType)
        .setReason(reason).setOverbook(true).setOverbookReason(overbookReason).build()).getAppointment();
  }

  @Override
  public List<Appointment> bookSeries(String idempotencyKey, long clinicianId, long patientId, Instant firstStart,
      int occurrences, int intervalWeeks, VisitType visitType, String reason) {
    return blocking().bookAppointmentSeries(BookAppointmentSeriesRequest.newBuilder()
        .setIdempotencyKey(idempotencyKey).setClinicianId(clinicianId).setPatientId(patientId)
        .setFirstStart(timestamp(firstStart)).setOccurrences(occurrences).setIntervalWeeks(intervalWeeks)
        .setVisitType(visitType).setReason(reason).build()).getAppointmentsList();
  }

  @Override
  public List<Appointment> cancelWithFollowing(long appointmentId, long expectedVersion, String reason) {
    CancelAppointmentResponse r = blocking().cancelAppointment(CancelAppointmentRequest.newBuilder()
        .setAppointmentId(appointmentId).setExpectedVersion(expectedVersion).setReason(reason)
        .setScope(CancelScope.THIS_AND_FOLLOWING).build());
    List<Appointment> out = new java.util.ArrayList<>();
    out.add(r.getAppointment());
    out.addAll(r.getFollowingList());
    return out;
  }

  @Override
  public Appointment reschedule(String idempotencyKey, long appointmentId, long expectedVersion, Instant newStart,
      long newClinicianId) {
    return blocking().rescheduleAppointment(RescheduleAppointmentRequest.newBuilder()
        .setIdempotencyKey(idempotencyKey).setAppointmentId(appointmentId).setExpectedVersion(expectedVersion)
        .setNewStart(timestamp(newStart)).setNewClinicianId(newClinicianId).build()).getAppointment();
  }

  @Override
  public Appointment cancel(long appointmentId, long expectedVersion, String reason) {
    return blocking().cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(appointmentId)
        .setExpectedVersion(expectedVersion).setReason(reason).build()).getAppointment();
  }

  @Override
  public Appointment checkIn(String idempotencyKey, long appointmentId) {
    return blocking().checkIn(CheckInRequest.newBuilder().setIdempotencyKey(idempotencyKey)
        .setAppointmentId(appointmentId).build()).getAppointment();
  }

  @Override
  public Appointment walkIn(String idempotencyKey, long clinicianId, long patientId, VisitType visitType,
      String reason) {
    return blocking().checkIn(CheckInRequest.newBuilder().setIdempotencyKey(idempotencyKey)
        .setWalkIn(WalkIn.newBuilder().setClinicianId(clinicianId).setPatientId(patientId).setVisitType(visitType)
            .setReason(reason)).build()).getAppointment();
  }

  @Override
  public Appointment updateStatus(long appointmentId, long expectedVersion, AppointmentStatus status) {
    return blocking().updateAppointmentStatus(UpdateAppointmentStatusRequest.newBuilder()
        .setAppointmentId(appointmentId).setExpectedVersion(expectedVersion).setStatus(status).build())
        .getAppointment();
  }

  @Override
  public Appointment callNextPatient(long clinicianId) {
    return blocking().callNextPatient(CallNextPatientRequest.newBuilder().setClinicianId(clinicianId).build())
        .getAppointment();
  }

  @Override
  public Cancellable subscribe(SubscribeScheduleRequest request, FeedObserver<ScheduleUpdate> observer) {
    return ServerStreams.open(stream -> SchedulingServiceGrpc.newStub(connection.channel()).subscribeSchedule(request, stream),
        observer);
  }

  private SchedulingServiceGrpc.SchedulingServiceBlockingStub blocking() {
    // the channel's interceptor adds the session token and the default deadline
    return SchedulingServiceGrpc.newBlockingStub(connection.channel());
  }

  static Date date(LocalDate date) {
    return PatientText.toProto(date);
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
