package org.hospital.server.errors;

import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hospital.proto.common.v1.ErrorReason;

/**
 * A failure the caller can understand: a gRPC status code, a reason code, metadata and field violations. It
 * carries no prose for the user (the client words it) and no stack trace (it is not a bug).
 * {@link ErrorMappingInterceptor} turns it into the status the client sees.
 */
public final class DomainException extends RuntimeException {

  private final Status.Code code;
  private final ErrorReason reason;
  private final Map<String, String> metadata;
  private final List<FieldViolation> violations;

  private DomainException(Status.Code code, ErrorReason reason, Map<String, String> metadata,
      List<FieldViolation> violations) {
    super(reason.name(), null, false, false);
    this.code = code;
    this.reason = reason;
    this.metadata = Map.copyOf(metadata);
    this.violations = List.copyOf(violations);
  }

  public static DomainException invalid(List<FieldViolation> violations) {
    return invalid(violations, Map.of());
  }

  public static DomainException invalid(List<FieldViolation> violations, Map<String, String> metadata) {
    return new DomainException(Status.Code.INVALID_ARGUMENT, ErrorReason.VALIDATION_FAILED, metadata, violations);
  }

  /** The request's bytes are not the method's message (garbage, truncated, or another message's wire form). */
  public static DomainException malformedRequest() {
    return new DomainException(Status.Code.INVALID_ARGUMENT, ErrorReason.MALFORMED_REQUEST, Map.of(), List.of());
  }

  public static DomainException notFound() {
    return new DomainException(Status.Code.NOT_FOUND, ErrorReason.NOT_FOUND, Map.of(), List.of());
  }

  public static DomainException stale(String updatedBy, Instant updatedAt, long currentVersion) {
    return new DomainException(Status.Code.ABORTED, ErrorReason.STALE_VERSION, Map.of(
        "updated_by", updatedBy, "updated_at", updatedAt.toString(),
        "current_version", Long.toString(currentVersion)), List.of());
  }

  public static DomainException badCredentials() {
    return new DomainException(Status.Code.UNAUTHENTICATED, ErrorReason.BAD_CREDENTIALS, Map.of(), List.of());
  }

  public static DomainException accountDisabled() {
    return new DomainException(Status.Code.UNAUTHENTICATED, ErrorReason.ACCOUNT_DISABLED, Map.of(), List.of());
  }

  /** Refused unchecked after repeated failed sign-ins; a new attempt is checked from {@code retryAfter}. */
  public static DomainException signInThrottled(Instant retryAfter) {
    return new DomainException(Status.Code.RESOURCE_EXHAUSTED, ErrorReason.SIGN_IN_THROTTLED,
        Map.of("retry_after", retryAfter.toString()), List.of());
  }

  public static DomainException sessionExpired() {
    return new DomainException(Status.Code.UNAUTHENTICATED, ErrorReason.SESSION_EXPIRED, Map.of(), List.of());
  }

  public static DomainException permissionDenied() {
    return new DomainException(Status.Code.PERMISSION_DENIED, ErrorReason.PERMISSION_DENIED, Map.of(), List.of());
  }

  /** Refused, but allowed in another way: {@code requires} names it (e.g. "covering"), for the client. */
  public static DomainException permissionDenied(String requires) {
    return new DomainException(Status.Code.PERMISSION_DENIED, ErrorReason.PERMISSION_DENIED,
        Map.of("requires", requires), List.of());
  }

  public static DomainException alreadyExists(String field) {
    return new DomainException(Status.Code.ALREADY_EXISTS, ErrorReason.ALREADY_EXISTS,
        Map.of("field", field), List.of());
  }

  /** The slot is held by someone else; {@code nextFreeSlots} are ISO-8601 instants, comma-separated. */
  public static DomainException slotTaken(String nextFreeSlots) {
    return new DomainException(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN,
        Map.of("next_free_slots", nextFreeSlots), List.of());
  }

  /** Some appointments of a series would be on held slots; {@code dates} are ISO-8601 days, comma-separated. */
  public static DomainException slotsTaken(String dates) {
    return new DomainException(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN, Map.of("dates", dates),
        List.of());
  }

  /** Some appointments of a series would be off the schedule; {@code dates} as in {@link #slotsTaken}. */
  public static DomainException outsideWorkingHours(String dates) {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.OUTSIDE_WORKING_HOURS,
        Map.of("dates", dates), List.of());
  }

  public static DomainException outsideWorkingHours() {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.OUTSIDE_WORKING_HOURS, Map.of(),
        List.of());
  }

  /** The record's status does not allow the change; metadata names the current status. */
  public static DomainException invalidTransition(String currentStatus) {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.INVALID_TRANSITION,
        Map.of("current_status", currentStatus), List.of());
  }

  /** Check-in outside the appointment's window; {@code window} is "NOT_YET" or "CLOSED". */
  public static DomainException outsideCheckInWindow(Instant appointmentStart, Instant opensAt, String window) {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.OUTSIDE_CHECK_IN_WINDOW, Map.of(
        "appointment_start", appointmentStart.toString(), "opens_at", opensAt.toString(), "window", window),
        List.of());
  }

  /** Interruptive prescribing alerts without an override reason: one violation "overrides[key]" per alert key. */
  public static DomainException overrideRequired(List<String> alertKeys) {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.OVERRIDE_REQUIRED, Map.of(),
        alertKeys.stream().map(k -> new FieldViolation("overrides[" + k + "]",
            org.hospital.proto.common.v1.FieldViolationCode.REQUIRED)).toList());
  }

  /** The session's password was set by an administrator; only the change (and signing out) is served. */
  /** The password was right; the account signs in with a one-time code as well. */
  public static DomainException secondFactorRequired() {
    return new DomainException(Status.Code.UNAUTHENTICATED, ErrorReason.SECOND_FACTOR_REQUIRED, Map.of(), List.of());
  }

  public static DomainException wrongOneTimeCode() {
    return new DomainException(Status.Code.UNAUTHENTICATED, ErrorReason.WRONG_ONE_TIME_CODE, Map.of(), List.of());
  }

  public static DomainException twoFactorSetupRequired() {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.TWO_FACTOR_SETUP_REQUIRED, Map.of(),
        List.of());
  }

  public static DomainException passwordChangeRequired() {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.PASSWORD_CHANGE_REQUIRED, Map.of(),
        List.of());
  }

  /** An administrator's change to their own account that would shut them out (locking, dropping ADMIN). */
  public static DomainException ownAccount() {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.OWN_ACCOUNT, Map.of(), List.of());
  }

  public static DomainException idempotencyKeyReused() {
    return new DomainException(Status.Code.ALREADY_EXISTS, ErrorReason.IDEMPOTENCY_KEY_REUSED, Map.of(),
        List.of());
  }

  /** The bed is not free or reserved, or another admission took it first; {@code state} is its state if known. */
  public static DomainException bedUnavailable(String state) {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.BED_UNAVAILABLE,
        state.isEmpty() ? Map.of() : Map.of("state", state), List.of());
  }

  /** The patient already lies in a bed; metadata names the stay when known (0: a concurrent admission). */
  public static DomainException patientAlreadyAdmitted(long stayId) {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.PATIENT_ALREADY_ADMITTED,
        Map.of("stay_id", Long.toString(stayId)), List.of());
  }

  /** The stay has ended: nothing more happens in its bed. */
  public static DomainException patientNotAdmitted() {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.PATIENT_NOT_ADMITTED, Map.of(),
        List.of());
  }

  public Status.Code code() {
    return code;
  }

  public ErrorReason reason() {
    return reason;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** Billing found no open charge to put on an invoice. */
  public static DomainException noOpenCharges() {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.NO_OPEN_CHARGES, Map.of(), List.of());
  }

  /** The invoice has payments above what would remain due after a credit; metadata "paid" says how much. */
  public static DomainException invoiceHasPayments(String paid) {
    return new DomainException(Status.Code.FAILED_PRECONDITION, ErrorReason.INVOICE_HAS_PAYMENTS,
        Map.of("paid", paid), List.of());
  }
}
