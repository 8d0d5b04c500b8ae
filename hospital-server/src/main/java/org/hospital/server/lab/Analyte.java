package org.hospital.server.lab;

import java.math.BigDecimal;
import java.util.List;
import org.hospital.server.patients.Sex;

/**
 * One measured quantity of a test (potassium, haemoglobin, urine nitrite), with its LOINC code. Numeric analytes
 * have a UCUM unit, reference ranges by sex and age band and, where the lab phones the doctor, critical limits;
 * coded analytes have their allowed codes, the normal one first.
 */
public record Analyte(String code, String name, Kind kind, String unit, List<Range> ranges, BigDecimal criticalLow,
    BigDecimal criticalHigh, List<String> codes) {

  public enum Kind { NUMERIC, CODED }

  /**
   * A reference range for one sex (null: either) and ages {@code fromYears} (inclusive) to {@code toYears}
   * (exclusive). A null bound is open: HDL has only a low limit, LDL only a high one.
   */
  public record Range(Sex sex, int fromYears, int toYears, BigDecimal low, BigDecimal high) {
    boolean covers(Sex s, int age) {
      return (sex == null || sex == s) && age >= fromYears && age < toYears;
    }

    /** As printed next to a value: "3.5-5.1", "<200", ">40". */
    public String text() {
      if (low == null) {
        return "<" + high.toPlainString();
      }
      if (high == null) {
        return ">" + low.toPlainString();
      }
      return low.toPlainString() + "-" + high.toPlainString();
    }
  }

  public Analyte {
    ranges = List.copyOf(ranges);
    codes = List.copyOf(codes);
  }

  public String normalCode() {
    return codes.isEmpty() ? null : codes.get(0);
  }

  /**
   * The range for this patient: the first that names their sex and age; for a patient recorded with another or
   * unknown sex, the span of the ranges for their age (so that no value is flagged on a guess of sex).
   */
  public Range rangeFor(Sex sex, int age) {
    if (sex == Sex.FEMALE || sex == Sex.MALE) {
      for (Range r : ranges) {
        if (r.covers(sex, age)) {
          return r;
        }
      }
      return null;
    }
    Range span = null;
    for (Range r : ranges) {
      if (r.fromYears <= age && age < r.toYears) {
        span = span == null ? r : new Range(null, r.fromYears, r.toYears, min(span.low, r.low), max(span.high,
            r.high));
      }
    }
    return span;
  }

  private static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : a.min(b);
  }

  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : a.max(b);
  }
}
