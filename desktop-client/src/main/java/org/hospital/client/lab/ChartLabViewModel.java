package org.hospital.client.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.reports.Printouts;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.lab.v1.CatalogueTest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.LabResult;
import org.hospital.proto.lab.v1.SpecimenType;

/**
 * The chart's Lab tab: order tests of the catalogue for the open encounter, print the specimen label, and the
 * patient's results by date with the server's flags. Doctors order; nurses see the orders, print labels and
 * record the specimen collected.
 */
public final class ChartLabViewModel {

  /** One line of the results table: a result with the order it belongs to. */
  public record ResultLine(LabOrder order, LabResult result) {}

  private final LabGateway gateway;
  private final I18n i18n;
  private final Printouts printouts;
  private final boolean canOrder;
  private final boolean canCollect;
  private final ActionStatus status;
  private final ObservableList<CatalogueTest> catalogue = FXCollections.observableArrayList();
  private final ObservableList<CatalogueTest> chosen = FXCollections.observableArrayList();
  private final ObservableList<LabOrder> orders = FXCollections.observableArrayList();
  private final ObservableList<ResultLine> results = FXCollections.observableArrayList();
  private final ObjectProperty<LabPriority> priority = new SimpleObjectProperty<>(LabPriority.ROUTINE);
  private final ObjectProperty<SpecimenType> specimen = new SimpleObjectProperty<>();
  private final StringProperty question = new SimpleStringProperty("");
  private final LongProperty patientId = new SimpleLongProperty(0);
  private final LongProperty encounterId = new SimpleLongProperty(0);
  private String orderKey = UUID.randomUUID().toString();

  public ChartLabViewModel(LabGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks,
      Printouts printouts, boolean canOrder, boolean canCollect) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.printouts = printouts;
    this.canOrder = canOrder;
    this.canCollect = canCollect;
    this.status = new ActionStatus(tasks, errors);
    chosen.subscribe(() -> {
      if (!chosen.isEmpty() && (specimen.get() == null || !chosen.getFirst().getSpecimenTypesList()
          .contains(specimen.get()))) {
        specimen.set(chosen.getFirst().getSpecimenTypes(0));
      }
    });
  }

  /** The chart opened a patient (0: none) and, perhaps, an encounter to order for. */
  public void forPatient(long patient, long encounter) {
    boolean other = patient != patientId.get();
    patientId.set(patient);
    encounterId.set(encounter);
    if (other) {
      orders.clear();
      results.clear();
      if (patient > 0) {
        reload();
      }
    }
    if (catalogue.isEmpty() && patient > 0) {
      status.reload(gateway::catalogue, catalogue::setAll);
    }
  }

  public void reload() {
    long patient = patientId.get();
    if (patient > 0) {
      status.reload(() -> gateway.ofPatient(patient), this::showOrders);
    }
  }

  /** Orders the chosen tests for the open encounter; a retry after a lost answer reuses the key. */
  public void placeOrder() {
    if (encounterId.get() == 0) {
      status.refuse(i18n.get("lab.needEncounter"));
      return;
    }
    if (chosen.isEmpty()) {
      status.refuse(i18n.get("lab.chooseTests"));
      return;
    }
    List<String> codes = chosen.stream().map(CatalogueTest::getCode).toList();
    long encounter = encounterId.get();
    String key = orderKey;
    status.run(() -> gateway.place(key, encounter, codes, priority.get(), question.get().strip(),
        specimen.get()), o -> {
          orderKey = UUID.randomUUID().toString();
          chosen.clear();
          question.set("");
          reload();
          return i18n.format("lab.orderedNotice", o.getAccession());
        });
  }

  public void printLabel(LabOrder o) {
    if (o == null) {
      status.refuse(i18n.get("lab.chooseOrder"));
      return;
    }
    status.run(() -> {
      var pdf = gateway.label(o.getId());
      return printouts.save(pdf.getFileName(), pdf.getContent().toByteArray());
    }, file -> {
      printouts.open(file);
      return i18n.format("lab.labelSaved", file.getFileName());
    });
  }

  /** The nurse took the specimen now (at the bedside, with the printed label on the tube). */
  public void collect(LabOrder o) {
    if (o == null) {
      status.refuse(i18n.get("lab.chooseOrder"));
      return;
    }
    status.run(() -> gateway.collect(o), done -> {
      reload();
      return i18n.format("lab.collectedNotice", done.getAccession());
    });
  }

  /** The doctor withdraws an order the lab has not resulted (a duplicate, the wrong test, the patient left). */
  public void cancel(LabOrder o, String reason) {
    if (o == null) {
      status.refuse(i18n.get("lab.chooseOrder"));
      return;
    }
    if (reason == null || reason.isBlank()) {
      status.refuse(i18n.get("lab.cancelReasonRequired"));
      return;
    }
    status.run(() -> gateway.cancel(o, reason.strip()), done -> {
      reload();
      return i18n.format("lab.cancelledNotice", done.getAccession());
    });
  }

  private void showOrders(List<LabOrder> found) {
    orders.setAll(found);
    List<ResultLine> lines = new ArrayList<>();
    for (LabOrder o : found) {
      o.getResultsList().forEach(r -> lines.add(new ResultLine(o, r)));
    }
    results.setAll(lines);
  }

  public boolean canOrder() {
    return canOrder;
  }

  public boolean canCollect() {
    return canCollect;
  }

  public ObservableList<CatalogueTest> catalogue() {
    return catalogue;
  }

  public ObservableList<CatalogueTest> chosen() {
    return chosen;
  }

  public ObservableList<LabOrder> orders() {
    return orders;
  }

  public ObservableList<ResultLine> results() {
    return results;
  }

  public ObjectProperty<LabPriority> priorityProperty() {
    return priority;
  }

  public ObjectProperty<SpecimenType> specimenProperty() {
    return specimen;
  }

  public StringProperty questionProperty() {
    return question;
  }

  public LongProperty encounterIdProperty() {
    return encounterId;
  }

  public ActionStatus status() {
    return status;
  }
}
