package org.hospital.client.ui;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.Address;
import org.hospital.proto.patients.v1.GetPatientRequest;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.Sex;
import org.hospital.proto.patients.v1.UpdatePatientRequest;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleRequest;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleResponse;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;
import org.hospital.proto.scheduling.v1.ListSlotsRequest;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListRequest;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WalkIn;

/**
 * A second workstation, talking to the server through plain gRPC stubs: prepares data for a UI test, or
 * changes a record behind the UI's back.
 */
public final class ServerBackdoor implements AutoCloseable {

  private final ManagedChannel channel;
  private final LoginResponse login;
  private final PatientServiceGrpc.PatientServiceBlockingStub patients;
  private final SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;
  private final org.hospital.proto.clinical.v1.MedicationServiceGrpc.MedicationServiceBlockingStub medication;
  private final org.hospital.proto.wards.v1.WardServiceGrpc.WardServiceBlockingStub wards;
  private final Metadata signedIn;

  /** Signs in to the shared test server. */
  public ServerBackdoor(String username) {
    this(LiveServer.target(), LiveServer.caCertificate(), username);
  }

  public ServerBackdoor(String target, Path caCertificate, String username) {
    channel = channel(target, caCertificate);
    login = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername(username).setPassword(LiveServer.PASSWORD)
            .setWorkstation("test-backdoor").build());
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + login.getSessionToken());
    patients = PatientServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    scheduling = SchedulingServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    medication = org.hospital.proto.clinical.v1.MedicationServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    wards = org.hospital.proto.wards.v1.WardServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    signedIn = headers;
  }

  /** A stub of any service on this sign-in (the lab's and the chart's calls). */
  public <S extends io.grpc.stub.AbstractStub<S>> S stub(java.util.function.Function<io.grpc.Channel, S> create) {
    return create.apply(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(signedIn))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  /** Admits the patient to the bed under the demo doctor (as a nurse). */
  public org.hospital.proto.wards.v1.Stay admit(long patientId, long bedId, long doctorId) {
    return wards.withDeadlineAfter(10, TimeUnit.SECONDS).admitPatient(org.hospital.proto.wards.v1.AdmitPatientRequest
        .newBuilder().setPatientId(patientId).setBedId(bedId).setAdmittingDoctorId(doctorId)
        .setReason("Fractured neck of femur").build());
  }

  /** Signs a daily oral prescription of the first product the query finds (as a doctor). */
  public org.hospital.proto.clinical.v1.Prescription prescribe(long patientId, String productQuery, double mg) {
    long product = medication.searchFormulary(org.hospital.proto.clinical.v1.SearchFormularyRequest.newBuilder()
        .setQuery(productQuery).build()).getProducts(0).getId();
    return medication.signPrescription(org.hospital.proto.clinical.v1.SignPrescriptionRequest.newBuilder()
        .setIdempotencyKey(java.util.UUID.randomUUID().toString())
        .setOrder(org.hospital.proto.clinical.v1.PrescriptionOrder.newBuilder().setPatientId(patientId)
            .setProductId(product).setSetting(org.hospital.proto.clinical.v1.MedicationSetting.MEDICATION_OUTPATIENT)
            .setDose(mg).setDoseUnit("mg").setRoute("oral").setFrequency(org.hospital.proto.clinical.v1.Frequency.DAILY)
            .setDurationDays(90).setQuantity(90).setQuantityUnit("tablets")).build());
  }

  /**
   * Fails sign-ins of {@code username} from this machine until the server delays the next check by at least
   * {@code atLeast}, waiting out the shorter delays on the way (they double: 1 s, 2 s, 4 s ...).
   */
  public static void throttleSignIn(String target, Path caCertificate, String username, java.time.Duration atLeast)
      throws Exception {
    ManagedChannel channel = channel(target, caCertificate);
    try {
      for (int attempt = 0; attempt < 30; attempt++) {
        try {
          AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
              .login(LoginRequest.newBuilder().setUsername(username).setPassword("not-" + LiveServer.PASSWORD)
                  .setWorkstation("test-backdoor").build());
          throw new AssertionError("a wrong password was accepted");
        } catch (StatusRuntimeException refused) {
          // Only the two refusals a wrong password gets count; anything else (the server unreachable, a bug)
          // fails the test here rather than passing for a refusal.
          var status = io.grpc.protobuf.StatusProto.fromThrowable(refused);
          var errorInfo = status == null ? null : status.getDetailsList().stream()
              .filter(a -> a.is(com.google.rpc.ErrorInfo.class)).findFirst()
              .map(a -> unpack(a)).orElse(null);
          String reason = errorInfo == null ? "" : errorInfo.getReason();
          boolean badPassword = refused.getStatus().getCode() == io.grpc.Status.Code.UNAUTHENTICATED
              && reason.equals("BAD_CREDENTIALS");
          boolean throttled = refused.getStatus().getCode() == io.grpc.Status.Code.RESOURCE_EXHAUSTED
              && reason.equals("SIGN_IN_THROTTLED");
          if (!badPassword && !throttled) {
            throw new AssertionError("not the refusal of a wrong password: " + refused.getStatus(), refused);
          }
          if (throttled) {
            java.time.Duration left = java.time.Duration.between(java.time.Instant.now(),
                java.time.Instant.parse(errorInfo.getMetadataOrThrow("retry_after")));
            if (left.compareTo(atLeast) >= 0) {
              return;
            }
            Thread.sleep(Math.max(0, left.toMillis()) + 50);
          }
        }
      }
      throw new AssertionError("never throttled for " + atLeast);
    } finally {
      channel.shutdownNow();
    }
  }

  private static com.google.rpc.ErrorInfo unpack(com.google.protobuf.Any any) {
    try {
      return any.unpack(com.google.rpc.ErrorInfo.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError("an unreadable error detail", e);
    }
  }

  /** Clears every sign-in throttle, as an administrator would, so that later tests start unthrottled. */
  public static void clearSignInThrottles(String target, Path caCertificate) {
    ManagedChannel channel = channel(target, caCertificate);
    try {
      var auth = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      String token = auth.login(LoginRequest.newBuilder().setUsername("admin").setPassword(LiveServer.PASSWORD)
          .setWorkstation("test-backdoor").build()).getSessionToken();
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      var admin = auth.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
      for (var t : admin.listSignInThrottles(
          org.hospital.proto.auth.v1.ListSignInThrottlesRequest.getDefaultInstance()).getThrottlesList()) {
        admin.clearSignInThrottle(org.hospital.proto.auth.v1.ClearSignInThrottleRequest.newBuilder()
            .setKey(t.getKey()).build());
      }
    } finally {
      channel.shutdownNow();
    }
  }

  private static ManagedChannel channel(String target, Path caCertificate) {
    try {
      return Grpc.newChannelBuilder(target,
          TlsChannelCredentials.newBuilder().trustManager(caCertificate.toFile()).build()).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String displayName() {
    return login.getUser().getDisplayName();
  }

  public static PatientDemographics person(String family, String given, int year, int month, int day, String phone) {
    return PatientDemographics.newBuilder().setFamilyName(family).setGivenNames(given)
        .setBirthDate(Date.newBuilder().setYear(year).setMonth(month).setDay(day))
        .setSex(Sex.SEX_FEMALE).setPhone(phone)
        .setAddress(Address.newBuilder().setLine1("12 Elm Street").setCity("Springfield").setPostalCode("12345")
            .setCountry("US"))
        .build();
  }

  /** Registers without asking about duplicates (the test knows who it adds). */
  public Patient register(PatientDemographics demographics) {
    return stub().registerPatient(RegisterPatientRequest.newBuilder().setDemographics(demographics)
        .setConfirmedNew(true).setRequestId(UUID.randomUUID().toString()).build()).getPatient();
  }

  public Patient get(long id) {
    return stub().getPatient(GetPatientRequest.newBuilder().setId(id).build()).getPatient();
  }

  public Patient changePhone(long id, String phone) {
    Patient current = get(id);
    return stub().updatePatient(UpdatePatientRequest.newBuilder().setId(id).setExpectedVersion(current.getVersion())
        .setDemographics(current.getDemographics().toBuilder().setPhone(phone)).build()).getPatient();
  }

  // ---- scheduling, as another desk would do it ----

  public ListCliniciansResponse clinicians() {
    return schedule().listClinicians(ListCliniciansRequest.getDefaultInstance());
  }

  public Clinician clinician(String displayName) {
    return clinicians().getCliniciansList().stream().filter(c -> c.getDisplayName().equals(displayName))
        .findFirst().orElseThrow(() -> new AssertionError("no clinician " + displayName));
  }

  public ZoneId zone() {
    return ZoneId.of(clinicians().getTimeZone());
  }

  /** The clinician's next free slots from today, earliest first. */
  public List<Slot> freeSlots(long clinicianId, int count) {
    LocalDate today = LocalDate.now(zone());
    return schedule().findFreeSlots(FindFreeSlotsRequest.newBuilder().setClinicianId(clinicianId)
        .setFrom(date(today)).setTo(date(today.plusDays(20))).setMaxResults(count).build()).getSlotsList();
  }

  public List<Slot> slots(long clinicianId, LocalDate day) {
    return schedule().listSlots(ListSlotsRequest.newBuilder().addClinicianIds(clinicianId).setFrom(date(day))
        .setTo(date(day)).build()).getSlotsList();
  }

  public Appointment book(Slot slot, long patientId) {
    return schedule().bookAppointment(BookAppointmentRequest.newBuilder()
        .setIdempotencyKey(UUID.randomUUID().toString()).setClinicianId(slot.getClinicianId())
        .setPatientId(patientId).setStart(slot.getStart()).setVisitType(VisitType.FOLLOW_UP).build())
        .getAppointment();
  }

  /** Cancels as another desk would, through the real RPC. */
  public Appointment cancel(Appointment appointment, String reason) {
    return schedule().cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(appointment.getId())
        .setExpectedVersion(appointment.getVersion()).setReason(reason).build()).getAppointment();
  }

  public Appointment walkIn(long clinicianId, long patientId) {
    return schedule().checkIn(CheckInRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
        .setWalkIn(WalkIn.newBuilder().setClinicianId(clinicianId).setPatientId(patientId)
            .setVisitType(VisitType.CONSULTATION)).build()).getAppointment();
  }

  /** The checked-in appointment seen and completed (as a doctor: the consultation goes in, then ends). */
  public Appointment complete(Appointment appointment) {
    Appointment in = schedule().updateAppointmentStatus(org.hospital.proto.scheduling.v1
        .UpdateAppointmentStatusRequest.newBuilder().setAppointmentId(appointment.getId())
        .setExpectedVersion(appointment.getVersion())
        .setStatus(org.hospital.proto.scheduling.v1.AppointmentStatus.IN_CONSULTATION).build()).getAppointment();
    return schedule().updateAppointmentStatus(org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest
        .newBuilder().setAppointmentId(in.getId()).setExpectedVersion(in.getVersion())
        .setStatus(org.hospital.proto.scheduling.v1.AppointmentStatus.COMPLETED).build()).getAppointment();
  }

  /** The clinician's template as of today, exceptions ahead and off-schedule appointments. */
  public GetClinicianScheduleResponse clinicianSchedule(long clinicianId) {
    return schedule().getClinicianSchedule(GetClinicianScheduleRequest.newBuilder().setClinicianId(clinicianId)
        .build());
  }

  /** The appointments a live schedule of this clinician's days holds now (the stream's first message). */
  /** A day of leave for the clinician (needs an administrator's backdoor); returns the exception's id. */
  public long addLeave(long clinicianId, LocalDate day) {
    ZoneId zone = zone();
    return scheduling.addScheduleException(AddScheduleExceptionRequest.newBuilder().setClinicianId(clinicianId)
        .setKind(ScheduleExceptionKind.LEAVE).setStart(timestamp(day.atStartOfDay(zone).toInstant()))
        .setEnd(timestamp(day.plusDays(1).atStartOfDay(zone).toInstant())).setNote("Sick leave").build())
        .getException().getId();
  }

  private static com.google.protobuf.Timestamp timestamp(java.time.Instant at) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  public void removeException(long id) {
    scheduling.removeScheduleException(RemoveScheduleExceptionRequest.newBuilder().setId(id).build());
  }

  public List<Appointment> liveSnapshot(long clinicianId, LocalDate day) {
    var stream = scheduling.withDeadlineAfter(10, TimeUnit.SECONDS).subscribeSchedule(
        SubscribeScheduleRequest.newBuilder().addClinicianIds(clinicianId).setFrom(date(day)).setTo(date(day))
            .build());
    ScheduleUpdate first = stream.next();
    if (!first.hasSnapshot()) {
      throw new AssertionError("a new subscription must start with a snapshot: " + first);
    }
    return first.getSnapshot().getAppointmentsList();
  }

  /** Puts a patient on a department's wait list (anyone in it) as another desk would, through the real RPC. */
  public WaitListEntry addToWaitList(long departmentId, long patientId, String reason) {
    return schedule().addToWaitList(AddToWaitListRequest.newBuilder().setPatientId(patientId)
        .setDepartmentId(departmentId).setLatest(date(LocalDate.now(zone()).plusDays(30)))
        .setVisitType(VisitType.CONSULTATION).setReason(reason).build()).getEntry();
  }

  /** Takes an entry off the wait list as another desk would. */
  public void removeFromWaitList(WaitListEntry entry, String reason) {
    schedule().removeFromWaitList(RemoveFromWaitListRequest.newBuilder().setId(entry.getId())
        .setExpectedVersion(entry.getVersion()).setReason(reason).build());
  }

  public static Date date(LocalDate day) {
    return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth())
        .build();
  }

  private SchedulingServiceGrpc.SchedulingServiceBlockingStub schedule() {
    return scheduling.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private PatientServiceGrpc.PatientServiceBlockingStub stub() {
    return patients.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
