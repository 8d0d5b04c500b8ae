package org.hospital.client.ward;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.FieldProblem;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.wards.v1.Consciousness;
import org.hospital.proto.wards.v1.Observations;

/**
 * The vital-signs form: what the nurse typed, one error per field. The workstation only checks that numbers
 * are numbers; the plausible ranges are the server's, and its answers are shown at the fields they name.
 */
public final class VitalsForm {

  /** The request's field names (after "observations."), in the form's order. */
  public static final String TEMPERATURE = "temperature_decicelsius";
  public static final String PULSE = "pulse_per_minute";
  public static final String SYSTOLIC = "systolic_mmhg";
  public static final String DIASTOLIC = "diastolic_mmhg";
  public static final String RESPIRATION = "respiratory_rate_per_minute";
  public static final String SPO2 = "spo2_percent";
  public static final String CONSCIOUSNESS = "consciousness";
  public static final String PAIN = "pain_score";

  private final Map<String, StringProperty> values = new LinkedHashMap<>();
  private final Map<String, StringProperty> errors = new LinkedHashMap<>();
  private final BooleanProperty onOxygen = new SimpleBooleanProperty();
  private final ObjectProperty<Consciousness> consciousness = new SimpleObjectProperty<>(Consciousness.ALERT);
  private final I18n i18n;

  public VitalsForm(I18n i18n) {
    this.i18n = i18n;
    for (String f : new String[] {TEMPERATURE, PULSE, SYSTOLIC, DIASTOLIC, RESPIRATION, SPO2, CONSCIOUSNESS, PAIN}) {
      values.put(f, new SimpleStringProperty(""));
      errors.put(f, new SimpleStringProperty(""));
    }
  }

  public StringProperty value(String field) {
    return values.get(field);
  }

  public StringProperty error(String field) {
    return errors.get(field);
  }

  public BooleanProperty onOxygenProperty() {
    return onOxygen;
  }

  public ObjectProperty<Consciousness> consciousnessProperty() {
    return consciousness;
  }

  public void clearErrors() {
    errors.values().forEach(e -> e.set(""));
  }

  public void clear() {
    values.values().forEach(v -> v.set(""));
    onOxygen.set(false);
    consciousness.set(Consciousness.ALERT);
    clearErrors();
  }

  /** The observations, or null with the fields that are not numbers marked. */
  public Observations toObservations() {
    clearErrors();
    Observations.Builder b = Observations.newBuilder();
    Integer temperature = tenths(TEMPERATURE);
    Integer pulse = whole(PULSE, true);
    Integer systolic = whole(SYSTOLIC, true);
    Integer diastolic = whole(DIASTOLIC, true);
    Integer respiration = whole(RESPIRATION, true);
    Integer spo2 = whole(SPO2, true);
    Integer pain = whole(PAIN, false);
    if (errors.values().stream().anyMatch(e -> !e.get().isEmpty())) {
      return null;
    }
    b.setTemperatureDecicelsius(temperature).setPulsePerMinute(pulse).setSystolicMmhg(systolic)
        .setDiastolicMmhg(diastolic).setRespiratoryRatePerMinute(respiration).setSpo2Percent(spo2)
        .setOnOxygen(onOxygen.get())
        .setConsciousness(consciousness.get() == null ? Consciousness.CONSCIOUSNESS_UNSPECIFIED : consciousness.get());
    if (pain != null) {
      b.setPainScore(pain);
    }
    return b.build();
  }

  /** Shows a problem the server named at its field; false when the field is not on this form. */
  public boolean show(FieldProblem problem, String message) {
    String field = problem.field().startsWith("observations.") ? problem.field().substring(13) : problem.field();
    StringProperty e = errors.get(field);
    if (e == null) {
      return false;
    }
    e.set(message);
    return true;
  }

  private Integer tenths(String field) {
    String text = values.get(field).get().strip().replace(',', '.');
    if (text.isEmpty()) {
      errors.get(field).set(i18n.get("error.field.REQUIRED"));
      return null;
    }
    try {
      return new BigDecimal(text).movePointRight(1).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      errors.get(field).set(i18n.get("ward.vitals.notANumber"));
      return null;
    }
  }

  private Integer whole(String field, boolean required) {
    String text = values.get(field).get().strip();
    if (text.isEmpty()) {
      if (required) {
        errors.get(field).set(i18n.get("error.field.REQUIRED"));
      }
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      errors.get(field).set(i18n.get("ward.vitals.notANumber"));
      return null;
    }
  }
}
