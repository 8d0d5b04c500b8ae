package org.hospital.server.crash;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.clinical.v1.Frequency;
import org.hospital.proto.clinical.v1.MedicationServiceGrpc;
import org.hospital.proto.clinical.v1.MedicationSetting;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionOrder;
import org.hospital.proto.clinical.v1.SearchFormularyRequest;
import org.hospital.proto.clinical.v1.SignPrescriptionRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.Sex;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.server.demo.DemoData;
import org.hospital.server.testing.BearerToken;

/**
 * Front-desk callers, each on its own session and with its own clinician: register a patient, book them
 * into a free slot, and every third patient also walks in and is checked in; the caller's doctor signs a
 * prescription for every other patient. Every answer goes in the
 * {@link Ledger}; a call the server never answered ends that caller until the next start.
 */
final class Workload {

  static final String FAMILY_PREFIX = "Crashtest";
  private static final int CALLERS = 4;

  private final Ledger ledger;
  private final Random random;
  /** Per caller: the day from which it looks for free slots, so that a long run moves on as days fill. */
  private final LocalDate[] slotCursor = new LocalDate[CALLERS];

  Workload(Ledger ledger, long seed) {
    this.ledger = ledger;
    this.random = new Random(seed);
  }

  /** Runs the callers until {@code stop} is set or the server stops answering; returns when all have ended. */
  void run(ManagedChannel channel, AtomicBoolean stop) throws InterruptedException {
    List<Long> clinicians = clinicians(channel);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      int caller = i;
      long seed = random.nextLong();
      long clinician = clinicians.get(i % clinicians.size());
      threads.add(Thread.ofPlatform().name("caller-" + i).start(() -> callUntilStopped(channel, stop, caller,
          clinician, new Random(seed))));
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private static List<Long> clinicians(ManagedChannel channel) {
    String token = login(channel, "setup");
    return SchedulingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token))
        .withDeadlineAfter(20, TimeUnit.SECONDS).listClinicians(ListCliniciansRequest.getDefaultInstance())
        .getCliniciansList().stream().map(c -> c.getId()).toList();
  }

  private static String login(ManagedChannel channel, String workstation) {
    return login(channel, "reception", workstation);
  }

  private static String login(ManagedChannel channel, String user, String workstation) {
    return AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername(user).setPassword(DemoData.PASSWORD)
            .setWorkstation("crash-" + workstation).build()).getSessionToken();
  }

  private void callUntilStopped(ManagedChannel channel, AtomicBoolean stop, int caller, long clinician,
      Random rnd) {
    try {
      String token = login(channel, "desk-" + caller);
      String doctor = login(channel, "doctor", "consulting-" + caller);
      long product = product(channel, doctor);
      Deque<Slot> slots = new ArrayDeque<>();
      int n = 0;
      while (!stop.get()) {
        long patient = register(channel, token, rnd);
        if (patient == 0) {
          continue;
        }
        book(channel, token, caller, clinician, patient, slots);
        if (n % 3 == 0) {
          walkIn(channel, token, clinician, patient);
        }
        if (n++ % 2 == 0) {
          prescribe(channel, doctor, patient, product);
        }
      }
    } catch (StatusRuntimeException e) {
      // Once the kill is under way any failure is the kill's; before it, a failure is a finding.
      if (!stop.get()) {
        ledger.refused("caller " + caller + ": " + e.getStatus());
      }
    }
  }

  private long register(ManagedChannel channel, String token, Random rnd) {
    String family = FAMILY_PREFIX + letters(rnd, 10);
    String requestId = UUID.randomUUID().toString();
    RegisterPatientRequest request = RegisterPatientRequest.newBuilder().setRequestId(requestId)
        .setConfirmedNew(true).setDemographics(PatientDemographics.newBuilder().setFamilyName(family)
            .setGivenNames(Character.toUpperCase(letters(rnd, 1).charAt(0)) + letters(rnd, 6))
            .setBirthDate(Date.newBuilder().setYear(1940 + rnd.nextInt(80)).setMonth(1 + rnd.nextInt(12))
                .setDay(1 + rnd.nextInt(28)))
            .setSex(rnd.nextBoolean() ? Sex.SEX_FEMALE : Sex.SEX_MALE)).build();
    ledger.unanswered(family);
    var patient = PatientServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token))
        .withDeadlineAfter(20, TimeUnit.SECONDS).registerPatient(request).getPatient();
    ledger.unansweredRegistrations.remove(family);
    ledger.registered(new Ledger.Registration(requestId, family, patient.getId(), patient.getMrn()));
    return patient.getId();
  }

  private void book(ManagedChannel channel, String token, int caller, long clinician, long patient,
      Deque<Slot> slots) {
    var stub = SchedulingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token));
    for (int attempt = 0; attempt < 50; attempt++) {
      if (slots.isEmpty()) {
        refill(stub, caller, clinician, slots);
        if (slots.isEmpty()) {
          return;
        }
      }
      Slot slot = slots.pop();
      if (slot.getStart().getSeconds() < Instant.now().getEpochSecond() + 600) {
        continue;
      }
      String key = UUID.randomUUID().toString();
      try {
        Appointment a = stub.withDeadlineAfter(20, TimeUnit.SECONDS).bookAppointment(BookAppointmentRequest
            .newBuilder().setIdempotencyKey(key).setClinicianId(clinician).setPatientId(patient)
            .setStart(slot.getStart()).setVisitType(VisitType.NEW_PATIENT).setReason("Crash test booking")
            .build()).getAppointment();
        ledger.booked(new Ledger.Booking(key, a.getId(), patient, clinician, toInstant(slot.getStart())));
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
      }
    }
  }

  private void refill(SchedulingServiceGrpc.SchedulingServiceBlockingStub stub, int caller, long clinician,
      Deque<Slot> slots) {
    LocalDate today = LocalDate.now();
    for (int window = 0; window < 12 && slots.isEmpty(); window++) {
      LocalDate from = slotCursor[caller] == null || slotCursor[caller].isBefore(today) ? today : slotCursor[caller];
      LocalDate to = from.plusDays(13);
      stub.withDeadlineAfter(20, TimeUnit.SECONDS).findFreeSlots(FindFreeSlotsRequest.newBuilder()
          .setClinicianId(clinician).setFrom(date(from)).setTo(date(to)).setMaxResults(100).build())
          .getSlotsList().forEach(slots::add);
      if (slots.isEmpty()) {
        slotCursor[caller] = to.plusDays(1);
      } else {
        slotCursor[caller] = from;
      }
    }
  }

  private void walkIn(ManagedChannel channel, String token, long clinician, long patient) {
    String key = UUID.randomUUID().toString();
    Appointment a = SchedulingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token))
        .withDeadlineAfter(20, TimeUnit.SECONDS).checkIn(CheckInRequest.newBuilder().setIdempotencyKey(key)
            .setWalkIn(org.hospital.proto.scheduling.v1.WalkIn.newBuilder().setPatientId(patient)
                .setClinicianId(clinician).setVisitType(VisitType.URGENT).setReason("Crash test walk-in"))
            .build()).getAppointment();
    ledger.walkedIn(new Ledger.WalkIn(key, a.getId(), patient, clinician));
  }

  private static long product(ManagedChannel channel, String doctor) {
    return MedicationServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(doctor))
        .withDeadlineAfter(20, TimeUnit.SECONDS).searchFormulary(SearchFormularyRequest.newBuilder()
            .setQuery("lisinopril 10").build()).getProducts(0).getId();
  }

  private void prescribe(ManagedChannel channel, String doctor, long patient, long product) {
    String key = UUID.randomUUID().toString();
    Prescription p = MedicationServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(doctor))
        .withDeadlineAfter(20, TimeUnit.SECONDS).signPrescription(SignPrescriptionRequest.newBuilder()
            .setIdempotencyKey(key).setOrder(PrescriptionOrder.newBuilder().setPatientId(patient)
                .setProductId(product).setSetting(MedicationSetting.MEDICATION_OUTPATIENT).setDose(10)
                .setDoseUnit("mg").setRoute("oral").setFrequency(Frequency.DAILY).setDurationDays(30)
                .setQuantity(30).setQuantityUnit("tablets")).build());
    ledger.prescribed(new Ledger.Signed(key, p.getId(), patient, product));
  }

  private static String letters(Random rnd, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + rnd.nextInt(26)));
    }
    return b.toString();
  }

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  private static Instant toInstant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
