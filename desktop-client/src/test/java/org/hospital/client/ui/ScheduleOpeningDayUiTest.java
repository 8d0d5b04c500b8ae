package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import org.hospital.proto.scheduling.v1.Department;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On a day without clinics (a Saturday, for the first department) the schedule opens on the next day that has
 * them, and says so, instead of on an empty grid.
 */
class ScheduleOpeningDayUiTest extends ClientUiTest {

  @AfterEach
  void clockBack() {
    LiveServer.get().clock().reset();
  }

  @Test
  void onASaturdayTheScheduleOpensOnMondayAndSaysSo() {
    ServerBackdoor desk = new ServerBackdoor("reception");
    ZoneId zone = desk.zone();
    desk.close();
    LocalDate saturday = LocalDate.now(zone).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    // the server's clock on a Saturday morning; the desk signs in then and reckons today from the server
    LiveServer.get().clock().shiftTo(saturday.atTime(10, 0).atZone(zone).toInstant());
    signInAndWait("reception");
    openSchedule();
    String monday = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ENGLISH)
        .format(saturday.plusDays(2));
    waitUntil(() -> exists("#openedNote") && !text("#openedNote").isEmpty());
    assertEquals("No clinics today: showing " + monday + ", the next day with clinics.", text("#openedNote"));
    assertEquals(monday, text("#dayLabel"));
    @SuppressWarnings("unchecked")
    ComboBox<Department> department = lookup("#departmentChoice").queryAs(ComboBox.class);
    assertEquals("Cardiology", department.getValue().getName(), "the first department, closed at weekends");
    waitUntil(() -> exists(".slot-free") || exists(".appointment-card"));
    screenshot("schedule-opens-on-next-clinic-day");
  }
}
