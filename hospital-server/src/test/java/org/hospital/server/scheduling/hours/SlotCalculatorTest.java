package org.hospital.server.scheduling.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How templates and exceptions make slots, in the hospital's zone. */
class SlotCalculatorTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final LocalDate MONDAY = LocalDate.of(2027, 3, 22);
  private final SlotCalculator calculator = new SlotCalculator(PRAGUE);

  private static WeeklyTemplate monday(int fromHour, int toHour, int minutes) {
    return new WeeklyTemplate(7, 1, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0), minutes, 0,
        LocalDate.of(2027, 1, 1), null);
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(PRAGUE).toInstant();
  }

  private static List<Instant> starts(List<Slot> slots) {
    return slots.stream().map(Slot::start).toList();
  }

  @Test
  void aSessionIsCutIntoWholeSlotsInTheHospitalsZone() {
    List<Slot> slots = calculator.slots(7, List.of(monday(8, 10, 25)), List.of(), MONDAY, MONDAY);
    // the fifth slot, 09:40, would end after the session
    assertEquals(List.of(at(MONDAY, 8, 0), at(MONDAY, 8, 25), at(MONDAY, 8, 50), at(MONDAY, 9, 15)), starts(slots));
    assertEquals(at(MONDAY, 8, 0), slots.get(3).sessionStart());
    assertEquals(at(MONDAY, 10, 0), slots.get(3).sessionEnd());
  }

  @Test
  void onlyTheTemplatesWeekdayAndValidityCount() {
    WeeklyTemplate ended = new WeeklyTemplate(7, 1, LocalTime.of(8, 0), LocalTime.of(9, 0), 30, 0,
        LocalDate.of(2027, 1, 1), MONDAY.minusDays(1));
    assertTrue(calculator.slots(7, List.of(ended), List.of(), MONDAY, MONDAY).isEmpty());
    assertEquals(2, calculator.slots(7, List.of(monday(8, 9, 30)), List.of(), MONDAY, MONDAY.plusDays(6)).size());
  }

  @Test
  void leaveAndBlockedTimeRemoveTheSlotsTheyTouchAndExtraSessionsAddSome() {
    List<ScheduleException> exceptions = List.of(
        new ScheduleException(7, ScheduleException.Kind.BLOCKED, at(MONDAY, 8, 45), at(MONDAY, 9, 10), 0),
        new ScheduleException(7, ScheduleException.Kind.EXTRA_SESSION, at(MONDAY, 18, 0), at(MONDAY, 19, 0), 30));
    List<Slot> slots = calculator.slots(7, List.of(monday(8, 10, 30)), exceptions, MONDAY, MONDAY);
    assertEquals(List.of(at(MONDAY, 8, 0), at(MONDAY, 9, 30), at(MONDAY, 18, 0), at(MONDAY, 18, 30)),
        starts(slots));
    ScheduleException leave = new ScheduleException(7, ScheduleException.Kind.LEAVE, at(MONDAY, 0, 0),
        at(MONDAY.plusDays(1), 0, 0), 0);
    assertTrue(calculator.slots(7, List.of(monday(8, 10, 30)), List.of(leave), MONDAY, MONDAY).isEmpty());
  }

  @Test
  void theDayClocksGoForwardHasAShorterNight() {
    // 28 March 2027: 02:00 becomes 03:00 in Prague; a session 01:00-04:00 has two real hours
    LocalDate sunday = LocalDate.of(2027, 3, 28);
    WeeklyTemplate night = new WeeklyTemplate(7, 7, LocalTime.of(1, 0), LocalTime.of(4, 0), 60, 0,
        LocalDate.of(2027, 1, 1), null);
    assertEquals(List.of(at(sunday, 1, 0), at(sunday, 3, 0)), starts(calculator.slots(7, List.of(night),
        List.of(), sunday, sunday)));
  }
}
