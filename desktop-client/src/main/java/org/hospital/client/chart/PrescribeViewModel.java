package org.hospital.client.chart;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.clinical.v1.FormularyProduct;
import org.hospital.proto.clinical.v1.Frequency;
import org.hospital.proto.clinical.v1.MedicationSetting;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionOrder;
import org.hospital.proto.common.v1.ErrorReason;

/**
 * The prescribe form: a product found by typing (or by scanning its barcode), the dose and directions, then
 * "Check" shows the server's alerts; every interruptive alert needs a reason before "Sign" is allowed. The
 * server checks again at signing, so an alert that appeared in between is shown and asked about too.
 */
public final class PrescribeViewModel {

  private final ChartGateway gateway;
  private final I18n i18n;
  private final TaskRunner tasks;
  private final ErrorMessages errors;
  private final Consumer<Prescription> onSigned;
  private final ActionStatus status;
  private final StringProperty productQuery = new SimpleStringProperty("");
  private final ObservableList<FormularyProduct> products = FXCollections.observableArrayList();
  private final ObjectProperty<FormularyProduct> product = new SimpleObjectProperty<>();
  private final StringProperty dose = new SimpleStringProperty("");
  private final StringProperty doseUnit = new SimpleStringProperty("mg");
  private final StringProperty route = new SimpleStringProperty("oral");
  private final ObjectProperty<Frequency> frequency = new SimpleObjectProperty<>(Frequency.DAILY);
  private final StringProperty days = new SimpleStringProperty("");
  private final StringProperty quantity = new SimpleStringProperty("");
  private final StringProperty quantityUnit = new SimpleStringProperty("tablets");
  private final StringProperty refills = new SimpleStringProperty("0");
  private final StringProperty instructions = new SimpleStringProperty("");
  private final StringProperty prnIndication = new SimpleStringProperty("");
  private final StringProperty prnInterval = new SimpleStringProperty("");
  private final ObjectProperty<Prescription> replacing = new SimpleObjectProperty<>();
  private final ObservableList<AlertRow> alerts = FXCollections.observableArrayList();
  private final BooleanProperty checked = new SimpleBooleanProperty(false);
  private long patientId;
  private long encounterId;
  private String key = UUID.randomUUID().toString();
  private long productSequence;

  PrescribeViewModel(ChartGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks,
      Consumer<Prescription> onSigned) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.tasks = tasks;
    this.errors = errors;
    this.onSigned = onSigned;
    this.status = new ActionStatus(tasks, errors);
    productQuery.subscribe(this::searchProducts);
    product.subscribe(p -> {
      if (p != null && !p.getRoute().isEmpty()) {
        route.set(p.getRoute());
      }
      if (p != null && !p.getDoseUnit().isEmpty()) {
        doseUnit.set(p.getDoseUnit());
      }
      changed();
    });
    for (StringProperty field : new StringProperty[] {dose, doseUnit, route, days, quantity, refills, prnIndication,
        prnInterval}) {
      field.subscribe(v -> changed());
    }
    frequency.subscribe(f -> changed());
  }

  void forPatient(long patientId, long encounterId) {
    this.patientId = patientId;
    this.encounterId = encounterId;
    clear();
  }

  /**
   * A change: the form starts from the active prescription, and signing stops it (as changed) and links the new
   * one to it, in one transaction on the server.
   */
  public void changeFrom(Prescription current) {
    clear();
    product.set(current.getProduct());
    dose.set(plain(current.getDose()));
    doseUnit.set(current.getDoseUnit());
    route.set(current.getRoute());
    frequency.set(current.getFrequency());
    prnIndication.set(current.getPrnIndication());
    prnInterval.set(current.getPrnMinIntervalHours() == 0 ? "" : Integer.toString(current.getPrnMinIntervalHours()));
    quantity.set(current.getQuantity() == 0 ? "" : plain(current.getQuantity()));
    quantityUnit.set(current.getQuantityUnit().isEmpty() ? quantityUnit.get() : current.getQuantityUnit());
    refills.set(Integer.toString(current.getRefills()));
    instructions.set(current.getInstructions());
    replacing.set(current);
    changed();
  }

  /** Gives up the change (or the order being written): the form is empty again. */
  public void cancel() {
    clear();
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** What is checked is what is signed: any change asks for a new check. */
  private void changed() {
    checked.set(false);
    alerts.clear();
  }

  private void searchProducts(String query) {
    long mine = ++productSequence;
    if (query == null || query.strip().length() < 2) {
      products.clear();
      return;
    }
    tasks.run(() -> gateway.searchFormulary(query.strip()), result -> {
      if (mine == productSequence) {
        products.setAll(result);
        if (result.size() == 1 && query.strip().matches("\\d{8,14}")) {
          product.set(result.getFirst()); // a scanned barcode names one product
        }
      }
    }, status::fail);
  }

  public void check() {
    PrescriptionOrder order = order();
    if (order == null) {
      return;
    }
    long replacesId = replacing.get() == null ? 0 : replacing.get().getId();
    status.run(() -> gateway.check(order, replacesId), found -> {
      alerts.setAll(found.stream().map(AlertRow::new).toList());
      checked.set(true);
      return found.isEmpty() ? i18n.get("prescribe.noAlerts") : i18n.format("prescribe.alerts", found.size());
    });
  }

  public void sign() {
    PrescriptionOrder order = order();
    if (order == null) {
      return;
    }
    if (!checked.get()) {
      status.refuse(i18n.get("prescribe.checkFirst"));
      return;
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    for (AlertRow row : alerts) {
      String reason = row.reason().get().strip();
      if (row.alert().getInterruptive() && reason.length() < 3) {
        status.refuse(i18n.get("prescribe.reasonNeeded"));
        return;
      }
      if (!reason.isEmpty()) {
        overrides.put(row.alert().getKey(), reason);
      }
    }
    String myKey = key;
    Prescription replaced = replacing.get();
    status.run(() -> gateway.sign(myKey, order, overrides, replaced), signed -> {
      onSigned.accept(signed);
      clear();
      return i18n.format("prescribe.signed", signed.getProduct().getName());
    }, failure -> {
      RpcFailure rpc = RpcFailure.of(failure);
      if (rpc.is(ErrorReason.OVERRIDE_REQUIRED)) {
        check(); // something changed since the check: show what is true now
        return i18n.get("prescribe.newAlerts");
      }
      return errors.describe(rpc);
    });
  }

  private void clear() {
    key = UUID.randomUUID().toString();
    product.set(null);
    productQuery.set("");
    dose.set("");
    days.set("");
    quantity.set("");
    refills.set("0");
    instructions.set("");
    prnIndication.set("");
    prnInterval.set("");
    frequency.set(Frequency.DAILY);
    replacing.set(null);
    changed();
  }

  /** The order from the form, or null with the reason shown. */
  private PrescriptionOrder order() {
    FormularyProduct p = product.get();
    if (p == null) {
      status.refuse(i18n.get("prescribe.chooseProduct"));
      return null;
    }
    try {
      PrescriptionOrder.Builder b = PrescriptionOrder.newBuilder().setPatientId(patientId).setEncounterId(encounterId)
          .setProductId(p.getId()).setSetting(MedicationSetting.MEDICATION_OUTPATIENT)
          .setDose(number(dose.get())).setDoseUnit(doseUnit.get()).setRoute(route.get())
          .setFrequency(frequency.get()).setDurationDays((int) number(days.get()))
          .setQuantity(number(quantity.get())).setQuantityUnit(quantity.get().isBlank() ? "" : quantityUnit.get())
          .setRefills((int) number(refills.get())).setInstructions(instructions.get());
      if (frequency.get() == Frequency.PRN) {
        b.setPrnIndication(prnIndication.get().strip()).setPrnMinIntervalHours((int) number(prnInterval.get()));
      }
      return b.build();
    } catch (NumberFormatException e) {
      status.refuse(i18n.get("prescribe.notANumber"));
      return null;
    }
  }

  private static double number(String s) {
    String t = s.strip().replace(',', '.');
    return t.isEmpty() ? 0 : Double.parseDouble(t);
  }

  /** An alert and the reason typed to override it. */
  public record AlertRow(org.hospital.proto.clinical.v1.PrescribingAlert alert, StringProperty reason) {
    AlertRow(org.hospital.proto.clinical.v1.PrescribingAlert alert) {
      this(alert, new SimpleStringProperty(""));
    }
  }

  public StringProperty productQueryProperty() { return productQuery; }
  public ObservableList<FormularyProduct> products() { return products; }
  public ObjectProperty<FormularyProduct> productProperty() { return product; }
  public StringProperty doseProperty() { return dose; }
  public StringProperty doseUnitProperty() { return doseUnit; }
  public StringProperty routeProperty() { return route; }
  public ObjectProperty<Frequency> frequencyProperty() { return frequency; }
  public StringProperty daysProperty() { return days; }
  public StringProperty quantityProperty() { return quantity; }
  public StringProperty quantityUnitProperty() { return quantityUnit; }
  public StringProperty refillsProperty() { return refills; }
  public StringProperty instructionsProperty() { return instructions; }
  public StringProperty prnIndicationProperty() { return prnIndication; }
  public StringProperty prnIntervalProperty() { return prnInterval; }
  public ObjectProperty<Prescription> replacingProperty() { return replacing; }
  public ObservableList<AlertRow> alerts() { return alerts; }
  public BooleanProperty checkedProperty() { return checked; }
  public ActionStatus status() { return status; }
}
