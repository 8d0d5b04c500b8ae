package org.hospital.server.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.hospital.server.persistence.DbTime;

/**
 * A staff member who can sign in. Failed sign-ins are not counted here but in {@link SignInThrottle}s, per
 * name and address, so that no one can lock an account by failing on purpose.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

  @Id
  @SequenceGenerator(name = "staff_account_id", sequenceName = "staff_account_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_id")
  private long id;

  @Column(name = "username", nullable = false, updatable = false)
  private String username;

  @Column(name = "display_name") private String displayName;
  @Column(name = "password_hash") private String passwordHash;
  @Column(name = "enabled") private boolean enabled;
  // OffsetDateTime at UTC: EclipseLink converts it reliably on both databases, Instant it does not.
  @Column(name = "created_at", updatable = false) private OffsetDateTime createdAt;
  @Column(name = "password_must_change") private boolean passwordMustChange;
  @Column(name = "updated_at") private OffsetDateTime updatedAt;
  @Column(name = "updated_by") private String updatedBy;
  @Column(name = "two_factor_secret") private String twoFactorSecret;
  @Column(name = "two_factor_pending_secret") private String twoFactorPendingSecret;
  @Column(name = "two_factor_last_step") private long twoFactorLastStep;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Version
  @Column(name = "version")
  private long version;

  protected StaffAccount() {}

  static StaffAccount create(String username, String displayName, String passwordHash, Set<Role> roles,
      Instant now) {
    StaffAccount a = new StaffAccount();
    a.username = username;
    a.displayName = displayName;
    a.passwordHash = passwordHash;
    a.enabled = true;
    a.roles = EnumSet.copyOf(roles);
    a.createdAt = DbTime.toDb(now);
    return a;
  }

  public long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? Set.of() : Set.copyOf(roles);
  }

  public boolean passwordMustChange() {
    return passwordMustChange;
  }

  public long version() {
    return version;
  }

  /** Two-step sign-in is on: a one-time code is asked for after the password. */
  public boolean twoFactorEnabled() {
    return twoFactorSecret != null;
  }

  String twoFactorSecret() {
    return twoFactorSecret;
  }

  String twoFactorPendingSecret() {
    return twoFactorPendingSecret;
  }

  /** The time step of the last code accepted at sign-in (0: none yet). */
  long twoFactorLastStep() {
    return twoFactorLastStep;
  }

  /** A secret being set up: sign-in does not ask for it until a code from the app confirms it. */
  void beginTwoFactor(String pendingSecret, Instant now) {
    twoFactorPendingSecret = pendingSecret;
    changed(username, now);
  }

  /** The pending secret, proved by a code of this time step, becomes the one sign-in asks for. */
  void confirmTwoFactor(long step, Instant now) {
    twoFactorSecret = twoFactorPendingSecret;
    twoFactorPendingSecret = null;
    twoFactorLastStep = step;
    changed(username, now);
  }

  /** A code of this time step from the app was used (it is not accepted again). */
  void usedOneTimeCode(long step, Instant now) {
    twoFactorLastStep = step;
    changed(username, now);
  }

  /** Two-step sign-in off, by an administrator (lost phone and recovery codes). */
  void resetTwoFactor(String by, Instant now) {
    twoFactorSecret = null;
    twoFactorPendingSecret = null;
    twoFactorLastStep = 0;
    changed(by, now);
  }

  /** Who changed the account last; accounts not changed since they were made answer with their creation. */
  String updatedBy() {
    return updatedBy == null ? "" : updatedBy;
  }

  Instant updatedAt() {
    return DbTime.fromDb(updatedAt == null ? createdAt : updatedAt);
  }

  /** A password set by an administrator, which its user must replace at the next sign-in. */
  void setPasswordByAdministrator(String hash, String by, Instant now) {
    passwordHash = hash;
    passwordMustChange = true;
    changed(by, now);
  }

  /** A password the user chose. */
  void setOwnPassword(String hash, Instant now) {
    passwordHash = hash;
    passwordMustChange = false;
    changed(username, now);
  }

  void setRoles(Set<Role> newRoles, String by, Instant now) {
    roles = EnumSet.copyOf(newRoles);
    changed(by, now);
  }

  void setEnabled(boolean value, String by, Instant now) {
    enabled = value;
    changed(by, now);
  }

  /** For a new account whose first password an administrator gave. */
  void requirePasswordChange() {
    passwordMustChange = true;
  }

  private void changed(String by, Instant now) {
    updatedBy = by;
    updatedAt = DbTime.toDb(now);
  }
}
