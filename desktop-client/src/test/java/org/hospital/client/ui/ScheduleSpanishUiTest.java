package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.junit.jupiter.api.Test;

/** The schedule in Spanish: longer words must still fit the workstation window. */
class ScheduleSpanishUiTest extends ClientUiTest {

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(ServerAddress.parse(LiveServer.target()).orElseThrow(), LiveServer.caCertificate(),
        Language.SPANISH, false);
  }

  @Test
  void theScheduleSpeaksSpanish() {
    signInAndWait("reception");
    openArea("schedule");
    waitUntil(() -> exists("#dayLabel") && !text("#dayLabel").isEmpty());
    // the next working day: weekends have no slots in most departments
    LocalDate day = LocalDate.now().plusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    LocalDate workingDay = day;
    interact(() -> lookup("#datePicker").queryAs(DatePicker.class).setValue(workingDay));
    waitUntil(() -> exists(".slot-free"));
    assertEquals("Reservar\u2026", text("#bookButton"));
    assertEquals("Registrar llegada", text("#checkInButton"));
    screenshot("schedule-day-es");
  }
}
