package org.hospital.server.clinical.chart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hospital.server.persistence.DbTime;

/**
 * What was said about the patient's allergies, by whom and when. No row: nobody asked, which the banner shows
 * differently from "no known drug allergies".
 */
@Entity
@Table(name = "allergy_statement")
public class AllergyStatement {

  public enum State { NO_KNOWN_DRUG_ALLERGIES, HAS_ALLERGIES }

  @Id @Column(name = "patient_id") private long patientId;
  @Enumerated(EnumType.STRING) @Column(name = "state", nullable = false) private State state;
  @Column(name = "recorded_by", nullable = false) private String recordedBy;
  @Column(name = "recorded_at", nullable = false) private OffsetDateTime recordedAt;
  @Version @Column(name = "version") private long version;

  protected AllergyStatement() {}

  AllergyStatement(long patientId) {
    this.patientId = patientId;
  }

  void state(State state, String by, Instant at) {
    this.state = state;
    this.recordedBy = by;
    this.recordedAt = DbTime.toDb(at);
  }

  public long patientId() { return patientId; }
  public State state() { return state; }
  public String recordedBy() { return recordedBy; }
  public Instant recordedAt() { return recordedAt.toInstant(); }
}
