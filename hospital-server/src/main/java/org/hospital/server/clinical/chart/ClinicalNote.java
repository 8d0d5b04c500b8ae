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
 * A note written in an encounter. A draft changes only through {@link #revise} by its author; {@link #sign}
 * freezes it, and from then on only addenda ({@link NoteAddendum}) add to it.
 */
@Entity
@Table(name = "clinical_note")
public class ClinicalNote {

  public enum Status { DRAFT, SIGNED }

  @Id
  @SequenceGenerator(name = "chart_id", sequenceName = "chart_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chart_id")
  private long id;

  @Column(name = "encounter_id", nullable = false, updatable = false) private long encounterId;
  @Column(name = "patient_id", nullable = false, updatable = false) private long patientId;
  @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false) private Status status;
  @Column(name = "presenting_complaint") private String presentingComplaint;
  @Column(name = "findings") private String findings;
  @Column(name = "assessment") private String assessment;
  @Column(name = "plan") private String plan;
  @Column(name = "free_text") private String freeText;
  @Column(name = "author_id", nullable = false, updatable = false) private long authorId;
  @Column(name = "author_name", nullable = false, updatable = false) private String authorName;
  @Column(name = "created_at", nullable = false, updatable = false) private OffsetDateTime createdAt;
  @Column(name = "updated_at", nullable = false) private OffsetDateTime updatedAt;
  @Column(name = "signed_at") private OffsetDateTime signedAt;
  @Version @Column(name = "version") private long version;

  protected ClinicalNote() {}

  static ClinicalNote draft(Encounter encounter, NoteContent content, long authorId, String authorName,
      Instant at) {
    ClinicalNote n = new ClinicalNote();
    n.encounterId = encounter.id();
    n.patientId = encounter.patientId();
    n.status = Status.DRAFT;
    n.authorId = authorId;
    n.authorName = authorName;
    n.createdAt = DbTime.toDb(at);
    n.revise(content, at);
    return n;
  }

  void revise(NoteContent c, Instant at) {
    if (status != Status.DRAFT) {
      throw new IllegalStateException("a signed note never changes");
    }
    presentingComplaint = c.presentingComplaint();
    findings = c.findings();
    assessment = c.assessment();
    plan = c.plan();
    freeText = c.freeText();
    updatedAt = DbTime.toDb(at);
  }

  void sign(Instant at) {
    status = Status.SIGNED;
    signedAt = DbTime.toDb(at);
    updatedAt = signedAt;
  }

  public long id() { return id; }
  public long encounterId() { return encounterId; }
  public long patientId() { return patientId; }
  public Status status() { return status; }
  public NoteContent content() {
    return new NoteContent(presentingComplaint, findings, assessment, plan, freeText);
  }
  public long authorId() { return authorId; }
  public String authorName() { return authorName; }
  public Instant createdAt() { return createdAt.toInstant(); }
  public Instant updatedAt() { return updatedAt.toInstant(); }
  public Instant signedAt() { return signedAt == null ? null : signedAt.toInstant(); }
  public long version() { return version; }
}
