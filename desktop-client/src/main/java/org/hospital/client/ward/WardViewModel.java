package org.hospital.client.ward;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.FieldProblem;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.reports.Printouts;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.wards.v1.AdmitPatientRequest;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BedState;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.proto.wards.v1.Census;
import org.hospital.proto.wards.v1.DischargeDestination;
import org.hospital.proto.wards.v1.DischargePatientRequest;
import org.hospital.proto.wards.v1.Observations;
import org.hospital.proto.wards.v1.TransferPatientRequest;
import org.hospital.proto.wards.v1.Ward;

/**
 * The Ward area: the live bed board of the chosen ward (tiles, census), the selected bed, and what a nurse
 * does with it: admit a patient found by name or MRN, record vitals (NEWS2 comes back from the server),
 * transfer, discharge, mark clean, block and release. Every change arrives back through the board's stream,
 * like another desk's.
 */
public final class WardViewModel implements AutoCloseable {

  private final WardGateway gateway;
  private final PatientDirectory patients;
  private final I18n i18n;
  private final ErrorMessages errors;
  private final Clock clock;
  private final ActionStatus status;
  private final LiveFeed<BedBoardUpdate, BedTile> feed;
  private final Printouts printouts;
  /** The stay just admitted at this desk, whose wristband the notice offers to print; null otherwise. */
  private final ObjectProperty<org.hospital.proto.wards.v1.Stay> admitted = new SimpleObjectProperty<>();

  private final ObservableList<Ward> wards = FXCollections.observableArrayList();
  private final ObjectProperty<Ward> ward = new SimpleObjectProperty<>();
  private final ObservableList<BedTile> tiles = FXCollections.observableArrayList();
  private final StringProperty census = new SimpleStringProperty("");
  private final ObjectProperty<BedTile> selected = new SimpleObjectProperty<>();

  private final StringProperty patientQuery = new SimpleStringProperty("");
  private final ObservableList<PatientSummary> matches = FXCollections.observableArrayList();
  private final ObjectProperty<PatientSummary> patient = new SimpleObjectProperty<>();
  private final ObservableList<Clinician> doctors = FXCollections.observableArrayList();
  private final ObjectProperty<Clinician> doctor = new SimpleObjectProperty<>();
  private final StringProperty reason = new SimpleStringProperty("");
  private final StringProperty reasonError = new SimpleStringProperty("");

  private final ObservableList<BedTile> freeBeds = FXCollections.observableArrayList();
  private final ObjectProperty<BedTile> transferTo = new SimpleObjectProperty<>();
  private final ObjectProperty<DischargeDestination> destination = new SimpleObjectProperty<>(
      DischargeDestination.HOME);
  private final StringProperty blockReason = new SimpleStringProperty("");
  private final VitalsForm vitals;
  private final StringProperty lastNews2 = new SimpleStringProperty("");
  private final boolean managesBeds;
  private final boolean chartsVitals;

  /**
   * @param managesBeds whether the user moves patients and runs the beds (nurses, administrators; decision
   *     0701): doctors and reception admit, and are not offered what the server would refuse them
   * @param chartsVitals whether the user records observations (nurses, doctors): reception finds beds and
   *     admits, and sees no scores
   */
  public WardViewModel(WardGateway gateway, PatientDirectory patients, I18n i18n, ErrorMessages errors,
      TaskRunner tasks, Executor ui, UiScheduler scheduler, Clock clock, boolean managesBeds,
      boolean chartsVitals, Printouts printouts) {
    this.printouts = printouts;
    this.managesBeds = managesBeds;
    this.chartsVitals = chartsVitals;
    this.gateway = gateway;
    this.patients = patients;
    this.i18n = i18n;
    this.errors = errors;
    this.clock = clock;
    this.status = new ActionStatus(tasks, errors);
    this.vitals = new VitalsForm(i18n);
    this.feed = BedBoardFeed.create(gateway, this::wardsArrived, ui, scheduler);
    feed.revisionProperty().addListener((obs, old, now) -> redraw());
    ward.addListener((obs, old, now) -> {
      selected.set(null);
      redraw();
    });
    selected.addListener((obs, old, now) -> {
      if (old == null || now == null || old.getBed().getId() != now.getBed().getId()) {
        vitals.clear();
        lastNews2.set("");
        reasonError.set("");
      }
    });
  }

  /** Opens the board's stream and loads the doctors for admissions. On the UI thread. */
  public void start() {
    feed.start();
    status.reload(gateway::doctors, list -> {
      doctors.setAll(list);
      if (doctor.get() == null && !list.isEmpty()) {
        doctor.set(list.getFirst());
      }
    });
  }

  @Override
  public void close() {
    feed.close();
  }

  private void wardsArrived(List<Ward> list) {
    if (!list.equals(wards)) {
      wards.setAll(list);
    }
    if (ward.get() == null || list.stream().noneMatch(w -> w.getId() == ward.get().getId())) {
      ward.set(list.isEmpty() ? null : list.getFirst());
    }
  }

  private void redraw() {
    Ward w = ward.get();
    List<BedTile> all = feed.items();
    List<BedTile> shown = w == null ? List.of() : all.stream().filter(t -> t.getBed().getWardId() == w.getId())
        .toList();
    tiles.setAll(shown);
    census.set(w == null ? "" : BedTileText.census(censusOf(w.getId(), shown), i18n));
    freeBeds.setAll(all.stream().filter(t -> t.getBed().getState() == BedState.FREE
        || t.getBed().getState() == BedState.RESERVED).sorted(Comparator.comparing((BedTile t) -> wardName(t))
        .thenComparing(t -> t.getBed().getLabel())).toList());
    BedTile s = selected.get();
    if (s != null) {
      selected.set(feed.item(s.getBed().getId()).orElse(null));
    }
  }

  /** Counted from the tiles on the workstation, so that it always agrees with what the board shows. */
  static Census censusOf(long wardId, List<BedTile> tiles) {
    Census.Builder c = Census.newBuilder().setWardId(wardId).setBeds(tiles.size());
    for (BedTile t : tiles) {
      switch (t.getBed().getState()) {
        case FREE -> c.setFree(c.getFree() + 1);
        case RESERVED -> c.setReserved(c.getReserved() + 1);
        case OCCUPIED -> c.setOccupied(c.getOccupied() + 1);
        case NEEDS_CLEANING -> c.setNeedsCleaning(c.getNeedsCleaning() + 1);
        case BLOCKED -> c.setBlocked(c.getBlocked() + 1);
        default -> { }
      }
    }
    return c.build();
  }

  public String wardName(BedTile t) {
    return wards.stream().filter(w -> w.getId() == t.getBed().getWardId()).map(Ward::getName).findFirst()
        .orElse("");
  }

  /** Finds patients by name or MRN with the patient search the front desk uses. */
  public void searchPatients() {
    String q = patientQuery.get().strip();
    if (q.isEmpty()) {
      status.refuse(i18n.get("ward.admit.typeName"));
      return;
    }
    status.call(() -> patients.search(q, ""), r -> {
      matches.setAll(r.getResultsList());
      patient.set(matches.isEmpty() ? null : matches.getFirst());
      if (matches.isEmpty()) {
        status.say(i18n.get("ward.admit.noMatch"));
      }
    }, status::fail);
  }

  public void admit() {
    BedTile bed = selected.get();
    if (bed == null || patient.get() == null || doctor.get() == null) {
      status.refuse(i18n.get("ward.admit.choosePatient"));
      return;
    }
    reasonError.set("");
    PatientSummary p = patient.get();
    AdmitPatientRequest r = AdmitPatientRequest.newBuilder().setPatientId(p.getId()).setBedId(bed.getBed().getId())
        .setExpectedBedVersion(bed.getBed().getVersion()).setAdmittingDoctorId(doctor.get().getId())
        .setReason(reason.get()).build();
    write(() -> gateway.admit(r), done -> {
      admitted.set(done);
      matches.clear();
      patient.set(null);
      patientQuery.set("");
      reason.set("");
      return i18n.format("ward.admitted", p.getFamilyName() + ", " + p.getGivenNames(), bed.getBed().getLabel());
    }, problem -> {
      if (problem.field().equals("reason")) {
        reasonError.set(errors.fieldMessage(problem));
        return true;
      }
      return false;
    });
  }

  public void recordVitals() {
    BedTile bed = selected.get();
    if (bed == null || !bed.hasOccupant()) {
      return;
    }
    Observations o = vitals.toObservations();
    if (o == null) {
      status.refuse(i18n.get("ward.vitals.fix"));
      return;
    }
    write(() -> gateway.recordVitals(bed.getOccupant().getStayId(), o), v -> {
      lastNews2.set(BedTileText.news2(v.getNews2(), i18n));
      vitals.clear();
      return i18n.format("ward.vitals.recorded", bed.getBed().getLabel(), v.getNews2().getTotal());
    }, problem -> vitals.show(problem, errors.fieldMessage(problem)));
  }

  public void transfer() {
    BedTile bed = selected.get();
    BedTile to = transferTo.get();
    if (bed == null || !bed.hasOccupant() || to == null) {
      status.refuse(i18n.get("ward.transfer.chooseBed"));
      return;
    }
    TransferPatientRequest r = TransferPatientRequest.newBuilder().setStayId(bed.getOccupant().getStayId())
        .setExpectedVersion(bed.getOccupant().getStayVersion()).setToBedId(to.getBed().getId())
        .setExpectedBedVersion(to.getBed().getVersion()).build();
    write(() -> gateway.transfer(r), s -> {
      transferTo.set(null);
      return i18n.format("ward.transferred", bed.getOccupant().getDisplayName(), wardName(to) + " "
          + to.getBed().getLabel());
    }, p -> false);
  }

  public void discharge() {
    BedTile bed = selected.get();
    if (bed == null || !bed.hasOccupant() || destination.get() == null) {
      return;
    }
    DischargePatientRequest r = DischargePatientRequest.newBuilder().setStayId(bed.getOccupant().getStayId())
        .setExpectedVersion(bed.getOccupant().getStayVersion()).setDestination(destination.get()).build();
    write(() -> gateway.discharge(r), s -> i18n.format("ward.discharged", bed.getOccupant().getDisplayName()),
        p -> false);
  }

  public void markClean() {
    bedChange(b -> gateway.markClean(b.getId(), b.getVersion()), "ward.cleaned");
  }

  public void release() {
    bedChange(b -> gateway.release(b.getId(), b.getVersion()), "ward.released");
  }

  public void block() {
    String why = blockReason.get();
    bedChange(b -> gateway.block(b.getId(), b.getVersion(), why), "ward.blocked");
    blockReason.set("");
  }

  private void bedChange(Function<org.hospital.proto.wards.v1.Bed, ?> change, String doneKey) {
    BedTile bed = selected.get();
    if (bed == null) {
      return;
    }
    write(() -> change.apply(bed.getBed()), x -> i18n.format(doneKey, bed.getBed().getLabel()), p -> false);
  }

  /** Prints the wristband of the patient in the selected bed and opens it. */
  public void printWristband() {
    BedTile bed = selected.get();
    if (bed != null && bed.hasOccupant()) {
      printWristband(bed.getOccupant().getStayId());
    }
  }

  /** Prints the wristband of the patient just admitted, as the admission's notice offers. */
  public void printAdmittedWristband() {
    if (admitted.get() != null) {
      printWristband(admitted.get().getId());
    }
  }

  private void printWristband(long stayId) {
    print(() -> gateway.wristband(stayId), "ward.print.wristbandSaved");
  }

  /** Prints one sheet of labels of the patient in the selected bed and opens it. */
  public void printLabels() {
    BedTile bed = selected.get();
    if (bed != null && bed.hasOccupant()) {
      // 0: the server's one sheet
      print(() -> gateway.labels(bed.getOccupant().getStayId(), 0), "ward.print.labelsSaved");
    }
  }

  private void print(java.util.concurrent.Callable<org.hospital.proto.reports.v1.PdfDocument> work,
      String savedKey) {
    status.run(() -> {
      var pdf = work.call();
      return printouts.save(pdf.getFileName(), pdf.getContent().toByteArray());
    }, file -> {
      admitted.set(null); // printed, or the nurse chose labels first: the offer has done its work
      printouts.open(file);
      return i18n.format(savedKey, file.getFileName());
    });
  }

  /** Runs a write; field problems go to the fields that {@code atField} places, the rest to the banner. */
  private <T> void write(java.util.concurrent.Callable<T> work, Function<T, String> success,
      java.util.function.Predicate<FieldProblem> atField) {
    status.call(work, result -> status.say(success.apply(result)), failure -> {
      List<FieldProblem> problems = RpcFailure.of(failure).fieldProblems();
      boolean allPlaced = !problems.isEmpty();
      for (FieldProblem p : problems) {
        allPlaced &= atField.test(p);
      }
      if (allPlaced) {
        status.refuse(i18n.get("ward.fixFields"));
      } else {
        status.fail(failure);
      }
    });
  }

  public Optional<BedTile> tile(long bedId) {
    return feed.item(bedId);
  }

  public ObservableList<Ward> wards() { return wards; }
  public ObjectProperty<Ward> wardProperty() { return ward; }
  public ObservableList<BedTile> tiles() { return tiles; }
  public StringProperty censusProperty() { return census; }
  public ObjectProperty<BedTile> selectedProperty() { return selected; }
  public StringProperty patientQueryProperty() { return patientQuery; }
  public ObservableList<PatientSummary> matches() { return matches; }
  public ObjectProperty<PatientSummary> patientProperty() { return patient; }
  public ObservableList<Clinician> doctors() { return doctors; }
  public ObjectProperty<Clinician> doctorProperty() { return doctor; }
  public StringProperty reasonProperty() { return reason; }
  public StringProperty reasonErrorProperty() { return reasonError; }
  public ObservableList<BedTile> freeBeds() { return freeBeds; }
  public ObjectProperty<BedTile> transferToProperty() { return transferTo; }
  public ObjectProperty<DischargeDestination> destinationProperty() { return destination; }
  public StringProperty blockReasonProperty() { return blockReason; }
  public VitalsForm vitals() { return vitals; }
  public StringProperty lastNews2Property() { return lastNews2; }
  public ActionStatus status() { return status; }
  public LiveFeed<BedBoardUpdate, BedTile> feed() { return feed; }
  public ObjectProperty<org.hospital.proto.wards.v1.Stay> admittedProperty() { return admitted; }
  public Clock clock() { return clock; }
  public boolean managesBeds() { return managesBeds; }
  public boolean chartsVitals() { return chartsVitals; }
}
