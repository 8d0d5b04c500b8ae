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

/** One contact between the patient and the hospital: a consultation now, an inpatient stay later. */
@Entity
@Table(name = "encounter")
public class Encounter {

  public enum Kind { OUTPATIENT, INPATIENT }

  public enum Status { OPEN, ENDED }

  @Id
  @SequenceGenerator(name = "chart_id", sequenceName = "chart_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chart_id")
  private long id;

  @Column(name = "patient_id", nullable = false, updatable = false) private long patientId;
  @Column(name = "appointment_id", updatable = false) private Long appointmentId;
  @Enumerated(EnumType.STRING) @Column(name = "kind", nullable = false) private Kind kind;
  @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false) private Status status;
  @Column(name = "clinician_id", nullable = false) private long clinicianId;
  @Column(name = "clinician_name", nullable = false) private String clinicianName;
  @Column(name = "department_id") private Long departmentId;
  @Column(name = "started_at", nullable = false) private OffsetDateTime startedAt;
  @Column(name = "ended_at") private OffsetDateTime endedAt;
  @Column(name = "reason") private String reason;
  @Column(name = "source_id", updatable = false) private String sourceId;
  @Version @Column(name = "version") private long version;
  @Column(name = "updated_at", nullable = false) private OffsetDateTime updatedAt;
  @Column(name = "updated_by", nullable = false) private String updatedBy;

  protected Encounter() {}

  /** An outpatient encounter opened now by the clinician. */
  public static Encounter outpatient(long patientId, Long appointmentId, long clinicianId, String clinicianName,
      Long departmentId, String reason, Instant at) {
    Encounter e = new Encounter();
    e.patientId = patientId;
    e.appointmentId = appointmentId;
    e.kind = Kind.OUTPATIENT;
    e.status = Status.OPEN;
    e.clinicianId = clinicianId;
    e.clinicianName = clinicianName;
    e.departmentId = departmentId;
    e.reason = reason;
    e.startedAt = DbTime.toDb(at);
    e.touch(clinicianName, at);
    return e;
  }

  /**
   * An inpatient stay's encounter, opened at admission under the admitting doctor by whoever admits
   * ({@code by}); the ward's stay points at it and ends it at discharge.
   */
  public static Encounter inpatient(long patientId, long doctorId, String doctorName, String reason, String by,
      Instant at) {
    Encounter e = outpatient(patientId, null, doctorId, doctorName, null, reason, at);
    e.kind = Kind.INPATIENT;
    e.touch(by, at);
    return e;
  }

  /** An encounter as another system recorded it (a demo import), already ended. */
  public static Encounter imported(long patientId, String sourceId, long clinicianId, String clinicianName,
      String reason, Instant start, Instant end) {
    Encounter e = outpatient(patientId, null, clinicianId, clinicianName, null, reason, start);
    e.sourceId = sourceId;
    e.status = Status.ENDED;
    e.endedAt = DbTime.toDb(end.isBefore(start) ? start : end);
    return e;
  }

  public void end(String by, Instant at) {
    status = Status.ENDED;
    endedAt = DbTime.toDb(at.isBefore(startedAt.toInstant()) ? startedAt.toInstant() : at);
    touch(by, at);
  }

  void touch(String by, Instant at) {
    updatedBy = by;
    updatedAt = DbTime.toDb(at);
  }

  public long id() { return id; }
  public long patientId() { return patientId; }
  public long appointmentId() { return appointmentId == null ? 0 : appointmentId; }
  public Kind kind() { return kind; }
  public Status status() { return status; }
  public long clinicianId() { return clinicianId; }
  public String clinicianName() { return clinicianName; }
  public long departmentId() { return departmentId == null ? 0 : departmentId; }
  public Instant startedAt() { return startedAt.toInstant(); }
  public Instant endedAt() { return endedAt == null ? null : endedAt.toInstant(); }
  public String reason() { return reason; }
  public long version() { return version; }
  public Instant updatedAt() { return updatedAt.toInstant(); }
  public String updatedBy() { return updatedBy; }
}
