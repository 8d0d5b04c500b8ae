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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.hospital.server.errors.DomainException;
import org.hospital.server.persistence.DbTime;

/**
 * A laboratory order: tests of the catalogue on one specimen, for an encounter. Moves ORDERED, COLLECTED,
 * RECEIVED, then PRELIMINARY and FINAL as results are entered, CORRECTED after a correction; CANCELLED (with a
 * reason) only before any result. Any other move is refused as an invalid transition.
 */
@Entity
@Table(name = "lab_order")
public class LabOrder {

  public enum Status { ORDERED, COLLECTED, RECEIVED, PRELIMINARY, FINAL, CORRECTED, CANCELLED }

  public enum Priority { ROUTINE, URGENT, STAT }

  @Id
  @SequenceGenerator(name = "lab_id", sequenceName = "lab_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lab_id")
  private long id;

  @Column(name = "accession", nullable = false, updatable = false) private String accession;
  @Column(name = "patient_id", nullable = false, updatable = false) private long patientId;
  @Column(name = "encounter_id", nullable = false, updatable = false) private long encounterId;
  @Column(name = "test_codes", nullable = false, updatable = false) private String testCodes;
  @Enumerated(EnumType.STRING) @Column(name = "priority", nullable = false, updatable = false)
  private Priority priority;
  @Column(name = "clinical_question", updatable = false) private String clinicalQuestion;
  @Enumerated(EnumType.STRING) @Column(name = "specimen_type", nullable = false, updatable = false)
  private SpecimenType specimenType;
  @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false) private Status status;
  @Column(name = "ordered_by_id", nullable = false, updatable = false) private long orderedById;
  @Column(name = "ordered_by", nullable = false, updatable = false) private String orderedBy;
  @Column(name = "ordered_at", nullable = false, updatable = false) private OffsetDateTime orderedAt;
  @Column(name = "collected_by") private String collectedBy;
  @Column(name = "collected_at") private OffsetDateTime collectedAt;
  @Column(name = "received_by") private String receivedBy;
  @Column(name = "received_at") private OffsetDateTime receivedAt;
  @Column(name = "cancelled_by") private String cancelledBy;
  @Column(name = "cancelled_at") private OffsetDateTime cancelledAt;
  @Column(name = "cancel_reason") private String cancelReason;
  @Column(name = "updated_by", nullable = false) private String updatedBy;
  @Column(name = "updated_at", nullable = false) private OffsetDateTime updatedAt;
  @Version @Column(name = "version") private long version;

  protected LabOrder() {}

  static LabOrder place(long patientId, long encounterId, List<String> testCodes, Priority priority,
      String clinicalQuestion, SpecimenType specimen, long byId, String by, Instant at) {
    LabOrder o = new LabOrder();
    o.patientId = patientId;
    o.encounterId = encounterId;
    o.testCodes = String.join(";", testCodes);
    o.priority = priority;
    o.clinicalQuestion = clinicalQuestion;
    o.specimenType = specimen;
    o.status = Status.ORDERED;
    o.orderedById = byId;
    o.orderedBy = by;
    o.orderedAt = DbTime.toDb(at);
    o.touch(by, at);
    return o;
  }

  /** Once the id is known (the sequence gives it on persist), before the insert is flushed. */
  void assignAccession() {
    this.accession = Accessions.of(id);
  }

  void collect(String by, Instant when, Instant now) {
    require(Status.ORDERED);
    status = Status.COLLECTED;
    collectedBy = by;
    collectedAt = DbTime.toDb(when);
    touch(by, now);
  }

  void receive(String by, Instant now) {
    require(Status.COLLECTED);
    status = Status.RECEIVED;
    receivedBy = by;
    receivedAt = DbTime.toDb(now);
    touch(by, now);
  }

  void cancel(String reason, String by, Instant now) {
    require(Status.ORDERED, Status.COLLECTED, Status.RECEIVED);
    status = Status.CANCELLED;
    cancelReason = reason;
    cancelledBy = by;
    cancelledAt = DbTime.toDb(now);
    touch(by, now);
  }

  /** Results entered: PRELIMINARY, or FINAL when the lab says so. */
  void resulted(boolean isFinal, String by, Instant now) {
    require(Status.RECEIVED, Status.PRELIMINARY);
    status = isFinal ? Status.FINAL : Status.PRELIMINARY;
    touch(by, now);
  }

  void corrected(String by, Instant now) {
    require(Status.FINAL, Status.CORRECTED);
    status = Status.CORRECTED;
    touch(by, now);
  }

  private void require(Status... allowed) {
    if (!Arrays.asList(allowed).contains(status)) {
      throw DomainException.invalidTransition(status.name());
    }
  }

  private void touch(String by, Instant at) {
    updatedBy = by;
    updatedAt = DbTime.toDb(at);
  }

  public long id() { return id; }
  public String accession() { return accession; }
  public long patientId() { return patientId; }
  public long encounterId() { return encounterId; }
  public List<String> testCodes() { return List.of(testCodes.split(";")); }
  public Priority priority() { return priority; }
  public String clinicalQuestion() { return clinicalQuestion; }
  public SpecimenType specimenType() { return specimenType; }
  public Status status() { return status; }
  public long orderedById() { return orderedById; }
  public String orderedBy() { return orderedBy; }
  public Instant orderedAt() { return DbTime.fromDb(orderedAt); }
  public String collectedBy() { return collectedBy; }
  public Instant collectedAt() { return collectedAt == null ? null : DbTime.fromDb(collectedAt); }
  public String receivedBy() { return receivedBy; }
  public Instant receivedAt() { return receivedAt == null ? null : DbTime.fromDb(receivedAt); }
  public String cancelledBy() { return cancelledBy; }
  public Instant cancelledAt() { return cancelledAt == null ? null : DbTime.fromDb(cancelledAt); }
  public String cancelReason() { return cancelReason; }
  public String updatedBy() { return updatedBy; }
  public Instant updatedAt() { return DbTime.fromDb(updatedAt); }
  public long version() { return version; }
}
