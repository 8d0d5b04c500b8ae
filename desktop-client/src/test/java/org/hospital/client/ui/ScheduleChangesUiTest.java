package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changes reception makes to an existing booking, end to end through the real server: no-show, "Move…"
 * to one of the offered free slots, and dragging a card onto a free slot. Each is checked on screen and in the
 * server's own live schedule (as another workstation would see it).
 */
class ScheduleChangesUiTest extends ClientUiTest {

  private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("HHmm");

  private ServerBackdoor otherDesk;
  private ZoneId zone;
  private Clinician tanaka;

  @BeforeEach
  void otherDesk() {
    otherDesk = new ServerBackdoor("reception");
    zone = otherDesk.zone();
    tanaka = otherDesk.clinician("Dr. Hiro Tanaka");
  }

  @AfterEach
  void closeOtherDesk() {
    otherDesk.close();
  }

  /** Free slots of the clinician on one working day after today (so none starts while the test runs). */
  private List<Slot> freeSlotsOfOneDay(int skip) {
    List<Slot> later = otherDesk.freeSlots(tanaka.getId(), 100).stream()
        .filter(s -> day(s).isAfter(LocalDate.now(zone))).toList();
    LocalDate chosen = later.stream().map(this::day).distinct().skip(skip).findFirst().orElseThrow();
    List<Slot> ofDay = later.stream().filter(s -> day(s).equals(chosen)).toList();
    assertTrue(ofDay.size() >= 3, "the demo templates give every doctor sessions of several slots");
    return ofDay;
  }

  private LocalDate day(Slot slot) {
    return start(slot).atZone(zone).toLocalDate();
  }

  private static Instant start(Slot slot) {
    return Instant.ofEpochSecond(slot.getStart().getSeconds(), slot.getStart().getNanos());
  }

  private String cellId(Slot slot) {
    ZonedDateTime at = start(slot).atZone(zone);
    return "#cell-" + slot.getClinicianId() + "-" + CELL_TIME.format(at);
  }

  private Patient newPatient(String family) {
    return otherDesk.register(ServerBackdoor.person(family, "Ines", 1974, 9, 3, "+1 555 0142"));
  }

  private void openDay(LocalDate day) {
    openScheduleOn(d -> d.getId() == tanaka.getDepartmentId(), day);
  }

  private boolean isFree(String cell) {
    return exists(cell) && lookup(cell).query().getStyleClass().contains("slot-free");
  }

  /** A click delivered to the node itself, wherever the grid is scrolled. */
  private void click(String query) {
    interact(() -> lookup(query).query().fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
        MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null)));
  }

  /** The appointment as the server's live schedule holds it for that day (what every desk is sent). */
  private List<Appointment> serverDay(LocalDate day) {
    return otherDesk.liveSnapshot(tanaka.getId(), day);
  }

  @Test
  void aPatientWhoDidNotComeIsMarkedNoShowAfterConfirming() {
    signInAndWait("reception");
    Slot slot = freeSlotsOfOneDay(0).getFirst();
    Appointment booked = otherDesk.book(slot, newPatient("Valderrama").getId());
    openDay(day(slot));
    waitUntil(() -> exists("#appointment-" + booked.getId()));

    click(cellId(slot));
    press("#noShowButton");
    waitUntil(() -> exists("#confirmDialog"));
    screenshot("no-show-confirm");
    press("#confirmYes");
    waitUntil(() -> text("#scheduleNotice").startsWith("Marked as no-show: Valderrama"));
    waitUntil(() -> serverDay(day(slot)).stream().anyMatch(a -> a.getId() == booked.getId()
        && a.getStatus() == AppointmentStatus.NO_SHOW));
    assertEquals("", text("#scheduleError"));
  }

  @Test
  void moveOffersFreeSlotsAndTheAppointmentLandsOnTheOneChosen() {
    signInAndWait("reception");
    List<Slot> free = freeSlotsOfOneDay(1);
    Slot from = free.getFirst();
    Appointment booked = otherDesk.book(from, newPatient("Oyelaran").getId());
    openDay(day(from));
    waitUntil(() -> exists("#appointment-" + booked.getId()));

    click(cellId(from));
    push(KeyCode.CONTROL, KeyCode.M);
    waitUntil(() -> exists("#moveDialog"));
    waitUntil(() -> !lookup("#slotChoices").queryAs(ListView.class).getItems().isEmpty());
    screenshot("move-offered");
    SlotChoice target = interactAndGet(() -> {
      @SuppressWarnings("unchecked")
      ListView<SlotChoice> choices = lookup("#slotChoices").queryAs(ListView.class);
      SlotChoice pick = choices.getItems().getLast(); // the furthest: nothing of this test is near it
      choices.getSelectionModel().select(pick);
      return pick;
    });
    press("#moveConfirm");
    waitUntil(() -> text("#scheduleNotice").startsWith("Moved: Oyelaran"));

    LocalDate targetDay = target.start().atZone(zone).toLocalDate();
    waitUntil(() -> serverDay(targetDay).stream().anyMatch(a -> a.getPatientId() == booked.getPatientId()
        && a.getStatus() == AppointmentStatus.BOOKED && a.getStart().getSeconds() == target.start().getEpochSecond()));
    // the old slot is free again on screen, and the old appointment is kept as RESCHEDULED, not deleted
    waitUntil(() -> isFree(cellId(from)));
    assertTrue(serverDay(day(from)).stream().noneMatch(a -> a.getId() == booked.getId()
        && a.getStatus() == AppointmentStatus.BOOKED));
  }

  /**
   * The headless test platform has no mouse robot for drag gestures, so the drop is delivered as the platform
   * would deliver it: DRAG_OVER then DRAG_DROPPED on the target cell, with a dragboard holding what the card puts
   * on it when a drag starts. Everything after that (view, view model, server, live update) is real.
   */
  @Test
  void droppingACardOntoAFreeSlotMovesTheAppointment() {
    signInAndWait("reception");
    List<Slot> free = freeSlotsOfOneDay(2);
    Slot from = free.getFirst();
    Slot to = free.get(2);
    Appointment booked = otherDesk.book(from, newPatient("Szczepanska").getId());
    openDay(day(from));
    waitUntil(() -> exists("#appointment-" + booked.getId()) && isFree(cellId(to)));

    boolean dropped = interactAndGet(() -> DragAndDrop.drop(lookup("#appointment-" + booked.getId()).query(),
        lookup(cellId(to)).query(), "appointment:" + booked.getId()));
    assertTrue(dropped, "a free slot takes the drop");
    waitUntil(() -> text("#scheduleNotice").startsWith("Moved: Szczepanska"));
    waitUntil(() -> !isFree(cellId(to)) && isFree(cellId(from)));
    screenshot("moved-by-drag");
    assertTrue(serverDay(day(to)).stream().anyMatch(a -> a.getPatientId() == booked.getPatientId()
        && a.getStatus() == AppointmentStatus.BOOKED && a.getStart().equals(to.getStart())));
  }

  @Test
  void droppingOntoATakenSlotIsNotAccepted() {
    signInAndWait("reception");
    List<Slot> free = freeSlotsOfOneDay(0).subList(3, 5);
    Appointment moving = otherDesk.book(free.get(0), newPatient("Ferreira-Lund").getId());
    Appointment staying = otherDesk.book(free.get(1), newPatient("Brannigan").getId());
    openDay(day(free.get(0)));
    waitUntil(() -> exists("#appointment-" + moving.getId()) && exists("#appointment-" + staying.getId()));

    boolean accepted = interactAndGet(() -> DragAndDrop.drop(lookup("#appointment-" + moving.getId()).query(),
        lookup(cellId(free.get(1))).query(), "appointment:" + moving.getId()));
    assertFalse(accepted, "a held slot takes no drop");
    assertTrue(serverDay(day(free.get(0))).stream().anyMatch(a -> a.getId() == moving.getId()
        && a.getStatus() == AppointmentStatus.BOOKED), "nothing moved");
  }

  @Test
  void theNextFreeSlotOfASpecialtyIsFoundAndBookedFromTheFinder() {
    signInAndWait("reception");
    Patient patient = newPatient("Achterberg");
    openDay(LocalDate.now(zone));
    press("#findFreeButton");
    waitUntil(() -> exists("#finderDialog"));
    clickOn("#finderScope-specialty");
    interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<String> specialty = lookup("#finderSpecialty").queryAs(ComboBox.class);
      specialty.setValue("Cardiology");
    });
    press("#finderSearch");
    waitUntil(() -> text("#finderSummary").endsWith("Enter or double-click books one."));
    @SuppressWarnings("unchecked")
    SlotChoice first = (SlotChoice) lookup("#finderResults").queryAs(ListView.class).getItems().getFirst();
    assertTrue(first.label().contains("(Cardiology)"), first.label());
    screenshot("finder");
    press("#finderBook");

    // the schedule shows the slot's department and day, and the ordinary booking dialog opens for it
    waitUntil(() -> exists("#bookingDialog"));
    waitUntil(() -> lookup("#departmentChoice").queryAs(ComboBox.class).getValue() instanceof Department d
        && d.getName().equals("Cardiology"));
    assertEquals(first.start().atZone(zone).toLocalDate(), lookup("#datePicker").queryAs(DatePicker.class)
        .getValue());
    setText("#bookingDialog #searchQuery", patient.getMrn());
    waitUntil(() -> lookup("#bookingDialog #searchResults").queryAs(javafx.scene.control.TableView.class)
        .getItems().size() == 1);
    interact(() -> lookup("#bookingDialog #searchResults").queryAs(javafx.scene.control.TableView.class)
        .getSelectionModel().select(0));
    waitUntil(() -> text("#bookingPatient").contains(patient.getMrn()));
    press("#bookingConfirm");
    waitUntil(() -> text("#scheduleNotice").startsWith("Booked: Achterberg"));
    LocalDate day = first.start().atZone(zone).toLocalDate();
    assertTrue(otherDesk.liveSnapshot(first.clinicianId(), day).stream().anyMatch(a ->
        a.getPatientId() == patient.getId() && a.getStart().getSeconds() == first.start().getEpochSecond()));
  }

  @Test
  void leaveEnteredElsewhereMarksTheBookingOnScreenAndRemovingItClearsTheMark() {
    signInAndWait("reception");
    List<Slot> free = freeSlotsOfOneDay(3);
    Slot slot = free.getFirst();
    Slot empty = free.get(1);
    Appointment booked = otherDesk.book(slot, newPatient("Oyinlola").getId());
    openDay(day(slot));
    waitUntil(() -> exists("#appointment-" + booked.getId()) && isFree(cellId(empty)));
    assertFalse(exists("#unavailable-" + booked.getId()));

    try (ServerBackdoor administrator = new ServerBackdoor("supervisor")) {
      long leave = administrator.addLeave(tanaka.getId(), day(slot));
      waitUntil(() -> exists("#unavailable-" + booked.getId()));
      assertTrue(lookup("#appointment-" + booked.getId()).query().getStyleClass().contains("clinician-unavailable"));
      assertEquals("\u26a0 Rebook", text("#unavailable-" + booked.getId()));
      // the marked booking is the sign that the hours changed: the day's free slots are read again
      waitUntil(() -> !isFree(cellId(empty)));
      screenshot("clinician-unavailable");
      administrator.removeException(leave);
      waitUntil(() -> !exists("#unavailable-" + booked.getId()) && exists("#appointment-" + booked.getId()));
      waitUntil(() -> isFree(cellId(empty)));
    }
  }

  private <T> T interactAndGet(java.util.concurrent.Callable<T> action) {
    java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
    interact(() -> {
      try {
        result.set(action.call());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return result.get();
  }
}
