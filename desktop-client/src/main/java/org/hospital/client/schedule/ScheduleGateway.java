package org.hospital.client.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.VisitType;

/**
 * The scheduling calls the client makes. The unary ones block: always run them through the TaskRunner.
 * {@link #subscribe} does not block.
 */
public interface ScheduleGateway {

  ListCliniciansResponse listClinicians();

  /** The slots of these clinicians from {@code from} to {@code to}, both included. */
  List<Slot> listSlots(List<Long> clinicianIds, LocalDate from, LocalDate to);

  List<Slot> findFreeSlots(long clinicianId, LocalDate from, LocalDate to, int maxResults);

  /** The earliest free slots of a clinician, a department or a specialty, as the request says. */
  List<Slot> findFreeSlots(FindFreeSlotsRequest request);

  /** @param idempotencyKey the same for every attempt of one intended booking */
  Appointment book(String idempotencyKey, long clinicianId, long patientId, Instant start, VisitType visitType,
      String reason);

  /**
   * Books a wait-list entry's patient into a slot. The entry's reason travels on the server, so that a desk
   * that is not shown clinical text still keeps it with the booking.
   */
  Appointment bookFromWaitList(String idempotencyKey, long clinicianId, Instant start,
      org.hospital.proto.scheduling.v1.WaitListEntry entry);

  /**
   * Books on top of the slot's holder (administrators only); {@code overbookReason} is required.
   * @param idempotencyKey as for {@link #book}
   */
  Appointment overbook(String idempotencyKey, long clinicianId, long patientId, Instant start, VisitType visitType,
      String reason, String overbookReason);

  /** Books a recurring series, all or nothing; the appointments earliest first. */
  List<Appointment> bookSeries(String idempotencyKey, long clinicianId, long patientId, Instant firstStart,
      int occurrences, int intervalWeeks, VisitType visitType, String reason);

  /** Cancels an appointment and the later, still booked ones of its series; the named one first. */
  List<Appointment> cancelWithFollowing(long appointmentId, long expectedVersion, String reason);

  Appointment reschedule(String idempotencyKey, long appointmentId, long expectedVersion, Instant newStart,
      long newClinicianId);

  Appointment cancel(long appointmentId, long expectedVersion, String reason);

  Appointment checkIn(String idempotencyKey, long appointmentId);

  /** Checks in a patient who came without a booking, to be seen by {@code clinicianId} today. */
  Appointment walkIn(String idempotencyKey, long clinicianId, long patientId, VisitType visitType, String reason);

  Appointment updateStatus(long appointmentId, long expectedVersion, AppointmentStatus status);

  /** Starts the consultation of whoever has waited longest; {@code clinicianId} 0 means the caller. */
  Appointment callNextPatient(long clinicianId);

  /** Opens the live schedule stream; cancel to end it. */
  Cancellable subscribe(SubscribeScheduleRequest request, FeedObserver<ScheduleUpdate> observer);
}
