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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hospital.server.persistence.DbTime;

/**
 * An entry of the patient's problem list. {@code activeCode} mirrors the code while the problem is active, so
 * that the database refuses the same code active twice on one list.
 */
@Entity
@Table(name = "problem")
public class Problem {

  public enum Status { ACTIVE, RESOLVED, INACTIVE }

  @Id
  @SequenceGenerator(name = "chart_id", sequenceName = "chart_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chart_id")
  private long id;

  @Column(name = "patient_id", nullable = false, updatable = false) private long patientId;
  @Column(name = "code", updatable = false) private String code;
  @Column(name = "title", nullable = false, updatable = false) private String title;
  @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false) private Status status;
  @Column(name = "active_code") private String activeCode;
  @Column(name = "onset") private LocalDate onset;
  @Column(name = "resolved_on") private LocalDate resolvedOn;
  @Column(name = "note") private String note;
  @Column(name = "source_code", updatable = false) private String sourceCode;
  @Column(name = "encounter_id", updatable = false) private Long encounterId;
  @Column(name = "recorded_by", nullable = false, updatable = false) private String recordedBy;
  @Column(name = "recorded_at", nullable = false, updatable = false) private OffsetDateTime recordedAt;
  @Column(name = "updated_by", nullable = false) private String updatedBy;
  @Column(name = "updated_at", nullable = false) private OffsetDateTime updatedAt;
  @Version @Column(name = "version") private long version;

  protected Problem() {}

  /** {@code code} is ICD-10-CM without its dot, or null for an uncoded (imported) problem. */
  static Problem record(long patientId, String code, String title, String sourceCode, Long encounterId,
      ProblemChange change, String by, Instant at) {
    Problem p = new Problem();
    p.patientId = patientId;
    p.code = code;
    p.title = title;
    p.sourceCode = sourceCode;
    p.encounterId = encounterId;
    p.recordedBy = by;
    p.recordedAt = DbTime.toDb(at);
    p.apply(change, by, at);
    return p;
  }

  void apply(ProblemChange c, String by, Instant at) {
    if (c.status() == Status.RESOLVED && status != Status.RESOLVED) {
      resolvedOn = at.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    } else if (c.status() != Status.RESOLVED) {
      resolvedOn = null;
    }
    status = c.status();
    activeCode = status == Status.ACTIVE ? code : null;
    onset = c.onset();
    note = c.note();
    updatedBy = by;
    updatedAt = DbTime.toDb(at);
  }

  public long id() { return id; }
  public long patientId() { return patientId; }
  public String code() { return code; }
  public String title() { return title; }
  public Status status() { return status; }
  public LocalDate onset() { return onset; }
  public LocalDate resolvedOn() { return resolvedOn; }
  public String note() { return note; }
  public String sourceCode() { return sourceCode; }
  public String recordedBy() { return recordedBy; }
  public String updatedBy() { return updatedBy; }
  public Instant updatedAt() { return updatedAt.toInstant(); }
  public long version() { return version; }
}
