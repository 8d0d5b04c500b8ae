package org.hospital.client.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.VisitType;

/** Answers from lists the test fills, and records every call as one line of text. */
public final class FakeScheduleGateway implements ScheduleGateway {

  public static final Department GENMED = Department.newBuilder().setId(1).setCode("GENMED")
      .setName("General Medicine").build();
  public static final Department PAEDS = Department.newBuilder().setId(2).setCode("PAEDS").setName("Paediatrics")
      .build();
  public static final Clinician OKAFOR = Clinician.newBuilder().setId(11).setDisplayName("Dr. Amara Okafor")
      .setDepartmentId(1).build();
  public static final Clinician DOCTOR = Clinician.newBuilder().setId(10).setDisplayName("Dr. Daniel Doctor")
      .setDepartmentId(1).build();
  public static final Clinician MOREAU = Clinician.newBuilder().setId(20).setDisplayName("Dr. Claire Moreau")
      .setDepartmentId(2).build();

  public final List<String> calls = new ArrayList<>();
  public List<Slot> slots = new ArrayList<>();
  public List<Slot> freeSlots = new ArrayList<>();
  /** Thrown by the next write, then cleared. */
  public RuntimeException nextFailure;
  public String timeZone = "Europe/Prague";

  @Override
  public ListCliniciansResponse listClinicians() {
    calls.add("listClinicians");
    return ListCliniciansResponse.newBuilder().addDepartments(PAEDS).addDepartments(GENMED)
        .addClinicians(OKAFOR).addClinicians(DOCTOR).addClinicians(MOREAU).setTimeZone(timeZone).build();
  }

  @Override
  public List<Slot> listSlots(List<Long> clinicianIds, LocalDate from, LocalDate to) {
    calls.add("listSlots " + clinicianIds + " " + from + ".." + to);
    return slots.stream().filter(s -> clinicianIds.contains(s.getClinicianId())).toList();
  }

  @Override
  public List<Slot> findFreeSlots(long clinicianId, LocalDate from, LocalDate to, int maxResults) {
    calls.add("findFreeSlots " + clinicianId + " " + from + ".." + to);
    return freeSlots;
  }

  @Override
  public List<Slot> findFreeSlots(FindFreeSlotsRequest request) {
    calls.add("findFreeSlots " + request.getTargetCase() + " " + switch (request.getTargetCase()) {
      case CLINICIAN_ID -> Long.toString(request.getClinicianId());
      case DEPARTMENT_ID -> Long.toString(request.getDepartmentId());
      case SPECIALTY -> request.getSpecialty();
      case TARGET_NOT_SET -> "";
    } + " " + request.getFrom().getYear() + "-" + request.getFrom().getMonth() + "-" + request.getFrom().getDay()
        + ".." + request.getTo().getYear() + "-" + request.getTo().getMonth() + "-" + request.getTo().getDay());
    failIfScripted();
    return freeSlots;
  }

  @Override
  public Appointment book(String key, long clinicianId, long patientId, Instant start, VisitType visitType,
      String reason) {
    calls.add("book " + key + " " + clinicianId + " " + patientId + " " + start + " " + visitType + " " + reason);
    failIfScripted();
    return Appointment.newBuilder().setId(500).setVersion(1).setClinicianId(clinicianId).setPatientId(patientId)
        .setPatientName("DOE, Jane").setPatientMrn("MRN-1").setStart(ScriptedStreams.ts(start))
        .setStatus(AppointmentStatus.BOOKED).setVisitType(visitType).build();
  }

  @Override
  public Appointment bookFromWaitList(String key, long clinicianId, Instant start,
      org.hospital.proto.scheduling.v1.WaitListEntry entry) {
    return book(key, clinicianId, entry.getPatientId(), start, entry.getVisitType(), entry.getReason());
  }

  @Override
  public Appointment overbook(String key, long clinicianId, long patientId, Instant start, VisitType visitType,
      String reason, String overbookReason) {
    calls.add("overbook " + key + " " + clinicianId + " " + patientId + " " + start + " " + visitType + " " + reason
        + " / " + overbookReason);
    failIfScripted();
    return Appointment.newBuilder().setId(501).setVersion(1).setClinicianId(clinicianId).setPatientId(patientId)
        .setPatientName("DOE, Jane").setPatientMrn("MRN-1").setStart(ScriptedStreams.ts(start)).setOverbooked(true)
        .setOverbookReason(overbookReason).setStatus(AppointmentStatus.BOOKED).setVisitType(visitType).build();
  }

  @Override
  public List<Appointment> bookSeries(String key, long clinicianId, long patientId, Instant firstStart,
      int occurrences, int intervalWeeks, VisitType visitType, String reason) {
    calls.add("bookSeries " + key + " " + clinicianId + " " + patientId + " " + firstStart + " x" + occurrences
        + " every " + intervalWeeks + " " + visitType + " " + reason);
    failIfScripted();
    List<Appointment> out = new ArrayList<>();
    for (int i = 0; i < occurrences; i++) {
      out.add(Appointment.newBuilder().setId(700 + i).setVersion(1).setClinicianId(clinicianId)
          .setPatientId(patientId).setPatientName("DOE, Jane").setPatientMrn("MRN-1")
          .setStart(ScriptedStreams.ts(firstStart.plus(java.time.Duration.ofDays(7L * intervalWeeks * i))))
          .setStatus(AppointmentStatus.BOOKED).setVisitType(visitType).setSeriesId(70).setSeriesPosition(i + 1)
          .setSeriesCount(occurrences).build());
    }
    return out;
  }

  @Override
  public List<Appointment> cancelWithFollowing(long appointmentId, long expectedVersion, String reason) {
    calls.add("cancelWithFollowing " + appointmentId + " v" + expectedVersion + " " + reason);
    failIfScripted();
    return List.of(answer(appointmentId, AppointmentStatus.CANCELLED),
        answer(appointmentId + 1, AppointmentStatus.CANCELLED));
  }

  @Override
  public Appointment reschedule(String key, long appointmentId, long expectedVersion, Instant newStart,
      long newClinicianId) {
    calls.add("reschedule " + key + " " + appointmentId + " v" + expectedVersion + " " + newStart + " "
        + newClinicianId);
    failIfScripted();
    return Appointment.newBuilder().setId(appointmentId + 1000).setVersion(1).setPatientName("DOE, Jane")
        .setPatientMrn("MRN-1").setStart(ScriptedStreams.ts(newStart)).setStatus(AppointmentStatus.BOOKED).build();
  }

  @Override
  public Appointment cancel(long appointmentId, long expectedVersion, String reason) {
    calls.add("cancel " + appointmentId + " v" + expectedVersion + " " + reason);
    failIfScripted();
    return answer(appointmentId, AppointmentStatus.CANCELLED);
  }

  @Override
  public Appointment checkIn(String key, long appointmentId) {
    calls.add("checkIn " + key + " " + appointmentId);
    failIfScripted();
    return answer(appointmentId, AppointmentStatus.CHECKED_IN);
  }

  @Override
  public Appointment walkIn(String key, long clinicianId, long patientId, VisitType visitType, String reason) {
    calls.add("walkIn " + key + " " + clinicianId + " " + patientId + " " + visitType + " " + reason);
    failIfScripted();
    return Appointment.newBuilder().setId(600).setVersion(1).setClinicianId(clinicianId).setPatientId(patientId)
        .setPatientName("DOE, Jane").setPatientMrn("MRN-1").setWalkIn(true).setStatus(AppointmentStatus.CHECKED_IN)
        .build();
  }

  @Override
  public Appointment updateStatus(long appointmentId, long expectedVersion, AppointmentStatus status) {
    calls.add("updateStatus " + appointmentId + " v" + expectedVersion + " " + status);
    failIfScripted();
    return answer(appointmentId, status);
  }

  @Override
  public Appointment callNextPatient(long clinicianId) {
    calls.add("callNextPatient " + clinicianId);
    failIfScripted();
    return answer(1, AppointmentStatus.IN_CONSULTATION);
  }

  @Override
  public Cancellable subscribe(SubscribeScheduleRequest request, FeedObserver<ScheduleUpdate> observer) {
    throw new UnsupportedOperationException("tests open feeds through ScriptedFeeds");
  }

  private void failIfScripted() {
    RuntimeException failure = nextFailure;
    nextFailure = null;
    if (failure != null) {
      throw failure;
    }
  }

  private static Appointment answer(long id, AppointmentStatus status) {
    return Appointment.newBuilder().setId(id).setVersion(9).setPatientName("DOE, Jane").setPatientMrn("MRN-" + id)
        .setStatus(status).build();
  }

  public static Slot slot(long clinicianId, Instant start, boolean free) {
    return Slot.newBuilder().setClinicianId(clinicianId).setStart(ScriptedStreams.ts(start))
        .setEnd(ScriptedStreams.ts(start.plusSeconds(15 * 60))).setFree(free).build();
  }
}
