package org.hospital.server.wards.vitals;

import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.Violations;

/**
 * What a measurement can plausibly be on a living patient: wide enough for the sickest (a temperature of
 * 25 °C in deep hypothermia, a pulse of 250), narrow enough to catch a slipped digit (370 °C, a pulse of 7 for
 * 70). Every field out of range is reported at once.
 */
public final class VitalsRanges {

  public static final int MIN_TEMPERATURE_DC = 250;
  public static final int MAX_TEMPERATURE_DC = 450;
  public static final int MIN_PULSE = 20;
  public static final int MAX_PULSE = 250;
  public static final int MIN_SYSTOLIC = 40;
  public static final int MAX_SYSTOLIC = 300;
  public static final int MIN_DIASTOLIC = 10;
  public static final int MAX_DIASTOLIC = 200;
  public static final int MIN_RESPIRATION = 3;
  public static final int MAX_RESPIRATION = 80;
  public static final int MIN_SPO2 = 50;
  public static final int MAX_SPO2 = 100;

  private VitalsRanges() {}

  /** Adds a violation per implausible field, named {@code prefix + field}. */
  public static void check(Violations v, String prefix, Observations o) {
    range(v, prefix + "temperature_decicelsius", o.temperatureDecicelsius(), MIN_TEMPERATURE_DC,
        MAX_TEMPERATURE_DC);
    range(v, prefix + "pulse_per_minute", o.pulse(), MIN_PULSE, MAX_PULSE);
    range(v, prefix + "systolic_mmhg", o.systolic(), MIN_SYSTOLIC, MAX_SYSTOLIC);
    range(v, prefix + "diastolic_mmhg", o.diastolic(), MIN_DIASTOLIC, MAX_DIASTOLIC);
    if (!v.has(prefix + "systolic_mmhg") && !v.has(prefix + "diastolic_mmhg") && o.diastolic() >= o.systolic()) {
      v.add(prefix + "diastolic_mmhg", FieldViolationCode.OUT_OF_RANGE);
    }
    range(v, prefix + "respiratory_rate_per_minute", o.respiratoryRate(), MIN_RESPIRATION, MAX_RESPIRATION);
    range(v, prefix + "spo2_percent", o.spo2(), MIN_SPO2, MAX_SPO2);
    if (o.consciousness() == null) {
      v.add(prefix + "consciousness", FieldViolationCode.REQUIRED);
    }
    if (o.painScore() != null) {
      range(v, prefix + "pain_score", o.painScore(), 0, 10);
    }
  }

  private static void range(Violations v, String field, int value, int min, int max) {
    if (value == 0) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (value < min || value > max) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
  }
}
