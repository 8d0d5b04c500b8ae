package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.ScheduleExceptionEntry;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;
import org.hospital.proto.scheduling.v1.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor changes a doctor's hours against the real server: a booking the new week no longer has a
 * slot for is listed, not dropped, and rebooked from the list; leave is added, listed and removed again.
 * Uses Dr. Hiro Tanaka, whose hours no other UI test relies on.
 */
class ClinicHoursUiTest extends ClientUiTest {

  private ServerBackdoor frontDesk;
  private ZoneId zone;
  private Clinician tanaka;

  @BeforeEach
  void frontDesk() {
    frontDesk = new ServerBackdoor("reception");
    zone = frontDesk.zone();
    tanaka = frontDesk.clinician("Dr. Hiro Tanaka");
  }

  @AfterEach
  void close() {
    frontDesk.close();
  }

  /** A weekday a week or more ahead: past the demo bookings, and its weekday's hours change from tomorrow. */
  private LocalDate weekdayNextWeek() {
    LocalDate day = LocalDate.now(zone).plusDays(7);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
        || day.getDayOfWeek() == LocalDate.now(zone).getDayOfWeek()) {
      day = day.plusDays(1);
    }
    return day;
  }

  private Appointment bookMorning(LocalDate day, long patientId) {
    Slot morning = frontDesk.slots(tanaka.getId(), day).stream().filter(Slot::getFree)
        .filter(s -> Instant.ofEpochSecond(s.getStart().getSeconds()).atZone(zone).getHour() < 12).findFirst()
        .orElseThrow(() -> new AssertionError("no free morning slot on " + day));
    return frontDesk.book(morning, patientId);
  }

  private void openTanaka() {
    waitUntil(() -> holdsFocus("#searchQuery")); // signed in: the first area has its caret
    press("#nav-clinic_hours");
    waitUntil(() -> exists("#hoursDepartment")
        && !lookup("#hoursDepartment").queryAs(ComboBox.class).getItems().isEmpty());
    interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<Department> department = lookup("#hoursDepartment").queryAs(ComboBox.class);
      department.setValue(department.getItems().stream().filter(d -> d.getId() == tanaka.getDepartmentId())
          .findFirst().orElseThrow());
      @SuppressWarnings("unchecked")
      ComboBox<Clinician> clinician = lookup("#hoursClinician").queryAs(ComboBox.class);
      clinician.setValue(clinician.getItems().stream().filter(c -> c.getId() == tanaka.getId()).findFirst()
          .orElseThrow());
    });
  }

  /** The index of the table row of this weekday's session starting at {@code start}. */
  private int rowOf(DayOfWeek day, String start) {
    for (int i = 0; exists("#weekday-" + i); i++) {
      if (lookup("#weekday-" + i).queryAs(ComboBox.class).getValue() == day && text("#start-" + i).equals(start)) {
        return i;
      }
    }
    throw new AssertionError("no " + day + " session at " + start);
  }

  @Test
  void aRemovedSessionListsItsBookingForRebookingAndLeaveIsListed() {
    LocalDate day = weekdayNextWeek();
    Patient patient = frontDesk.register(ServerBackdoor.person("Halvorsen-Ito", "Mira", 1974, 2, 9,
        "+1 555 0142"));
    Appointment booked = bookMorning(day, patient.getId());

    signInAndWait("supervisor");
    openTanaka();
    waitUntil(() -> exists("#weekday-9")); // the demo week: Monday to Friday, two sessions a day
    assertEquals(LocalDate.now(zone).plusDays(1), lookup("#effectiveFrom").queryAs(DatePicker.class).getValue(),
        "changes start tomorrow at the earliest");
    int morning = rowOf(day.getDayOfWeek(), "08:00");
    screenshot("clinic-hours");

    press("#removeSession-" + morning);
    waitUntil(() -> !exists("#weekday-9"));
    press("#saveHours");
    waitUntil(() -> text("#hoursNotice").startsWith("New hours of Dr. Hiro Tanaka saved"));
    waitUntil(() -> exists("#rebook-" + booked.getId()));
    assertTrue(visible("#offSchedulePanel"));
    screenshot("clinic-hours-off-schedule");

    press("#rebook-" + booked.getId());
    waitUntil(() -> exists("#moveDialog") && !lookup("#slotChoices").queryAs(ListView.class).getItems().isEmpty());
    screenshot("clinic-hours-rebook");
    press("#moveConfirm");
    waitUntil(() -> text("#hoursNotice").startsWith("Rebooked: "));
    waitUntil(() -> !exists("#rebook-" + booked.getId()));
    assertTrue(frontDesk.clinicianSchedule(tanaka.getId()).getOffScheduleList().stream()
        .noneMatch(a -> a.getPatientId() == patient.getId()), "the server no longer lists the patient");

    LocalDate leaveDay = day.plusDays(7);
    press("#addException");
    waitUntil(() -> exists("#exceptionDialog"));
    interact(() -> {
      lookup("#exceptionFromDate").queryAs(DatePicker.class).setValue(leaveDay);
      lookup("#exceptionToDate").queryAs(DatePicker.class).setValue(leaveDay);
    });
    setText("#exceptionNote", "Conference");
    screenshot("clinic-hours-leave-dialog");
    press("#exceptionConfirm");
    waitUntil(() -> !exists("#exceptionDialog"));
    waitUntil(() -> leaveListed(leaveDay));
    screenshot("clinic-hours-leave-listed");

    interact(() -> lookup("#exceptionList").queryAs(ListView.class).getSelectionModel().select(0));
    press("#removeException");
    waitUntil(() -> exists("#confirmDialog"));
    press("#confirmYes");
    waitUntil(() -> !leaveListed(leaveDay));
    assertTrue(frontDesk.clinicianSchedule(tanaka.getId()).getExceptionsList().isEmpty());
  }

  private boolean leaveListed(LocalDate leaveDay) {
    ListView<?> list = lookup("#exceptionList").queryAs(ListView.class);
    return list.getItems().stream().map(ScheduleExceptionEntry.class::cast).anyMatch(e ->
        e.getKind() == ScheduleExceptionKind.LEAVE && e.getNote().equals("Conference")
            && Instant.ofEpochSecond(e.getStart().getSeconds()).equals(leaveDay.atTime(LocalTime.MIDNIGHT)
                .atZone(zone).toInstant()));
  }
}
