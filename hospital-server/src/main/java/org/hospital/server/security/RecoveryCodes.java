package org.hospital.server.security;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.digest.DigestUtils;
import org.hospital.server.persistence.DbTime;

/**
 * Recovery codes: each signs its user in once in place of a one-time code (a phone left at home). They are
 * shown once, at set-up; only their SHA-256 is kept (they are long and random, so a plain hash is enough).
 */
final class RecoveryCodes {

  static final int COUNT = 10;

  private final RecoveryCodeGenerator generator = new RecoveryCodeGenerator();

  /** Replaces the account's codes with new ones, returned for the user to keep. */
  List<String> replace(EntityManager em, long staffId, Instant now) {
    forget(em, staffId);
    List<String> codes = List.of(generator.generateCodes(COUNT));
    for (String code : codes) {
      em.createNativeQuery("INSERT INTO staff_recovery_code (staff_id, code_hash, created_at) VALUES (?, ?, ?)")
          .setParameter(1, staffId).setParameter(2, hash(code)).setParameter(3, DbTime.toDb(now)).executeUpdate();
    }
    return codes;
  }

  static void forget(EntityManager em, long staffId) {
    em.createNativeQuery("DELETE FROM staff_recovery_code WHERE staff_id = ?").setParameter(1, staffId)
        .executeUpdate();
  }

  /** Uses up the code if it is one of the account's unused ones; the caller holds the account's row lock. */
  static boolean use(EntityManager em, long staffId, String code, Instant now) {
    return em.createNativeQuery("UPDATE staff_recovery_code SET used_at = ? "
            + "WHERE staff_id = ? AND code_hash = ? AND used_at IS NULL")
        .setParameter(1, DbTime.toDb(now)).setParameter(2, staffId).setParameter(3, hash(code))
        .executeUpdate() == 1;
  }

  static long unused(EntityManager em, long staffId) {
    return ((Number) em.createNativeQuery(
        "SELECT COUNT(*) FROM staff_recovery_code WHERE staff_id = ? AND used_at IS NULL")
        .setParameter(1, staffId).getSingleResult()).longValue();
  }

  /** Codes are compared without their dashes, spaces or case, as people type them. */
  static String hash(String code) {
    return DigestUtils.sha256Hex(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
  }

  static boolean looksLikeRecoveryCode(String code) {
    return code.replaceAll("[\\s-]", "").length() > OneTimeCodes.DIGITS;
  }
}
