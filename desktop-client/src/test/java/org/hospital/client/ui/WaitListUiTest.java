package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.hospital.client.schedule.waitlist.AddToWaitListViewModel;
import org.hospital.client.schedule.waitlist.WaitListRow;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wait list at the front desk against the real server: a patient put on a doctor's list here; another desk
 * cancels that doctor's appointment; this desk is told the slot is free with the patient as candidate, books
 * them, and the entry leaves the list while the appointment appears in the schedule. Entries added and taken
 * off at another desk appear and go without this desk doing anything.
 */
class WaitListUiTest extends ClientUiTest {

  private ServerBackdoor otherDesk;
  private ZoneId zone;
  private Clinician okafor;

  @BeforeEach
  void otherDesk() {
    otherDesk = new ServerBackdoor("reception");
    zone = otherDesk.zone();
    okafor = otherDesk.clinician("Dr. Amara Okafor");
  }

  @AfterEach
  void closeOtherDesk() {
    otherDesk.close();
  }

  private static Instant start(Slot slot) {
    return Instant.ofEpochSecond(slot.getStart().getSeconds(), slot.getStart().getNanos());
  }

  @SuppressWarnings("unchecked")
  private List<WaitListRow> rows() {
    return lookup("#waitList").queryAs(ListView.class).getItems();
  }

  @Test
  void aFreedSlotIsOfferedToTheWaitingPatientAndBookedFromTheCard() {
    signInAndWait("reception");
    // a slot from tomorrow on (none starts while the test runs), held by someone at first
    Slot slot = otherDesk.freeSlots(okafor.getId(), 60).stream()
        .filter(s -> start(s).atZone(zone).toLocalDate().isAfter(LocalDate.now(zone))).skip(6).findFirst()
        .orElseThrow();
    LocalDate day = start(slot).atZone(zone).toLocalDate();
    Patient holder = otherDesk.register(ServerBackdoor.person("Harrowgate", "Ines", 1970, 2, 3, "+1 555 0101"));
    Patient waiting = otherDesk.register(ServerBackdoor.person("Wexford-Pike", "Olga", 1958, 9, 21,
        "+1 555 0102"));
    Appointment held = otherDesk.book(slot, holder.getId());

    openScheduleOn("General Medicine", day);
    waitUntil(() -> exists("#appointment-" + held.getId()));

    // put the patient on Dr. Okafor's wait list through the dialog
    press("#waitListAdd");
    waitUntil(() -> exists("#addToWaitListDialog"));
    setText("#addToWaitListDialog #searchQuery", waiting.getMrn());
    waitUntil(() -> lookup("#addToWaitListDialog #searchResults").queryAs(TableView.class).getItems().size() == 1);
    interact(() -> {
      lookup("#addToWaitListDialog #searchResults").queryAs(TableView.class).getSelectionModel().select(0);
      @SuppressWarnings("unchecked")
      ComboBox<AddToWaitListViewModel.Target> target = lookup("#waitListTarget").queryAs(ComboBox.class);
      target.setValue(target.getItems().stream().filter(t -> t.clinicianId() == okafor.getId()).findFirst()
          .orElseThrow());
    });
    setText("#waitListReason", "Wants an earlier review of her blood pressure");
    waitUntil(() -> text("#waitListPatient").contains(waiting.getMrn()));
    screenshot("wait-list-add-dialog");
    press("#addToWaitListConfirm");
    waitUntil(() -> !exists("#addToWaitListDialog"));
    waitUntil(() -> rows().stream().anyMatch(r -> r.entry().getPatientMrn().equals(waiting.getMrn())));
    WaitListRow row = rows().stream().filter(r -> r.entry().getPatientMrn().equals(waiting.getMrn())).findFirst()
        .orElseThrow();
    assertEquals("Dr. Amara Okafor", row.target());
    screenshot("wait-list-panel");

    // another desk cancels: this desk is offered the slot with the waiting patient
    otherDesk.cancel(held, "Patient phoned to cancel");
    String book = "#waitListBook-" + row.entry().getId();
    waitUntil(() -> exists(book));
    String card = "#freedSlot-" + okafor.getId() + "-" + slot.getStart().getSeconds();
    assertTrue(lookup(card).queryAll().size() == 1);
    List<String> cardTexts = lookup(card + " .label").queryAll().stream().map(n -> ((Labeled) n).getText()).toList();
    assertTrue(cardTexts.contains(row.entry().getPatientName()), cardTexts.toString());
    assertTrue(cardTexts.stream().anyMatch(t -> t.startsWith("Dr. Amara Okafor")), cardTexts.toString());
    screenshot("wait-list-freed-slot");

    press(book);
    waitUntil(() -> text("#freedSlotNotice").startsWith(row.entry().getPatientName() + " booked for"));
    waitUntil(() -> rows().stream().noneMatch(r -> r.entry().getId() == row.entry().getId()));
    waitUntil(() -> !exists(card));
    List<Appointment> live = otherDesk.liveSnapshot(okafor.getId(), day);
    Appointment booked = live.stream().filter(a -> a.getPatientId() == waiting.getId()).findFirst().orElseThrow();
    assertEquals(AppointmentStatus.BOOKED, booked.getStatus());
    assertEquals(slot.getStart(), booked.getStart());
    waitUntil(() -> exists("#appointment-" + booked.getId()));
    screenshot("wait-list-booked");
  }

  private boolean shown(WaitListEntry entry) {
    return rows().stream().anyMatch(r -> r.entry().getId() == entry.getId());
  }

  @Test
  void entriesAddedAndRemovedAtAnotherDeskAppearAndGoWithoutReading() {
    signInAndWait("reception");
    long genmed = otherDesk.clinicians().getDepartmentsList().stream()
        .filter(d -> d.getName().equals("General Medicine")).findFirst().orElseThrow().getId();
    openScheduleOn("General Medicine", LocalDate.now(otherDesk.zone()));
    waitUntil(() -> exists("#waitList"));

    // the first may come with the panel's snapshot; once it shows, the stream is open and anchored, so the
    // second and the removal can only arrive as pushed events (the panel never reads the list again)
    // names no other test searches for: the UI tests share one server
    Patient first = otherDesk.register(ServerBackdoor.person("Marchbank-Oyelaran", "Bram", 1966, 4, 12,
        "+1 555 0103"));
    WaitListEntry firstEntry = otherDesk.addToWaitList(genmed, first.getId(), "Any morning next week");
    waitUntil(() -> shown(firstEntry));
    Patient second = otherDesk.register(ServerBackdoor.person("Ashcombe-Rye", "Delia", 1981, 7, 30,
        "+1 555 0104"));
    WaitListEntry secondEntry = otherDesk.addToWaitList(genmed, second.getId(), "Afternoons only");
    waitUntil(() -> shown(secondEntry));
    assertEquals("Any clinician in the department", rows().stream()
        .filter(r -> r.entry().getId() == secondEntry.getId()).findFirst().orElseThrow().target());
    screenshot("wait-list-added-elsewhere");

    otherDesk.removeFromWaitList(firstEntry, "Booked by phone");
    waitUntil(() -> !shown(firstEntry));
    assertTrue(shown(secondEntry));
    screenshot("wait-list-removed-elsewhere");
    // leaves the department's list as it found it (the UI tests share one server)
    otherDesk.removeFromWaitList(secondEntry, "Booked by phone");
    waitUntil(() -> !shown(secondEntry));
  }
}
