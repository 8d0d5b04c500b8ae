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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hospital.server.persistence.DbTime;

/** A value that a correction replaced, kept with who corrected it, when and why. Never changed. */
@Entity
@Table(name = "lab_result_revision")
public class LabResultRevision {

  @Id
  @SequenceGenerator(name = "lab_id", sequenceName = "lab_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lab_id")
  private long id;

  @Column(name = "result_id", nullable = false, updatable = false) private long resultId;
  @Column(name = "numeric_value", updatable = false) private BigDecimal numericValue;
  @Column(name = "coded_value", updatable = false) private String codedValue;
  @Column(name = "unit", updatable = false) private String unit;
  @Enumerated(EnumType.STRING) @Column(name = "flag", nullable = false, updatable = false) private ResultFlag flag;
  @Column(name = "entered_by", nullable = false, updatable = false) private String enteredBy;
  @Column(name = "entered_at", nullable = false, updatable = false) private OffsetDateTime enteredAt;
  @Column(name = "changed_by", nullable = false, updatable = false) private String changedBy;
  @Column(name = "changed_at", nullable = false, updatable = false) private OffsetDateTime changedAt;
  @Column(name = "reason", nullable = false, updatable = false) private String reason;

  protected LabResultRevision() {}

  static LabResultRevision of(LabResult replaced, String by, Instant at, String reason) {
    LabResultRevision r = new LabResultRevision();
    r.resultId = replaced.id();
    r.numericValue = replaced.numericValue();
    r.codedValue = replaced.codedValue();
    r.unit = replaced.unit();
    r.flag = replaced.flag();
    r.enteredBy = replaced.enteredBy();
    r.enteredAt = DbTime.toDb(replaced.enteredAt());
    r.changedBy = by;
    r.changedAt = DbTime.toDb(at);
    r.reason = reason;
    return r;
  }

  public long resultId() { return resultId; }
  public String valueText() {
    return numericValue == null ? codedValue : numericValue.stripTrailingZeros().toPlainString();
  }
  public String unit() { return unit; }
  public ResultFlag flag() { return flag; }
  public String enteredBy() { return enteredBy; }
  public Instant enteredAt() { return DbTime.fromDb(enteredAt); }
  public String changedBy() { return changedBy; }
  public Instant changedAt() { return DbTime.fromDb(changedAt); }
  public String reason() { return reason; }
}
