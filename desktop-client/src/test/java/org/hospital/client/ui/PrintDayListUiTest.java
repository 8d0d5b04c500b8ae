package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.hospital.client.reports.Printouts;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receptionist prints a clinician's day list from the schedule; the PDF lands in the printouts folder. */
class PrintDayListUiTest extends ClientUiTest {

  private ServerBackdoor otherDesk;

  @AfterEach
  void closeOtherDesk() {
    if (otherDesk != null) {
      otherDesk.close();
    }
  }

  @Test
  void printsTheSelectedClinicansDayList() throws IOException {
    otherDesk = new ServerBackdoor("reception");
    ZoneId zone = otherDesk.zone();
    Clinician okafor = otherDesk.clinician("Dr. Amara Okafor");
    Slot slot = otherDesk.freeSlots(okafor.getId(), 40).stream()
        .filter(s -> start(s).atZone(zone).toLocalDate().isAfter(LocalDate.now(zone))).findFirst().orElseThrow();
    LocalDate day = start(slot).atZone(zone).toLocalDate();
    Patient patient = otherDesk.register(ServerBackdoor.person("Dvořáková", "Jiřina", 1958, 3, 2, "+1 555 0133"));
    Appointment booked = otherDesk.book(slot, patient.getId());
    Path expected = Printouts.defaultFolder().resolve("day-list-okafor-" + day + ".pdf");
    Files.deleteIfExists(expected);

    signInAndWait("reception");
    openSchedule();
    press("#printDayListButton");
    waitUntil(() -> text("#printError").startsWith("Select a slot or appointment"));

    interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<Department> choice = lookup("#departmentChoice").queryAs(ComboBox.class);
      choice.setValue(choice.getItems().stream().filter(d -> d.getName().equals("General Medicine")).findFirst()
          .orElseThrow());
      lookup("#datePicker").queryAs(DatePicker.class).setValue(day);
    });
    String card = "#appointment-" + booked.getId();
    waitUntil(() -> exists(card));
    interact(() -> lookup(card).query().fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
        MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null)));
    press("#printDayListButton");

    waitUntil(() -> text("#printNotice").startsWith("Day list of Dr. Amara Okafor saved to"));
    assertTrue(text("#printError").isEmpty());
    byte[] pdf = Files.readAllBytes(expected);
    assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf, 4));
    screenshot("schedule-day-list-printed");
  }

  private static Instant start(Slot slot) {
    return Instant.ofEpochSecond(slot.getStart().getSeconds(), slot.getStart().getNanos());
  }
}
