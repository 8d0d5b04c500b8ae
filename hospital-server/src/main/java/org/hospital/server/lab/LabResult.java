package org.hospital.server.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hospital.server.persistence.DbTime;

/** One analyte's value on an order, with the flag and range the server applied. At most one per analyte. */
@Entity
@Table(name = "lab_result")
public class LabResult {

  public enum Status { PRELIMINARY, FINAL, CORRECTED }

  @Id
  @SequenceGenerator(name = "lab_id", sequenceName = "lab_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lab_id")
  private long id;

  @Column(name = "order_id", nullable = false, updatable = false) private long orderId;
  @Column(name = "analyte_code", nullable = false, updatable = false) private String analyteCode;
  @Column(name = "numeric_value") private BigDecimal numericValue;
  @Column(name = "coded_value") private String codedValue;
  @Column(name = "unit") private String unit;
  @Enumerated(EnumType.STRING) @Column(name = "flag", nullable = false) private ResultFlag flag;
  @Column(name = "reference_range") private String referenceRange;
  @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false) private Status status;
  @Column(name = "entered_by", nullable = false) private String enteredBy;
  @Column(name = "entered_at", nullable = false) private OffsetDateTime enteredAt;
  @Version @Column(name = "version") private long version;

  protected LabResult() {}

  static LabResult of(long orderId, ResultValue v, String by, Instant at) {
    LabResult r = new LabResult();
    r.orderId = orderId;
    r.analyteCode = v.analyte().code();
    r.set(v, Status.PRELIMINARY, by, at);
    return r;
  }

  void set(ResultValue v, Status s, String by, Instant at) {
    numericValue = v.number();
    codedValue = v.code();
    unit = v.number() == null ? null : v.analyte().unit();
    flag = v.flag();
    referenceRange = v.range() == null ? null : v.range().text();
    status = s;
    enteredBy = by;
    enteredAt = DbTime.toDb(at);
  }

  void markFinal() {
    status = Status.FINAL;
  }

  /** Whether {@code v} says the same as this result (re-entering a value unchanged is no change). */
  boolean same(ResultValue v) {
    return v.number() == null ? v.code().equals(codedValue)
        : numericValue != null && numericValue.compareTo(v.number()) == 0;
  }

  public long id() { return id; }
  public long orderId() { return orderId; }
  public String analyteCode() { return analyteCode; }
  public BigDecimal numericValue() { return numericValue; }
  public String codedValue() { return codedValue; }
  public String unit() { return unit; }
  public ResultFlag flag() { return flag; }
  public String referenceRange() { return referenceRange; }
  public Status status() { return status; }
  public String enteredBy() { return enteredBy; }
  public Instant enteredAt() { return DbTime.fromDb(enteredAt); }
  public long version() { return version; }

  /** The value as shown: the number without trailing zeros beyond what was typed, or the code. */
  public String valueText() {
    return numericValue == null ? codedValue : numericValue.stripTrailingZeros().toPlainString();
  }
}
