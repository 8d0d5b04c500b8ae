package org.hospital.server.clinical.chart;

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
import org.hospital.server.persistence.DbTime;

/**
 * An allergy or intolerance. A drug allergy names a formulary ingredient or drug class
 * ({@code substanceCode}), which the prescribing checks match; others are free text.
 */
@Entity
@Table(name = "allergy")
public class Allergy {

  public enum Category { DRUG, FOOD, ENVIRONMENT, OTHER }

  public enum Type { ALLERGY, INTOLERANCE }

  public enum Severity { MILD, MODERATE, SEVERE }

  public enum Status { ACTIVE, RESOLVED, ENTERED_IN_ERROR }

  @Id
  @SequenceGenerator(name = "chart_id", sequenceName = "chart_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chart_id")
  private long id;

  @Column(name = "patient_id", nullable = false, updatable = false) private long patientId;
  @Enumerated(EnumType.STRING) @Column(name = "category", nullable = false, updatable = false)
  private Category category;
  @Enumerated(EnumType.STRING) @Column(name = "allergy_type", nullable = false) private Type type;
  @Column(name = "substance_code", updatable = false) private String substanceCode;
  @Column(name = "substance", nullable = false, updatable = false) private String substance;
  @Column(name = "reaction") private String reaction;
  @Enumerated(EnumType.STRING) @Column(name = "severity") private Severity severity;
  @Column(name = "verified", nullable = false) private boolean verified;
  @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false) private Status status;
  @Column(name = "recorded_by", nullable = false, updatable = false) private String recordedBy;
  @Column(name = "recorded_at", nullable = false, updatable = false) private OffsetDateTime recordedAt;
  @Column(name = "updated_by", nullable = false) private String updatedBy;
  @Column(name = "updated_at", nullable = false) private OffsetDateTime updatedAt;
  @Version @Column(name = "version") private long version;

  protected Allergy() {}

  static Allergy record(long patientId, AllergyDraft d, String by, Instant at) {
    Allergy a = new Allergy();
    a.patientId = patientId;
    a.category = d.category();
    a.type = d.type();
    a.substanceCode = d.substanceCode();
    a.substance = d.substance();
    a.reaction = d.reaction();
    a.severity = d.severity();
    a.verified = d.verified();
    a.status = Status.ACTIVE;
    a.recordedBy = by;
    a.recordedAt = DbTime.toDb(at);
    a.touch(by, at);
    return a;
  }

  void change(String reaction, Severity severity, boolean verified, Status status, String by, Instant at) {
    this.reaction = reaction;
    this.severity = severity;
    this.verified = verified;
    this.status = status;
    touch(by, at);
  }

  private void touch(String by, Instant at) {
    updatedBy = by;
    updatedAt = DbTime.toDb(at);
  }

  public long id() { return id; }
  public long patientId() { return patientId; }
  public Category category() { return category; }
  public Type type() { return type; }
  public String substanceCode() { return substanceCode; }
  public String substance() { return substance; }
  public String reaction() { return reaction; }
  public Severity severity() { return severity; }
  public boolean verified() { return verified; }
  public Status status() { return status; }
  public String recordedBy() { return recordedBy; }
  public Instant recordedAt() { return recordedAt.toInstant(); }
  public String updatedBy() { return updatedBy; }
  public Instant updatedAt() { return updatedAt.toInstant(); }
  public long version() { return version; }
}
