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
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.hospital.client.app.CompositionRoot;
import org.hospital.client.schedule.queue.QueueEntry;
import org.hospital.client.schedule.worklist.WorklistEntry;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The front desk and the doctor against the real server, with another desk (plain gRPC, as a second
 * workstation) booking and checking in at the same time: what one does appears on the other's screen.
 */
class ScheduleUiTest extends ClientUiTest {

  private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("HHmm");

  private ServerBackdoor otherDesk;
  private ZoneId zone;
  private Clinician okafor;
  private Clinician doctor;
  private Stage secondStage;
  private CompositionRoot secondRoot;

  @BeforeEach
  void otherDesk() {
    otherDesk = new ServerBackdoor("reception");
    zone = otherDesk.zone();
    okafor = otherDesk.clinician("Dr. Amara Okafor");
    doctor = otherDesk.clinician("Dr. Daniel Doctor");
  }

  @AfterEach
  void closeOtherDesks() throws Exception {
    LiveServer.get().clock().reset();
    otherDesk.close();
    if (secondStage != null) {
      interact(() -> {
        secondStage.close();
        secondRoot.close();
      });
    }
  }

  private Patient newPatient(String family) {
    return otherDesk.register(ServerBackdoor.person(family, "Astrid", 1961, 4, 12, "+1 555 0100"));
  }

  /** A free slot of the clinician from tomorrow on, so that none starts while the test runs. */
  private Slot freeSlot(Clinician clinician, int index) {
    List<Slot> free = otherDesk.freeSlots(clinician.getId(), 40).stream()
        .filter(s -> toInstant(s).atZone(zone).toLocalDate().isAfter(LocalDate.now(zone))).toList();
    assertTrue(free.size() > index, "the demo templates give every doctor free slots on working days");
    return free.get(index);
  }

  private static Instant toInstant(Slot slot) {
    return Instant.ofEpochSecond(slot.getStart().getSeconds(), slot.getStart().getNanos());
  }

  private String cellId(Slot slot) {
    ZonedDateTime start = toInstant(slot).atZone(zone);
    return "#cell-" + slot.getClinicianId() + "-" + CELL_TIME.format(start);
  }

  private boolean isFree(String cell) {
    return exists(cell) && lookup(cell).query().getStyleClass().contains("slot-free");
  }

  /** A click delivered to the node itself, wherever the grid is scrolled. */
  private void click(String query) {
    interact(() -> {
      Node node = lookup(query).query();
      node.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1, false, false,
          false, false, true, false, false, true, false, false, null));
    });
  }

  private String statusOf(long appointmentId) {
    Node card = lookup("#appointment-" + appointmentId).query();
    return lookupFrom(card, ".status-chip");
  }

  private static String lookupFrom(Node root, String selector) {
    return ((Labeled) root.lookup(selector)).getText();
  }

  /** Finds the patient in the booking dialog's search (by MRN, which is exact) and selects the row. */
  private void choosePatientInDialog(Patient patient) {
    waitUntil(() -> exists("#bookingDialog"));
    setText("#bookingDialog #searchQuery", patient.getMrn());
    waitUntil(() -> lookup("#bookingDialog #searchResults").queryAs(TableView.class).getItems().size() == 1);
    interact(() -> lookup("#bookingDialog #searchResults").queryAs(TableView.class).getSelectionModel().select(0));
    waitUntil(() -> text("#bookingPatient").contains(patient.getMrn()));
  }

  @Test
  void aBookingAtAnotherDeskAppearsHereAndOneMadeHereIsSeenThere() {
    signInAndWait("reception");
    Slot theirs = freeSlot(okafor, 0);
    Slot ours = freeSlot(okafor, 1);
    LocalDate day = toInstant(theirs).atZone(zone).toLocalDate();
    Patient astrid = newPatient("Lindqvist-Berg");
    Patient bruno = newPatient("Okonkwo-Hale");
    openScheduleOn("General Medicine", day);
    waitUntil(() -> isFree(cellId(theirs)));

    Appointment booked = otherDesk.book(theirs, astrid.getId());
    waitUntil(() -> exists("#appointment-" + booked.getId()));
    assertFalse(isFree(cellId(theirs)));
    assertEquals("Booked", statusOf(booked.getId()));
    screenshot("schedule-day");

    if (!toInstant(ours).atZone(zone).toLocalDate().equals(day)) {
      interact(() -> lookup("#datePicker").queryAs(DatePicker.class)
          .setValue(toInstant(ours).atZone(zone).toLocalDate()));
    }
    waitUntil(() -> isFree(cellId(ours)));
    click(cellId(ours));
    press("#bookButton");
    choosePatientInDialog(bruno);
    screenshot("booking-dialog");
    press("#bookingConfirm");
    waitUntil(() -> !exists("#bookingDialog"));
    waitUntil(() -> text("#scheduleNotice").startsWith("Booked: " + bruno.getDemographics().getFamilyName()));
    waitUntil(() -> !isFree(cellId(ours)));

    // the other desk's own live subscription holds it too
    List<Appointment> seenThere = otherDesk.liveSnapshot(okafor.getId(), toInstant(ours).atZone(zone).toLocalDate());
    assertTrue(seenThere.stream().anyMatch(a -> a.getPatientId() == bruno.getId()
        && a.getStart().equals(ours.getStart()) && a.getStatus() == AppointmentStatus.BOOKED), seenThere.toString());
  }

  @Test
  void aSlotTakenMeanwhileIsExplainedAndTheNextFreeTimesOffered() {
    signInAndWait("reception");
    Slot slot = freeSlot(okafor, 2);
    Patient mine = newPatient("Fairweather");
    Patient theirs = newPatient("Quenneville");
    openScheduleOn("General Medicine", toInstant(slot).atZone(zone).toLocalDate());
    waitUntil(() -> isFree(cellId(slot)));
    click(cellId(slot));
    push(KeyCode.CONTROL, KeyCode.B); // the shortcut opens the same dialog
    choosePatientInDialog(mine);

    otherDesk.book(slot, theirs.getId()); // faster, at the other desk
    press("#bookingConfirm");
    waitUntil(() -> text("#bookingError").startsWith("Someone else has just booked this time."));
    waitUntil(() -> !lookup("#alternatives").queryAs(ListView.class).getItems().isEmpty());
    screenshot("booking-slot-taken");

    interact(() -> {
      ListView<?> alternatives = lookup("#alternatives").queryAs(ListView.class);
      alternatives.getSelectionModel().select(0);
      Event.fireEvent(alternatives, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false,
          false));
    });
    waitUntil(() -> text("#bookingError").isEmpty());
    press("#bookingConfirm");
    waitUntil(() -> !exists("#bookingDialog"));
    waitUntil(() -> text("#scheduleNotice").startsWith("Booked: " + mine.getDemographics().getFamilyName()));
  }

  @Test
  void checkInIsDisabledForAnotherDayWithTheDayAsItsTooltip() {
    Slot later = freeSlot(okafor, 5);
    Appointment booked = otherDesk.book(later, newPatient("Fairweather").getId());
    signInAndWait("reception");
    openScheduleOn("General Medicine", toInstant(later).atZone(zone).toLocalDate());
    waitUntil(() -> exists("#appointment-" + booked.getId()));
    assertFalse(lookup("#checkInButton").query().isDisabled(), "nothing chosen yet");
    click(cellId(later));
    waitUntil(() -> lookup("#checkInButton").query().isDisabled());
    ZonedDateTime start = toInstant(later).atZone(zone);
    String expected = "Check-in opens at " + DateTimeFormatter.ofPattern("HH:mm").format(start.minusHours(2)
        .isBefore(start.toLocalDate().atStartOfDay(zone)) ? start.toLocalDate().atStartOfDay(zone)
            : start.minusHours(2))
        + " on the day: this appointment is on "
        + DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.ENGLISH).format(start) + " at "
        + DateTimeFormatter.ofPattern("HH:mm").format(start) + ".";
    assertEquals(expected, lookup("#checkInButton").queryAs(ButtonBase.class).getTooltip().getText());
    screenshot("check-in-disabled-for-another-day");
  }

  @Test
  void checkInWithOneActionThenCancelWithAReason() {
    Slot first = freeSlot(okafor, 3);
    Slot second = freeSlot(okafor, 4);
    Appointment arriving = otherDesk.book(first, newPatient("Abernethy").getId());
    Appointment cancelled = otherDesk.book(second, newPatient("Castellanos").getId());
    // the patient arrives on the day: the server's clock is put half an hour before the appointment, and the
    // desk signs in then (a jump of days would end an older session as idle)
    LiveServer.get().clock().shiftTo(toInstant(first).minusSeconds(1800));
    signInAndWait("reception");
    openScheduleOn("General Medicine", toInstant(first).atZone(zone).toLocalDate());
    waitUntil(() -> exists("#appointment-" + arriving.getId()));

    click(cellId(first));
    push(KeyCode.CONTROL, KeyCode.I);
    waitUntil(() -> statusOf(arriving.getId()).equals("Arrived"));
    assertTrue(text("#scheduleNotice").startsWith("Checked in: Abernethy"));

    if (!toInstant(second).atZone(zone).toLocalDate().equals(toInstant(first).atZone(zone).toLocalDate())) {
      interact(() -> lookup("#datePicker").queryAs(DatePicker.class)
          .setValue(toInstant(second).atZone(zone).toLocalDate()));
    }
    waitUntil(() -> exists("#appointment-" + cancelled.getId()));
    click(cellId(second));
    press("#cancelButton");
    waitUntil(() -> exists("#cancelReason"));
    assertTrue(lookup("#cancelConfirm").query().isDisabled(), "a reason is required");
    setText("#cancelReason", "Patient phoned: feeling better");
    screenshot("cancel-dialog");
    press("#cancelConfirm");
    waitUntil(() -> !exists("#appointment-" + cancelled.getId()));
    waitUntil(() -> isFree(cellId(second)));
    assertTrue(text("#scheduleNotice").startsWith("Cancelled: Castellanos"));
  }

  @Test
  void aWalkInAtTheDeskReachesTheDoctorsWorklistAndTheDoctorCallsThem() {
    signInAndWait("reception");
    Patient walkIn = newPatient("Ravensworth");
    openScheduleOn("General Medicine", LocalDate.now(zone));
    Scene doctorScreen = secondWorkstation("doctor");
    waitUntil(() -> doctorScreen.lookup("#worklistTable") != null);

    press("#walkInButton");
    choosePatientInDialog(walkIn);
    interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<Clinician> to = lookup("#walkInClinician").queryAs(ComboBox.class);
      to.setValue(doctor);
    });
    press("#bookingConfirm");
    waitUntil(() -> !exists("#bookingDialog"));
    waitUntil(() -> text("#scheduleNotice").startsWith("Walk-in checked in: Ravensworth"));

    // at the desk: in the waiting room; at the doctor's: arrived, waiting
    waitUntil(() -> waitingRoom().stream().anyMatch(e -> e.appointment().getPatientId() == walkIn.getId()));
    waitUntil(() -> worklist(doctorScreen).stream().anyMatch(e -> e.appointment().getPatientId() == walkIn.getId()
        && e.status().equals("Arrived") && e.since().contains("(since ")));
    screenshot("walk-in-and-worklist");

    // the doctor calls whoever waited longest until it is this patient (demo data may have others waiting)
    AtomicReference<WorklistEntry> ours = new AtomicReference<>();
    for (int call = 0; call < 10 && ours.get() == null; call++) {
      fire(doctorScreen, "#callNext");
      waitUntil(() -> ((Labeled) doctorScreen.lookup("#worklistNotice")).getText().startsWith("Called: ")
          || !((Labeled) doctorScreen.lookup("#worklistError")).getText().isEmpty());
      worklist(doctorScreen).stream().filter(e -> e.appointment().getPatientId() == walkIn.getId()
          && e.appointment().getStatus() == AppointmentStatus.IN_CONSULTATION).findFirst().ifPresent(ours::set);
    }
    waitUntil(() -> worklist(doctorScreen).stream().anyMatch(e -> e.appointment().getPatientId() == walkIn.getId()
        && e.status().equals("With doctor")));
    waitUntil(() -> ((Labeled) doctorScreen.lookup("#nowSeeing")).getText().contains("Ravensworth"));
    // the desk sees the patient leave the waiting room
    waitUntil(() -> waitingRoom().stream().noneMatch(e -> e.appointment().getPatientId() == walkIn.getId()));
    screenshot("worklist-called");

    interact(() -> {
      @SuppressWarnings("unchecked")
      TableView<WorklistEntry> table = (TableView<WorklistEntry>) doctorScreen.lookup("#worklistTable");
      table.getItems().stream().filter(e -> e.appointment().getPatientId() == walkIn.getId()).findFirst()
          .ifPresent(table.getSelectionModel()::select);
    });
    fire(doctorScreen, "#completeConsultation");
    waitUntil(() -> worklist(doctorScreen).stream().anyMatch(e -> e.appointment().getPatientId() == walkIn.getId()
        && e.status().equals("Completed")));
  }

  @Test
  void aPatientNotOnFileIsRegisteredFromTheBookingDialog() {
    signInAndWait("reception");
    Slot slot = freeSlot(okafor, 5);
    openScheduleOn("General Medicine", toInstant(slot).atZone(zone).toLocalDate());
    waitUntil(() -> isFree(cellId(slot)));
    click(cellId(slot));
    press("#bookButton");
    waitUntil(() -> exists("#bookingDialog"));
    press("#bookingDialog #registerNew");
    waitUntil(() -> !exists("#bookingDialog"));
    waitUntil(() -> exists("#patientForm"));
    assertTrue(lookup("#nav-patients").queryAs(javafx.scene.control.ToggleButton.class).isSelected()
        || exists("#patientForm"), "the registration screen of the Patients area is open");
  }

  @Test
  void theWeekViewShowsOneClinicianDayByDay() {
    signInAndWait("reception");
    Slot slot = freeSlot(okafor, 6);
    Appointment booked = otherDesk.book(slot, newPatient("Westergaard").getId());
    LocalDate day = toInstant(slot).atZone(zone).toLocalDate();
    openScheduleOn("General Medicine", day);
    press("#weekViewToggle");
    interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<Clinician> whose = lookup("#weekClinician").queryAs(ComboBox.class);
      whose.setValue(okafor);
    });
    waitUntil(() -> text("#dayLabel").startsWith("Week of ") && text("#dayLabel").endsWith("Dr. Amara Okafor"));
    waitUntil(() -> exists("#appointment-" + booked.getId()));
    String cell = "#cell-" + okafor.getId() + "-" + day.toString().replace("-", "") + "-"
        + CELL_TIME.format(toInstant(slot).atZone(zone));
    assertTrue(lookup(cell).query().lookup("#appointment-" + booked.getId()) != null, "in its day's column");
    screenshot("schedule-week");
    press("#dayViewToggle");
    waitUntil(() -> exists(cellId(slot)));
  }

  @SuppressWarnings("unchecked")
  private List<QueueEntry> waitingRoom() {
    return List.copyOf(lookup("#waitingList").queryAs(ListView.class).getItems());
  }

  @SuppressWarnings("unchecked")
  private static List<WorklistEntry> worklist(Scene screen) {
    return List.copyOf(((TableView<WorklistEntry>) screen.lookup("#worklistTable")).getItems());
  }

  private void fire(Scene screen, String query) {
    interact(() -> ((ButtonBase) screen.lookup(query)).fire());
  }

  /** A second workstation window in the same test, wired by its own composition root, signed in. */
  private Scene secondWorkstation(String username) {
    interact(() -> {
      secondStage = new Stage();
      secondRoot = new CompositionRoot(options(), Platform::runLater);
      secondRoot.start(secondStage, 900, 600);
    });
    Scene scene = secondStage.getScene();
    waitUntil(() -> scene.lookup("#username") != null);
    interact(() -> {
      ((TextInputControl) scene.lookup("#username")).setText(username);
      ((TextInputControl) scene.lookup("#password")).setText(LiveServer.PASSWORD);
      ((ButtonBase) scene.lookup("#signIn")).fire();
    });
    waitUntil(() -> scene.lookup("#userName") != null);
    return scene;
  }
}
