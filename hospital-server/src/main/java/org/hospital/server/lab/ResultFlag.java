package org.hospital.server.lab;

import java.math.BigDecimal;

/** What a result means for this patient; computed by the server, never taken from the client. Stored by name. */
public enum ResultFlag {
  NORMAL, LOW, HIGH, CRITICAL_LOW, CRITICAL_HIGH, ABNORMAL;

  /** A numeric value against the patient's range and the analyte's critical limits (critical wins). */
  static ResultFlag of(Analyte a, Analyte.Range range, BigDecimal value) {
    if (a.criticalLow() != null && value.compareTo(a.criticalLow()) < 0) {
      return CRITICAL_LOW;
    }
    if (a.criticalHigh() != null && value.compareTo(a.criticalHigh()) > 0) {
      return CRITICAL_HIGH;
    }
    if (range == null) {
      return NORMAL;
    }
    if (range.low() != null && value.compareTo(range.low()) < 0) {
      return LOW;
    }
    if (range.high() != null && value.compareTo(range.high()) > 0) {
      return HIGH;
    }
    return NORMAL;
  }

  /** A coded value: anything but the analyte's normal code is abnormal. */
  static ResultFlag of(Analyte a, String code) {
    return code.equals(a.normalCode()) ? NORMAL : ABNORMAL;
  }
}
