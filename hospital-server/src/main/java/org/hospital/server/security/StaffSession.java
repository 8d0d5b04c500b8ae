package org.hospital.server.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hospital.server.persistence.DbTime;

/**
 * One sign-in, from login until logout or idle expiry. Only the token's hash is kept. Rows change only through
 * conditional bulk updates in {@link SessionRepository} (touch, end), so concurrent server instances never
 * overwrite each other's changes and no version column is needed.
 */
@Entity
@Table(name = "staff_session")
public class StaffSession {

  @Id
  @SequenceGenerator(name = "staff_session_id", sequenceName = "staff_session_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_session_id")
  private long id;

  @Column(name = "token_hash", nullable = false, updatable = false) private String tokenHash;
  @Column(name = "staff_id", nullable = false, updatable = false) private long staffId;
  @Column(name = "created_at", updatable = false) private OffsetDateTime createdAt;
  @Column(name = "last_seen_at") private OffsetDateTime lastSeenAt;
  @Column(name = "ended_at") private OffsetDateTime endedAt;
  @Enumerated(EnumType.STRING)
  @Column(name = "end_reason") private SessionEndReason endReason;
  @Column(name = "peer", updatable = false) private String peer;
  @Column(name = "workstation", updatable = false) private String workstation;

  protected StaffSession() {}

  static StaffSession open(String tokenHash, long staffId, String peer, String workstation, Instant now) {
    StaffSession s = new StaffSession();
    s.tokenHash = tokenHash;
    s.staffId = staffId;
    s.createdAt = DbTime.toDb(now);
    s.lastSeenAt = s.createdAt;
    s.peer = peer;
    s.workstation = workstation;
    return s;
  }

  public long id() {
    return id;
  }

  String tokenHash() {
    return tokenHash;
  }

  public long staffId() {
    return staffId;
  }

  public Instant lastSeenAt() {
    return DbTime.fromDb(lastSeenAt);
  }

  public boolean ended() {
    return endedAt != null;
  }

  public String peer() {
    return peer;
  }

  public String workstation() {
    return workstation;
  }
}
