package org.hospital.server.clinical.medication;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hospital.server.persistence.DbTime;

/**
 * A signed prescription. Its order never changes after signing: a change stops it and writes a new one that
 * names it ({@code replacesId}). Outpatient and inpatient orders are the same record.
 */
@Entity
@Table(name = "prescription")
public class Prescription {

  public enum Setting { OUTPATIENT, INPATIENT }

  public enum Status { ACTIVE, STOPPED }

  public enum StopReason { COMPLETED, ADVERSE_REACTION, INEFFECTIVE, PATIENT_REQUEST, CHANGED, RENEWED,
    ENTERED_IN_ERROR, OTHER }

  @Id
  @SequenceGenerator(name = "chart_id", sequenceName = "chart_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chart_id")
  private long id;

  @Column(name = "patient_id", nullable = false, updatable = false) private long patientId;
  @Column(name = "encounter_id", updatable = false) private Long encounterId;
  @Column(name = "product_id", nullable = false, updatable = false) private long productId;
  @Enumerated(EnumType.STRING) @Column(name = "setting", nullable = false, updatable = false)
  private Setting setting;
  @Column(name = "dose", nullable = false, updatable = false) private BigDecimal dose;
  @Column(name = "dose_unit", nullable = false, updatable = false) private String doseUnit;
  @Column(name = "route", nullable = false, updatable = false) private String route;
  @Enumerated(EnumType.STRING) @Column(name = "frequency", nullable = false, updatable = false)
  private Frequency frequency;
  @Column(name = "prn_indication", updatable = false) private String prnIndication;
  @Column(name = "prn_min_interval_hours", updatable = false) private Integer prnMinIntervalHours;
  @Column(name = "start_date", nullable = false, updatable = false) private LocalDate startDate;
  @Column(name = "end_date", updatable = false) private LocalDate endDate;
  @Column(name = "quantity", updatable = false) private BigDecimal quantity;
  @Column(name = "quantity_unit", updatable = false) private String quantityUnit;
  @Column(name = "refills", nullable = false, updatable = false) private int refills;
  @Column(name = "instructions", updatable = false) private String instructions;
  @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false) private Status status;
  @Enumerated(EnumType.STRING) @Column(name = "stop_reason") private StopReason stopReason;
  @Column(name = "stop_note") private String stopNote;
  @Column(name = "stopped_by") private String stoppedBy;
  @Column(name = "stopped_at") private OffsetDateTime stoppedAt;
  @Column(name = "replaces_id", updatable = false) private Long replacesId;
  @Column(name = "prescriber_id", nullable = false, updatable = false) private long prescriberId;
  @Column(name = "prescriber_name", nullable = false, updatable = false) private String prescriberName;
  @Column(name = "signed_at", nullable = false, updatable = false) private OffsetDateTime signedAt;
  @Column(name = "print_count", nullable = false) private int printCount;
  @Column(name = "source_id", updatable = false) private String sourceId;
  @Column(name = "updated_by", nullable = false) private String updatedBy;
  @Column(name = "updated_at", nullable = false) private OffsetDateTime updatedAt;
  @Version @Column(name = "version") private long version;

  protected Prescription() {}

  static Prescription sign(PrescriptionOrder o, Long replacesId, long prescriberId, String prescriber,
      Instant at) {
    Prescription p = new Prescription();
    p.patientId = o.patientId();
    p.encounterId = o.encounterId();
    p.productId = o.product().id();
    p.setting = o.setting();
    p.dose = o.dose();
    p.doseUnit = o.doseUnit();
    p.route = o.route();
    p.frequency = o.frequency();
    p.prnIndication = o.prnIndication();
    p.prnMinIntervalHours = o.prnMinIntervalHours();
    p.startDate = o.start();
    p.endDate = o.end();
    p.quantity = o.quantity();
    p.quantityUnit = o.quantityUnit();
    p.refills = o.refills();
    p.instructions = o.instructions();
    p.status = Status.ACTIVE;
    p.replacesId = replacesId;
    p.prescriberId = prescriberId;
    p.prescriberName = prescriber;
    p.signedAt = DbTime.toDb(at);
    p.touch(prescriber, at);
    return p;
  }

  void stop(StopReason reason, String note, String by, Instant at) {
    status = Status.STOPPED;
    stopReason = reason;
    stopNote = note;
    stoppedBy = by;
    stoppedAt = DbTime.toDb(at);
    touch(by, at);
  }

  void printed(String by, Instant at) {
    printCount++;
    touch(by, at);
  }

  private void touch(String by, Instant at) {
    updatedBy = by;
    updatedAt = DbTime.toDb(at);
  }

  /** Active on the day: not stopped and not past its end. */
  public boolean activeOn(LocalDate day) {
    return status == Status.ACTIVE && (endDate == null || !endDate.isBefore(day));
  }

  public long id() { return id; }
  public long patientId() { return patientId; }
  public Long encounterId() { return encounterId; }
  public long productId() { return productId; }
  public Setting setting() { return setting; }
  public BigDecimal dose() { return dose; }
  public String doseUnit() { return doseUnit; }
  public String route() { return route; }
  public Frequency frequency() { return frequency; }
  public String prnIndication() { return prnIndication; }
  public Integer prnMinIntervalHours() { return prnMinIntervalHours; }
  public LocalDate startDate() { return startDate; }
  public LocalDate endDate() { return endDate; }
  public BigDecimal quantity() { return quantity; }
  public String quantityUnit() { return quantityUnit; }
  public int refills() { return refills; }
  public String instructions() { return instructions; }
  public Status status() { return status; }
  public StopReason stopReason() { return stopReason; }
  public String stopNote() { return stopNote; }
  public String stoppedBy() { return stoppedBy; }
  public Instant stoppedAt() { return stoppedAt == null ? null : stoppedAt.toInstant(); }
  public Long replacesId() { return replacesId; }
  public long prescriberId() { return prescriberId; }
  public String prescriberName() { return prescriberName; }
  public Instant signedAt() { return signedAt.toInstant(); }
  public int printCount() { return printCount; }
  public String updatedBy() { return updatedBy; }
  public Instant updatedAt() { return updatedAt.toInstant(); }
  public long version() { return version; }
}
