package org.hospital.server.audit;

import java.util.Objects;
import org.hospital.server.security.CurrentUser;

/**
 * One thing worth remembering: who (username and roles at the time), what, about which patient (0 when none),
 * from where, with what outcome, and a short detail (never a password, never free text from the user that
 * could hold more patient data than needed: searches record the criteria kinds and result count).
 */
public record AuditEvent(String actor, String roles, AuditAction action, long patientId, String detail,
    String source, AuditOutcome outcome) {

  public static final long NO_PATIENT = 0L;

  public AuditEvent {
    Objects.requireNonNull(actor);
    Objects.requireNonNull(roles);
    Objects.requireNonNull(action);
    Objects.requireNonNull(detail);
    Objects.requireNonNull(source);
    Objects.requireNonNull(outcome);
  }

  /** An event by the signed-in user of the current call. */
  public static AuditEvent by(CurrentUser user, AuditAction action, long patientId, String detail,
      AuditOutcome outcome) {
    return new AuditEvent(user.username(), user.rolesText(), action, patientId, detail, user.source(), outcome);
  }
}
