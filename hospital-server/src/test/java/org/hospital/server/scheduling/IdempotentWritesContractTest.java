package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.StartEncounterRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.Address;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.Sex;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesRequest;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentRequest;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WalkIn;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write RPC that takes a request id or idempotency key keeps the same promise, on the real server:
 * the same key with the same request answers with the first result and writes nothing; the same key with
 * another request is IDEMPOTENCY_KEY_REUSED and writes nothing; the same key from another user is that
 * user's own request and never answers with the first user's result. The keyed RPCs are found from the
 * server's proto descriptors, so a new one fails this test until it has a case here.
 */
class IdempotentWritesContractTest {

  private static final Set<String> KEY_FIELDS = Set.of("request_id", "idempotency_key");
  private static final String FIRST_USER = "reception";
  private static final String OTHER_USER = "supervisor";

  /** One keyed RPC: its requests, and what counts as it having written something. */
  interface KeyedWrite {
    /** Sends request {@code variant} (0 or 1, two different requests) as {@code user}; the result's id. */
    long send(String user, String key, int variant);

    /** The rows this RPC writes, counted (with the stored keys). */
    long written();
  }

  private interface Prepare {
    KeyedWrite on(ScheduleHospital h);
  }

  /** The cases, by the full name of the request message. */
  private static final Map<String, Prepare> CASES = Map.of(
      "hospital.patients.v1.RegisterPatientRequest", IdempotentWritesContractTest::registerPatient,
      "hospital.scheduling.v1.BookAppointmentRequest", IdempotentWritesContractTest::bookAppointment,
      "hospital.scheduling.v1.RescheduleAppointmentRequest", IdempotentWritesContractTest::reschedule,
      "hospital.scheduling.v1.CheckInRequest", IdempotentWritesContractTest::checkIn,
      "hospital.scheduling.v1.BookAppointmentSeriesRequest", IdempotentWritesContractTest::bookSeries,
      "hospital.clinical.v1.StartEncounterRequest", IdempotentWritesContractTest::startEncounter,
      "hospital.clinical.v1.SignPrescriptionRequest", IdempotentWritesContractTest::signPrescription,
      "hospital.clinical.v1.RenewPrescriptionRequest", IdempotentWritesContractTest::renewPrescription,
      "hospital.lab.v1.PlaceLabOrderRequest", IdempotentWritesContractTest::placeLabOrder,
      "hospital.billing.v1.TakePaymentRequest", IdempotentWritesContractTest::takePayment);

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void everyKeyedWriteKeepsTheSamePromise(String kind) {
    try (ScheduleHospital h = ScheduleHospital.start(kind)) {
      Set<String> keyed = keyedRequests(h);
      assertTrue(keyed.contains("hospital.scheduling.v1.BookAppointmentRequest"), "descriptors found: " + keyed);
      assertEquals(new TreeSet<>(CASES.keySet()), keyed, "every keyed request needs a case here, and only those");
      for (String request : keyed) {
        walk(request, CASES.get(request).on(h));
      }
    }
  }

  private static void walk(String request, KeyedWrite w) {
    String key = ScheduleHospital.key();
    long before = w.written();
    long first = w.send(FIRST_USER, key, 0);
    long afterFirst = w.written();
    assertTrue(afterFirst > before, request + ": the first request writes");

    assertEquals(first, w.send(FIRST_USER, key, 0), request + ": a retry answers with the first result");
    assertEquals(afterFirst, w.written(), request + ": a retry writes nothing");

    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> w.send(FIRST_USER, key, 1),
        request + ": the key with another request");
    assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode(), request);
    assertEquals("IDEMPOTENCY_KEY_REUSED", Errors.info(e).getReason(), request);
    assertEquals(afterFirst, w.written(), request + ": a refused reuse writes nothing");

    long theirs = w.send(OTHER_USER, key, 1);
    assertNotEquals(first, theirs, request + ": another user's key is their own request");
    long afterTheirs = w.written();
    assertTrue(afterTheirs > afterFirst, request + ": another user's request is written");
    assertEquals(theirs, w.send(OTHER_USER, key, 1), request + ": and their retry answers with their result");
    assertEquals(first, w.send(FIRST_USER, key, 0), request + ": while the first user's still answers with theirs");
    assertEquals(afterTheirs, w.written(), request + ": retries write nothing");
  }

  /** The full names of the request messages of the server's RPCs that carry a request id or idempotency key. */
  private static Set<String> keyedRequests(ScheduleHospital h) {
    Set<String> keyed = new TreeSet<>();
    for (ServerServiceDefinition service : h.server.server().services()) {
      for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
        if (method.getMethodDescriptor().getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier s) {
          Descriptor input = s.getMethodDescriptor().getInputType();
          if (input.getFields().stream().anyMatch(f -> KEY_FIELDS.contains(f.getName()))) {
            keyed.add(input.getFullName());
          }
        }
      }
    }
    return keyed;
  }

  private static long count(ScheduleHospital h, String table) {
    return h.count("SELECT COUNT(*) FROM " + table) + h.count("SELECT COUNT(*) FROM idempotency_key");
  }

  private static KeyedWrite registerPatient(ScheduleHospital h) {
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        PatientDemographics.Builder d = PatientDemographics.newBuilder()
            .setFamilyName(variant == 0 ? "Keyworth" : "Retrybridge").setGivenNames("Ida")
            .setBirthDate(Date.newBuilder().setYear(1980 + variant).setMonth(3).setDay(14))
            .setSex(Sex.SEX_FEMALE).setAddress(Address.newBuilder().setCity("Boston").setCountry("US"));
        return PatientServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(h.token(user)))
            .registerPatient(RegisterPatientRequest.newBuilder().setDemographics(d).setConfirmedNew(true)
                .setRequestId(key).build())
            .getPatient().getId();
      }

      @Override
      public long written() {
        return count(h, "patient");
      }
    };
  }

  /** The chart is for doctors: the contract's two users stand for two doctors here. */
  private static KeyedWrite startEncounter(ScheduleHospital h) {
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        String doctor = user.equals(FIRST_USER) ? "doctor" : "dr.okafor";
        return ChartServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(h.token(doctor)))
            .startEncounter(StartEncounterRequest.newBuilder().setIdempotencyKey(key)
                .setPatientId(h.patients.get(variant)).setReason("Contract " + variant).build()).getId();
      }

      @Override
      public long written() {
        return count(h, "encounter");
      }
    };
  }

  private static org.hospital.proto.clinical.v1.MedicationServiceGrpc.MedicationServiceBlockingStub medication(
      ScheduleHospital h, String user) {
    String doctor = user.equals(FIRST_USER) ? "doctor" : "dr.okafor";
    return org.hospital.proto.clinical.v1.MedicationServiceGrpc.newBlockingStub(h.channel)
        .withCallCredentials(BearerToken.of(h.token(doctor)));
  }

  private static org.hospital.proto.clinical.v1.PrescriptionOrder lisinopril(ScheduleHospital h, long patient,
      double dose) {
    long product = medication(h, FIRST_USER).searchFormulary(org.hospital.proto.clinical.v1.SearchFormularyRequest
        .newBuilder().setQuery("lisinopril 10").build()).getProducts(0).getId();
    return org.hospital.proto.clinical.v1.PrescriptionOrder.newBuilder().setPatientId(patient).setProductId(product)
        .setSetting(org.hospital.proto.clinical.v1.MedicationSetting.MEDICATION_OUTPATIENT).setDose(dose)
        .setDoseUnit("mg").setRoute("oral").setFrequency(org.hospital.proto.clinical.v1.Frequency.DAILY)
        .setDurationDays(28).build();
  }

  private static KeyedWrite signPrescription(ScheduleHospital h) {
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        return medication(h, user).signPrescription(org.hospital.proto.clinical.v1.SignPrescriptionRequest
            .newBuilder().setIdempotencyKey(key).setOrder(lisinopril(h, h.patients.get(variant), 10 + variant))
            .build()).getId();
      }

      @Override
      public long written() {
        return count(h, "prescription");
      }
    };
  }

  private static KeyedWrite renewPrescription(ScheduleHospital h) {
    // one prescription to renew per variant, on patients the signing case leaves alone
    List<org.hospital.proto.clinical.v1.Prescription> renewable = List.of(0, 1).stream().map(i ->
        medication(h, FIRST_USER).signPrescription(org.hospital.proto.clinical.v1.SignPrescriptionRequest
            .newBuilder().setIdempotencyKey(ScheduleHospital.key()).setOrder(lisinopril(h, h.patients.get(2 + i), 10))
            .build())).toList();
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        var old = renewable.get(variant);
        return medication(h, user).renewPrescription(org.hospital.proto.clinical.v1.RenewPrescriptionRequest
            .newBuilder().setIdempotencyKey(key).setPrescriptionId(old.getId()).setExpectedVersion(old.getVersion())
            .build()).getId();
      }

      @Override
      public long written() {
        return count(h, "prescription");
      }
    };
  }

  /** Lab orders are for open encounters: one per doctor and variant, started before the walk counts rows. */
  private static KeyedWrite placeLabOrder(ScheduleHospital h) {
    Map<String, Long> encounters = new java.util.HashMap<>();
    for (String doctor : List.of("doctor", "dr.okafor")) {
      for (int variant = 0; variant < 2; variant++) {
        encounters.put(doctor + variant, ChartServiceGrpc.newBlockingStub(h.channel)
            .withCallCredentials(BearerToken.of(h.token(doctor))).startEncounter(StartEncounterRequest.newBuilder()
                .setIdempotencyKey(ScheduleHospital.key()).setPatientId(h.patients.get(4 + variant))
                .setReason("Lab contract " + variant).build()).getId());
      }
    }
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        String doctor = user.equals(FIRST_USER) ? "doctor" : "dr.okafor";
        return org.hospital.proto.lab.v1.LabServiceGrpc.newBlockingStub(h.channel)
            .withCallCredentials(BearerToken.of(h.token(doctor))).placeLabOrder(
                org.hospital.proto.lab.v1.PlaceLabOrderRequest.newBuilder().setIdempotencyKey(key)
                    .setEncounterId(encounters.get(doctor + variant)).addTestCodes("51990-0")
                    .setPriority(org.hospital.proto.lab.v1.LabPriority.ROUTINE)
                    .setSpecimenType(org.hospital.proto.lab.v1.SpecimenType.SERUM).build()).getId();
      }

      @Override
      public long written() {
        return count(h, "lab_order");
      }
    };
  }

  private static List<Instant> freeStarts(ScheduleHospital h, long clinicianId, LocalDate day) {
    return h.slots(clinicianId, day).stream().filter(Slot::getFree)
        .map(s -> Instant.ofEpochSecond(s.getStart().getSeconds(), s.getStart().getNanos())).toList();
  }

  private static KeyedWrite bookAppointment(ScheduleHospital h) {
    long clinician = h.clinicianId("Dr. Amara Okafor");
    List<Instant> starts = freeStarts(h, clinician, h.freeWeekday(30));
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        return h.as(user).bookAppointment(h.booking(clinician, h.patients.get(variant), starts.get(variant))
            .setIdempotencyKey(key).build()).getAppointment().getId();
      }

      @Override
      public long written() {
        return count(h, "appointment");
      }
    };
  }

  private static KeyedWrite reschedule(ScheduleHospital h) {
    long clinician = h.clinicianId("Dr. Amara Okafor");
    LocalDate day = h.freeWeekday(31);
    List<Instant> starts = freeStarts(h, clinician, day);
    List<Appointment> booked = List.of(h.book(clinician, 2, starts.get(0)), h.book(clinician, 3, starts.get(1)));
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        Appointment a = booked.get(variant);
        return h.as(user).rescheduleAppointment(RescheduleAppointmentRequest.newBuilder().setIdempotencyKey(key)
            .setAppointmentId(a.getId()).setExpectedVersion(a.getVersion())
            .setNewStart(ScheduleHospital.ts(starts.get(4 + variant))).build()).getAppointment().getId();
      }

      @Override
      public long written() {
        return count(h, "appointment");
      }
    };
  }

  private static KeyedWrite checkIn(ScheduleHospital h) {
    long clinician = h.clinicianId("Dr. Erik Lindqvist");
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        return h.as(user).checkIn(CheckInRequest.newBuilder().setIdempotencyKey(key).setWalkIn(WalkIn.newBuilder()
            .setPatientId(h.patients.get(40 + variant)).setClinicianId(clinician).setVisitType(VisitType.URGENT)
            .setReason("Walk-in")).build()).getAppointment().getId();
      }

      @Override
      public long written() {
        return count(h, "appointment");
      }
    };
  }

  private static KeyedWrite bookSeries(ScheduleHospital h) {
    long clinician = h.clinicianId("Dr. Petra Novak");
    List<Instant> starts = freeStarts(h, clinician, h.freeWeekday(32));
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        return h.as(user).bookAppointmentSeries(BookAppointmentSeriesRequest.newBuilder().setIdempotencyKey(key)
            .setClinicianId(clinician).setPatientId(h.patients.get(50 + variant))
            .setFirstStart(ScheduleHospital.ts(starts.get(variant))).setOccurrences(2).setIntervalWeeks(1)
            .setVisitType(VisitType.FOLLOW_UP).setReason("Series").build()).getSeriesId();
      }

      @Override
      public long written() {
        return count(h, "appointment");
      }
    };
  }

  /** Payments are the billing office's: the contract's two users stand for a clerk and an administrator. */
  private static KeyedWrite takePayment(ScheduleHospital h) {
    org.hospital.proto.billing.v1.BillingServiceGrpc.BillingServiceBlockingStub clerk = billing(h, FIRST_USER);
    long patient = h.patients.get(2);
    clerk.addManualCharge(org.hospital.proto.billing.v1.AddManualChargeRequest.newBuilder().setPatientId(patient)
        .setItemCode("PROC-SUTURE").setQuantity(1).setReason("Contract").build());
    org.hospital.proto.billing.v1.Invoice draft = clerk.createInvoice(org.hospital.proto.billing.v1
        .CreateInvoiceRequest.newBuilder().setPatientId(patient).build());
    long invoice = clerk.issueInvoice(org.hospital.proto.billing.v1.IssueInvoiceRequest.newBuilder()
        .setInvoiceId(draft.getId()).setExpectedVersion(draft.getVersion()).build()).getId();
    return new KeyedWrite() {
      @Override
      public long send(String user, String key, int variant) {
        return billing(h, user).takePayment(org.hospital.proto.billing.v1.TakePaymentRequest.newBuilder()
            .setIdempotencyKey(key).setInvoiceId(invoice).setAmount(variant == 0 ? "1.00" : "2.00")
            .setMethod(org.hospital.proto.billing.v1.PaymentMethod.CASH).build()).getId();
      }

      @Override
      public long written() {
        return count(h, "billing_payment");
      }
    };
  }

  private static org.hospital.proto.billing.v1.BillingServiceGrpc.BillingServiceBlockingStub billing(
      ScheduleHospital h, String user) {
    return org.hospital.proto.billing.v1.BillingServiceGrpc.newBlockingStub(h.channel)
        .withCallCredentials(BearerToken.of(h.token(user.equals(FIRST_USER) ? "billing" : "admin")));
  }
}
