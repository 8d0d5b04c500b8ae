package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.ListSlotsRequest;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many receptionists booking the same slots at once, through the real server: the database lets exactly one
 * booking per slot commit, and every other caller hears SLOT_TAKEN with suggestions.
 */
class BookingConcurrencyTest {

  private static final int THREADS = 40;
  private static final int CALLERS_PER_SLOT = 4;

  private record Attempt(long clinicianId, Instant start, BookAppointmentRequest request) {}

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void everyContestedSlotHasExactlyOneWinner(String kind) throws Exception {
    try (ScheduleHospital h = ScheduleHospital.start(kind)) {
      LocalDate day = h.freeWeekday(9);
      ListSlotsRequest.Builder list = ListSlotsRequest.newBuilder().setFrom(ScheduleHospital.date(day))
          .setTo(ScheduleHospital.date(day));
      h.clinicians.forEach(c -> list.addClinicianIds(c.getId()));
      List<Slot> slots = h.as("reception").listSlots(list.build()).getSlotsList();
      assertTrue(slots.size() >= 250, "slots: " + slots.size());
      assertTrue(slots.stream().allMatch(Slot::getFree));

      List<Long> patients = h.patients;
      Random random = new Random(7);
      List<Attempt> attempts = new ArrayList<>();
      for (Slot s : slots) {
        Instant start = Instant.ofEpochSecond(s.getStart().getSeconds());
        for (int i = 0; i < CALLERS_PER_SLOT; i++) {
          attempts.add(new Attempt(s.getClinicianId(), start, h.booking(s.getClinicianId(),
              patients.get(random.nextInt(patients.size())), start).build()));
        }
      }
      Collections.shuffle(attempts, random);
      assertTrue(attempts.size() >= 1000, "attempts: " + attempts.size());

      Map<String, AtomicInteger> winners = new ConcurrentHashMap<>();
      AtomicInteger slotTaken = new AtomicInteger();
      List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (Attempt a : attempts) {
          String caller = random.nextBoolean() ? "reception" : "supervisor";
          done.add(pool.submit(() -> {
            try {
              h.as(caller).bookAppointment(a.request());
              winners.computeIfAbsent(a.clinicianId() + "@" + a.start(), k -> new AtomicInteger()).incrementAndGet();
            } catch (StatusRuntimeException e) {
              if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS
                  && Errors.info(e).getReason().equals("SLOT_TAKEN")
                  && Errors.info(e).containsMetadata("next_free_slots")) {
                slotTaken.incrementAndGet();
              } else {
                unexpected.add(e.getStatus() + " " + Errors.info(e));
              }
            }
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }

      assertEquals(List.of(), unexpected);
      assertEquals(slots.size(), winners.size(), "every slot was won");
      assertTrue(winners.values().stream().allMatch(n -> n.get() == 1), "one winner per slot");
      assertEquals(attempts.size() - slots.size(), slotTaken.get(), "every loser heard SLOT_TAKEN");

      String dayRange = "a.start_at >= TIMESTAMP WITH TIME ZONE '" + h.at(day, 0, 0) + "'"
          + " AND a.start_at < TIMESTAMP WITH TIME ZONE '" + h.at(day.plusDays(1), 0, 0) + "'";
      assertEquals(slots.size(), h.count("SELECT COUNT(*) FROM appointment a WHERE " + dayRange));
      assertEquals(0, h.count("SELECT COUNT(*) FROM appointment a JOIN appointment b ON a.clinician_id ="
          + " b.clinician_id AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at"
          + " WHERE a.held_slot_start IS NOT NULL AND b.held_slot_start IS NOT NULL AND " + dayRange),
          "no two active appointments of a clinician overlap");
    }
  }
}
