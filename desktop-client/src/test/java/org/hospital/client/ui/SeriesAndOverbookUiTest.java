package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recurring series and overbooking from the booking dialog, against the real server: a weekly series booked
 * and seen week by week, cancelled from its second appointment on, a refused series naming its dates, and an
 * administrator overbooking a taken slot.
 */
class SeriesAndOverbookUiTest extends ClientUiTest {

  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  private ServerBackdoor otherDesk;
  private ZoneId zone;
  private Clinician lindqvist;

  @BeforeEach
  void otherDesk() {
    otherDesk = new ServerBackdoor("reception");
    zone = otherDesk.zone();
    lindqvist = otherDesk.clinician("Dr. Erik Lindqvist");
  }

  @AfterEach
  void close() {
    otherDesk.close();
  }

  /** A start on a weekday well past the demo bookings whose time is free on {@code weeks} weeks in a row. */
  private Instant freeWeekly(int weeks) {
    LocalDate day = LocalDate.now(zone).plusDays(10);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    LocalDate first = day;
    List<Map<Instant, Boolean>> free = IntStream.range(0, weeks).mapToObj(w -> otherDesk.slots(lindqvist.getId(),
        first.plusWeeks(w)).stream().collect(Collectors.toMap(SeriesAndOverbookUiTest::start, Slot::getFree)))
        .toList();
    return free.getFirst().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted()
        .filter(s -> IntStream.range(1, weeks).allMatch(w -> free.get(w).getOrDefault(
            s.atZone(zone).plusWeeks(w).toInstant(), false)))
        .findFirst().orElseThrow(() -> new AssertionError("no time free " + weeks + " weeks in a row"));
  }

  private static Instant start(Slot s) {
    return Instant.ofEpochSecond(s.getStart().getSeconds());
  }

  private LocalDate dayOf(Instant start) {
    return start.atZone(zone).toLocalDate();
  }

  private String dayCell(Instant start) {
    return "#cell-" + lindqvist.getId() + "-" + HHMM.format(start.atZone(zone));
  }

  private String weekCell(Instant start) {
    return "#cell-" + lindqvist.getId() + "-" + dayOf(start).toString().replace("-", "") + "-"
        + HHMM.format(start.atZone(zone));
  }

  private Patient newPatient(String family) {
    return otherDesk.register(ServerBackdoor.person(family, "Ingrid", 1958, 9, 3, "+1 555 0170"));
  }

  private List<Appointment> appointmentsOf(Patient patient, LocalDate day) {
    return otherDesk.liveSnapshot(lindqvist.getId(), day).stream().filter(a -> a.getPatientId() == patient.getId())
        .toList();
  }

  private void openSchedule(LocalDate day) {
    openScheduleOn("General Medicine", day); // Dr. Lindqvist's department
  }

  private void showWeekOf(LocalDate day) {
    press("#weekViewToggle");
    interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<Clinician> whose = lookup("#weekClinician").queryAs(ComboBox.class);
      whose.setValue(lindqvist);
      lookup("#datePicker").queryAs(DatePicker.class).setValue(day);
    });
    waitUntil(() -> text("#dayLabel").endsWith("Dr. Erik Lindqvist"));
  }

  private void click(String query) {
    interact(() -> lookup(query).query().fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
        MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null)));
  }

  private void openBookingFor(Instant start, Patient patient) {
    click(dayCell(start));
    press("#bookButton");
    waitUntil(() -> exists("#bookingDialog"));
    setText("#bookingDialog #searchQuery", patient.getMrn());
    waitUntil(() -> lookup("#bookingDialog #searchResults").queryAs(TableView.class).getItems().size() == 1);
    interact(() -> lookup("#bookingDialog #searchResults").queryAs(TableView.class).getSelectionModel().select(0));
    waitUntil(() -> text("#bookingPatient").contains(patient.getMrn()));
  }

  @SuppressWarnings("unchecked")
  private void repeat(int intervalWeeks, int times) {
    interact(() -> {
      lookup("#repeatInterval").queryAs(ComboBox.class).setValue(intervalWeeks);
      ((Spinner<Integer>) lookup("#repeatCount").queryAs(Spinner.class)).getValueFactory().setValue(times);
    });
  }

  private String seriesMark(long appointmentId) {
    Node card = lookup("#appointment-" + appointmentId).query();
    return ((Labeled) card.lookup(".series-mark")).getText();
  }

  @Test
  void aWeeklySeriesIsBookedSeenWeekByWeekAndCancelledFromTheSecondOn() {
    signInAndWait("reception");
    Instant first = freeWeekly(4);
    Patient patient = newPatient("Haugland-Reyes");
    openSchedule(dayOf(first));
    waitUntil(() -> exists(dayCell(first)) && lookup(dayCell(first)).query().getStyleClass().contains("slot-free"));
    openBookingFor(first, patient);
    repeat(1, 4);
    waitUntil(() -> text("#repeatSummary").startsWith("4 appointments, the last on "));
    screenshot("booking-series-repeat");
    press("#bookingConfirm");
    waitUntil(() -> !exists("#bookingDialog"));
    waitUntil(() -> text("#scheduleNotice").startsWith("Booked 4 appointments for Haugland-Reyes"));

    showWeekOf(dayOf(first));
    Appointment second = null;
    for (int week = 0; week < 4; week++) {
      Instant start = first.atZone(zone).plusWeeks(week).toInstant();
      List<Appointment> booked = appointmentsOf(patient, dayOf(start));
      assertEquals(1, booked.size(), "week " + week);
      Appointment a = booked.getFirst();
      assertEquals(week + 1, a.getSeriesPosition());
      LocalDate day = dayOf(start);
      interact(() -> lookup("#datePicker").queryAs(DatePicker.class).setValue(day));
      waitUntil(() -> exists(weekCell(start)) && lookup(weekCell(start)).query()
          .lookup("#appointment-" + a.getId()) != null);
      assertEquals((week + 1) + "/4", seriesMark(a.getId()));
      if (week == 0) {
        screenshot("series-week-view");
      }
      if (week == 1) {
        second = a;
      }
    }

    // from the second on: it and the two after it go, the first stays
    Appointment fromHere = second;
    Instant secondStart = first.atZone(zone).plusWeeks(1).toInstant();
    interact(() -> lookup("#datePicker").queryAs(DatePicker.class).setValue(dayOf(secondStart)));
    waitUntil(() -> exists("#appointment-" + fromHere.getId()));
    click(weekCell(secondStart));
    press("#cancelButton");
    waitUntil(() -> exists("#cancelFollowing"));
    assertTrue(lookup("#cancelThisOnly").queryAs(javafx.scene.control.RadioButton.class).isSelected(),
        "the narrower choice is the default");
    interact(() -> lookup("#cancelFollowing").queryAs(javafx.scene.control.RadioButton.class).setSelected(true));
    setText("#cancelReason", "Moving to another city");
    screenshot("cancel-series-dialog");
    press("#cancelConfirm");
    waitUntil(() -> text("#scheduleNotice").startsWith("Cancelled: Haugland-Reyes"));
    assertTrue(text("#scheduleNotice").endsWith("3 appointments of the series."), text("#scheduleNotice"));
    waitUntil(() -> !exists("#appointment-" + fromHere.getId()));
    for (int week = 0; week < 4; week++) {
      LocalDate day = dayOf(first.atZone(zone).plusWeeks(week).toInstant());
      assertEquals(week == 0 ? AppointmentStatus.BOOKED : AppointmentStatus.CANCELLED,
          appointmentsOf(patient, day).getFirst().getStatus(), "week " + week);
    }
  }

  @Test
  void aRefusedSeriesListsTheDatesThatAreTaken() {
    signInAndWait("reception");
    Instant first = freeWeekly(4);
    Instant third = first.atZone(zone).plusWeeks(2).toInstant();
    otherDesk.book(otherDesk.slots(lindqvist.getId(), dayOf(third)).stream().filter(s -> start(s).equals(third))
        .findFirst().orElseThrow(), newPatient("Abercrombie-Lund").getId());
    Patient patient = newPatient("Marchetti-Olsen");
    openSchedule(dayOf(first));
    waitUntil(() -> exists(dayCell(first)));
    openBookingFor(first, patient);
    repeat(1, 4);
    press("#bookingConfirm");
    waitUntil(() -> text("#bookingError").startsWith("Nothing was booked: these dates are already taken"));
    assertEquals("\u2022 " + DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", java.util.Locale.ENGLISH)
        .format(dayOf(third)), text("#refusedDates"));
    screenshot("booking-series-refused");
    assertTrue(appointmentsOf(patient, dayOf(first)).isEmpty(), "nothing was booked");

    repeat(1, 2); // two weeks end before the taken one
    press("#bookingConfirm");
    waitUntil(() -> !exists("#bookingDialog"));
    waitUntil(() -> text("#scheduleNotice").startsWith("Booked 2 appointments for Marchetti-Olsen"));
  }

  @Test
  void anAdministratorOverbooksATakenSlotWithAReason() {
    signInAndWait("admin");
    Instant slot = freeWeekly(1);
    Appointment holder = otherDesk.book(otherDesk.slots(lindqvist.getId(), dayOf(slot)).stream()
        .filter(s -> start(s).equals(slot)).findFirst().orElseThrow(), newPatient("Thorvaldsen-Ng").getId());
    Patient extra = newPatient("Urquhart-Sato");
    openSchedule(dayOf(slot));
    waitUntil(() -> exists("#appointment-" + holder.getId()));
    openBookingFor(slot, extra);
    waitUntil(() -> visible("#overbookChoice"));
    assertTrue(text("#bookingError").startsWith("This time is already booked."));
    interact(() -> lookup("#overbookChoice").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
    press("#bookingConfirm");
    waitUntil(() -> text("#bookingError").equals("Give the reason for overbooking."));
    setText("#overbookReason", "Urgent: post-operative wound check");
    screenshot("booking-overbook");
    press("#bookingConfirm");
    waitUntil(() -> !exists("#bookingDialog"));
    waitUntil(() -> text("#scheduleNotice").startsWith("Booked: Urquhart-Sato"));

    List<Appointment> both = otherDesk.liveSnapshot(lindqvist.getId(), dayOf(slot)).stream()
        .filter(a -> a.getStart().getSeconds() == slot.getEpochSecond() && a.getStatus() == AppointmentStatus.BOOKED)
        .toList();
    assertEquals(2, both.size(), both.toString());
    Appointment overbooked = both.stream().filter(Appointment::getOverbooked).findFirst().orElseThrow();
    assertEquals("Urgent: post-operative wound check", overbooked.getOverbookReason());
    waitUntil(() -> lookup(dayCell(slot)).query().lookup("#appointment-" + overbooked.getId()) != null
        && lookup(dayCell(slot)).query().lookup("#appointment-" + holder.getId()) != null);
    assertEquals("Overbook", ((Labeled) lookup("#appointment-" + overbooked.getId()).query()
        .lookup(".overbook-mark")).getText());
    screenshot("day-view-overbooked");
  }
}
