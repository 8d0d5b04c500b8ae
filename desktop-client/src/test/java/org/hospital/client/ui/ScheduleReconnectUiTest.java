package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server of its own that the test stops and starts again: the live schedule says it is interrupted, comes
 * back by itself, says it has caught up, and shows what was booked after the restart.
 */
class ScheduleReconnectUiTest extends ClientUiTest {

  private static TestHospitalServer server;

  @BeforeAll
  static void startOwnServer() {
    server = TestHospitalServer.start(0, Duration.ofMinutes(15));
  }

  @AfterAll
  static void stopOwnServer() {
    server.close();
  }

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(ServerAddress.parse(server.target()).orElseThrow(), server.caCertificate(),
        Language.ENGLISH, false);
  }

  @Test
  void theLiveScheduleSurvivesARestartOfTheServer() {
    signInAndWait("reception");
    Slot before;
    Slot after;
    ZoneId zone;
    long okafor;
    try (ServerBackdoor desk = new ServerBackdoor(server.target(), server.caCertificate(), "reception")) {
      zone = desk.zone();
      Clinician clinician = desk.clinician("Dr. Amara Okafor");
      okafor = clinician.getId();
      List<Slot> free = desk.freeSlots(okafor, 40).stream()
          .filter(s -> start(s).atZone(desk.zone()).toLocalDate().isAfter(LocalDate.now(desk.zone()))).toList();
      before = free.get(0);
      after = free.stream().filter(s -> start(s).atZone(desk.zone()).toLocalDate()
          .equals(start(free.get(0)).atZone(desk.zone()).toLocalDate())).skip(1).findFirst().orElseThrow();
      Patient patient = desk.register(ServerBackdoor.person("Thistlewood", "Ada", 1950, 1, 2, "+1 555 0101"));
      desk.book(before, patient.getId());
    }
    LocalDate day = start(before).atZone(zone).toLocalDate();
    openScheduleOn("General Medicine", day);
    String afterCell = "#cell-" + okafor + "-" + java.time.format.DateTimeFormatter.ofPattern("HHmm")
        .format(start(after).atZone(zone));
    waitUntil(() -> exists(afterCell) && lookup(afterCell).query().getStyleClass().contains("slot-free"));
    assertTrue(!visible("#liveStatus"), "no banner while live");
    assertTrue(!visible("#waitListLiveStatus"), "no banner while the wait list is live");

    server.stop();
    waitUntil(() -> visible("#liveStatus") && text("#liveStatus").startsWith("Live updates interrupted"));
    // the wait list panel has its own stream and says so itself
    waitUntil(() -> visible("#waitListLiveStatus") && text("#waitListLiveStatus").startsWith("Wait list not live"));
    screenshot("schedule-reconnecting");

    server.restart();
    waitUntil(() -> visible("#liveStatus") && text("#liveStatus").startsWith("Live updates are back"));
    waitUntil(() -> visible("#waitListLiveStatus") && text("#waitListLiveStatus").startsWith("Wait list up to date"));
    screenshot("schedule-resynced");

    Appointment booked;
    try (ServerBackdoor desk = new ServerBackdoor(server.target(), server.caCertificate(), "reception")) {
      Patient patient = desk.register(ServerBackdoor.person("Underhill", "Bea", 1977, 5, 6, "+1 555 0102"));
      booked = desk.book(after, patient.getId());
    }
    waitUntil(() -> exists("#appointment-" + booked.getId()));
    waitUntil(() -> !lookup(afterCell).query().getStyleClass().contains("slot-free"));
  }

  private static Instant start(Slot slot) {
    return Instant.ofEpochSecond(slot.getStart().getSeconds(), slot.getStart().getNanos());
  }
}
