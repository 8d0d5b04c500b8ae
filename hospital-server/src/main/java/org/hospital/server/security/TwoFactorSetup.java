package org.hospital.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.persistence.Database;

/**
 * A user setting up two-step sign-in: a new secret to scan, then a code from the app to prove it was scanned,
 * which turns it on and gives the recovery codes. Each step is one transaction on the locked account row, so
 * two workstations setting up at once end with one secret, the one the confirming code belongs to.
 */
final class TwoFactorSetup {

  static final String CODE = "code";
  /** The states a refused step names ("current_status"). */
  static final String ON = "TWO_FACTOR_ON";
  static final String NOT_STARTED = "SETUP_NOT_STARTED";
  static final String OFF = "TWO_FACTOR_OFF";

  record Started(String secret, String address, byte[] qrPng) {}

  private final Database db;
  private final OneTimeCodes codes;
  private final RecoveryCodes recoveryCodes = new RecoveryCodes();
  private final AuditTrail audit;
  private final Clock clock;

  TwoFactorSetup(Database db, OneTimeCodes codes, AuditTrail audit, Clock clock) {
    this.db = db;
    this.codes = codes;
    this.audit = audit;
    this.clock = clock;
  }

  Started begin(CurrentUser user) {
    String secret = codes.newSecret();
    db.runInTransaction(em -> {
      StaffAccount account = StaffAccountRepository.lockForUpdate(em, user.staffId());
      if (account.twoFactorEnabled()) {
        // a second secret would silently replace the phone's: an administrator resets it first, on purpose
        throw DomainException.invalidTransition(ON);
      }
      account.beginTwoFactor(codes.stored(secret, account.id()), clock.instant());
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.TWO_FACTOR_SETUP_STARTED, AuditEvent.NO_PATIENT,
          user.username(), AuditOutcome.SUCCESS));
    });
    String address = codes.address(user.username(), secret);
    return new Started(secret, address, OneTimeCodes.qrPng(address));
  }

  /** Turns two-step sign-in on if the code belongs to the secret being set up; the recovery codes, once. */
  List<String> confirm(CurrentUser user, String code) {
    return db.inTransaction(em -> {
      StaffAccount account = StaffAccountRepository.lockForUpdate(em, user.staffId());
      Instant now = clock.instant();
      if (account.twoFactorEnabled() || account.twoFactorPendingSecret() == null) {
        throw DomainException.invalidTransition(account.twoFactorEnabled() ? ON : NOT_STARTED);
      }
      OptionalLong step = codes.matchingStoredStep(account.twoFactorPendingSecret(), account.id(), code, now, 0);
      if (step.isEmpty()) {
        Violations v = new Violations();
        v.add(CODE, FieldViolationCode.DOES_NOT_MATCH);
        v.throwIfAny();
      }
      account.confirmTwoFactor(step.getAsLong(), now);
      List<String> recovery = recoveryCodes.replace(em, account.id(), now);
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.TWO_FACTOR_ENABLED, AuditEvent.NO_PATIENT,
          user.username() + " recovery codes " + recovery.size(), AuditOutcome.SUCCESS));
      return recovery;
    });
  }

  /** New recovery codes for the old, once a current code from the app (used once, like at sign-in) proves the phone. */
  List<String> replaceRecoveryCodes(CurrentUser user, String code) {
    return db.inTransaction(em -> {
      StaffAccount account = StaffAccountRepository.lockForUpdate(em, user.staffId());
      if (!account.twoFactorEnabled()) {
        throw DomainException.invalidTransition(OFF);
      }
      Instant now = clock.instant();
      OptionalLong step = codes.matchingStoredStep(account.twoFactorSecret(), account.id(), code, now,
          account.twoFactorLastStep());
      if (step.isEmpty()) {
        Violations v = new Violations();
        v.add(CODE, FieldViolationCode.DOES_NOT_MATCH);
        v.throwIfAny();
      }
      account.usedOneTimeCode(step.getAsLong(), now);
      List<String> recovery = recoveryCodes.replace(em, account.id(), now);
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.RECOVERY_CODES_REPLACED, AuditEvent.NO_PATIENT,
          user.username() + " recovery codes " + recovery.size(), AuditOutcome.SUCCESS));
      return recovery;
    });
  }
}
