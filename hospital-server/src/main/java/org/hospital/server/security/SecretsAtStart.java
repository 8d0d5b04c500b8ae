package org.hospital.server.security;

import java.util.List;
import org.hospital.server.persistence.Database;

/**
 * At start: stops if the database holds sealed two-step secrets and their key is gone, and seals the secrets that
 * were stored in the clear before sealing existed, in one transaction, so that an upgrade leaves none readable.
 */
final class SecretsAtStart {
  private SecretsAtStart() {}

  static void check(Database db, SecretSealer sealer) {
    db.runInTransaction(em -> {
      @SuppressWarnings("unchecked")
      List<Object[]> rows = em.createNativeQuery("SELECT id, two_factor_secret, two_factor_pending_secret"
          + " FROM staff_account WHERE two_factor_secret IS NOT NULL OR two_factor_pending_secret IS NOT NULL"
          + " ORDER BY id FOR UPDATE").getResultList();
      boolean anySealed = rows.stream().anyMatch(r -> SecretSealer.isSealed((String) r[1])
          || SecretSealer.isSealed((String) r[2]));
      sealer.checkAgainst(anySealed);
      for (Object[] r : rows) {
        long id = ((Number) r[0]).longValue();
        for (String column : new String[] {"two_factor_secret", "two_factor_pending_secret"}) {
          String value = (String) (column.equals("two_factor_secret") ? r[1] : r[2]);
          if (value != null && !SecretSealer.isSealed(value)) {
            em.createNativeQuery("UPDATE staff_account SET " + column + " = ? WHERE id = ?")
                .setParameter(1, sealer.seal(value, id)).setParameter(2, id).executeUpdate();
          }
        }
      }
    });
  }
}
