package org.hospital.client.schedule.booking;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.search.PatientSearchViewModel;
import org.hospital.client.schedule.BookingSlot;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.VisitType;

/**
 * Books one slot, or checks in a walk-in: find the patient (the same search as the Patients area), choose the
 * visit type, give a reason, book. {@link BookingSender} keeps the idempotency key across retries of the same
 * booking. When someone else was faster, the server's next free times are offered to pick from.
 */
public final class BookingViewModel {

  private final I18n i18n;
  private final ErrorMessages errors;
  private final ScheduleText text;
  private final ActionStatus status;
  private final BookingSender sender;
  private final Consumer<Appointment> onBooked;
  private final PatientSearchViewModel search;

  private final ObjectProperty<BookingSlot> slot = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper slotText = new ReadOnlyStringWrapper("");
  private final ObjectProperty<PatientSummary> patient = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper patientText = new ReadOnlyStringWrapper("");
  private final ObjectProperty<VisitType> visitType = new SimpleObjectProperty<>(VisitType.FOLLOW_UP);
  private final StringProperty reason = new SimpleStringProperty("");
  private final ObservableList<SlotChoice> alternatives = FXCollections.observableArrayList();
  private final ObservableList<Clinician> clinicians = FXCollections.observableArrayList();
  private final ObjectProperty<Clinician> clinician = new SimpleObjectProperty<>();
  private final BookingOptions options;

  private boolean askedForPatient;

  /**
   * @param search a patient search whose "open" chooses the patient (see {@link #choosePatient})
   * @param newKey a fresh idempotency key (a UUID) for each new intended booking
   * @param mayOverbook the user is an administrator, who may overbook a taken slot
   * @param onBooked gets the appointment, or the first of a series
   */
  public BookingViewModel(BookingSlot initial, I18n i18n, ErrorMessages errors, ScheduleText text,
      TaskRunner tasks, ScheduleGateway gateway, PatientSearchViewModel search, Supplier<String> newKey,
      boolean mayOverbook, Consumer<Appointment> onBooked) {
    this.i18n = i18n;
    this.errors = errors;
    this.text = text;
    this.status = new ActionStatus(tasks, errors);
    this.sender = new BookingSender(gateway, newKey);
    this.search = search;
    this.onBooked = onBooked;
    slot.addListener((obs, old, now) -> slotText.set(describe(now)));
    patient.addListener((obs, old, now) -> patientText.set(now == null ? ""
        : i18n.format("schedule.patientWithMrn", name(now), now.getMrn())));
    options = new BookingOptions(i18n, text, mayOverbook, slot);
    options.overbookReasonProperty().addListener((obs, old, now) -> {
      if (!now.isBlank() && status.errorProperty().get().equals(i18n.get("overbook.needReason"))) {
        status.clearError(); // answered
      }
    });
    slot.set(initial);
    String takenHint = options.takenHint();
    if (!takenHint.isEmpty()) {
      status.refuse(takenHint);
    }
    clinician.addListener((obs, old, now) -> {
      if (now != null) {
        slot.set(slot.get().with(now.getId(), now.getDisplayName()));
      }
    });
  }

  /** For a walk-in: the clinicians the patient may be sent to; the slot's clinician is chosen among them. */
  public void offerClinicians(List<Clinician> offered) {
    clinicians.setAll(offered);
    clinician.set(offered.stream().filter(c -> c.getId() == slot.get().clinicianId()).findFirst()
        .orElse(offered.isEmpty() ? null : offered.getFirst()));
  }

  public boolean isWalkIn() {
    return slot.get().walkIn();
  }

  public void choosePatient(PatientSummary chosen) {
    patient.set(chosen);
    if (chosen != null && askedForPatient) {
      askedForPatient = false;
      status.clearError(); // the hint is answered; a server's message would stay
    }
  }

  /** One of the free times the server offered after SLOT_TAKEN. */
  public void chooseAlternative(SlotChoice choice) {
    if (choice != null) {
      slot.set(slot.get().at(choice.start()));
      alternatives.clear();
      status.clearError();
    }
  }

  public void book() {
    if (status.busyProperty().get()) {
      return;
    }
    if (patient.get() == null) {
      askedForPatient = true;
      status.refuse(i18n.get("booking.choosePatient")); // a comfort check; the server checks everything
      return;
    }
    BookingSlot target = slot.get();
    boolean overbook = options.overbooking();
    if (overbook && options.repeats()) {
      status.refuse(i18n.get("overbook.noRepeat"));
      return;
    }
    if (overbook && options.overbookReasonProperty().get().isBlank()) {
      status.refuse(i18n.get("overbook.needReason")); // the server requires it too
      return;
    }
    // a walk-in is one visit now: no repeats
    BookingSender.Content content = new BookingSender.Content(target.clinicianId(), target.start(),
        patient.get().getId(), Objects.requireNonNullElse(visitType.get(), VisitType.FOLLOW_UP), reason.get().strip(),
        target.walkIn() ? 1 : options.occurrences(), target.walkIn() ? 0 : options.interval(), overbook,
        overbook ? options.overbookReasonProperty().get().strip() : "", target.walkIn());
    String key = sender.keyFor(content);
    status.call(() -> sender.send(key, content), onBooked, failure -> showFailure(RpcFailure.of(failure)));
  }

  private void showFailure(RpcFailure failure) {
    alternatives.clear();
    String refusal = options.refusal(failure);
    if (!refusal.isEmpty()) {
      status.refuse(refusal);
      return;
    }
    if (failure.is(ErrorReason.SLOT_TAKEN)) {
      BookingSlot target = slot.get();
      failure.nextFreeSlots().forEach(start -> alternatives.add(new SlotChoice(target.clinicianId(), start,
          i18n.format("booking.alternative", text.day(start.atZone(target.zone()).toLocalDate()),
              text.time(start, target.zone()), target.clinicianName()))));
      String hint = options.takenHint();
      status.refuse(!hint.isEmpty() ? hint
          : alternatives.isEmpty() ? errors.describe(failure) : i18n.get("booking.slotTaken"));
      return;
    }
    status.refuse(errors.describe(failure));
  }

  private String describe(BookingSlot target) {
    if (target == null) {
      return "";
    }
    if (target.walkIn()) {
      return i18n.format("walkIn.slot", target.clinicianName());
    }
    return i18n.format("booking.slot", text.day(target.start().atZone(target.zone()).toLocalDate()),
        text.time(target.start(), target.zone()), target.clinicianName());
  }

  private static String name(PatientSummary summary) {
    return summary.getGivenNames().isBlank() ? summary.getFamilyName()
        : summary.getFamilyName() + ", " + summary.getGivenNames();
  }

  public BookingOptions options() {
    return options;
  }

  public PatientSearchViewModel search() {
    return search;
  }

  public ObjectProperty<BookingSlot> slotProperty() {
    return slot;
  }

  public ReadOnlyStringProperty slotTextProperty() {
    return slotText.getReadOnlyProperty();
  }

  public ObjectProperty<PatientSummary> patientProperty() {
    return patient;
  }

  public ReadOnlyStringProperty patientTextProperty() {
    return patientText.getReadOnlyProperty();
  }

  public ObjectProperty<VisitType> visitTypeProperty() {
    return visitType;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }

  public ObservableList<Clinician> clinicians() {
    return clinicians;
  }

  public ObjectProperty<Clinician> clinicianProperty() {
    return clinician;
  }

  public ObservableList<SlotChoice> alternatives() {
    return alternatives;
  }
}
