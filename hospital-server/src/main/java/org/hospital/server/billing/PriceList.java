package org.hospital.server.billing;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import org.hospital.server.persistence.Database;

/** Seeds a new installation's price list (the demo's prices) through the same store as SetPrice. */
public final class PriceList {
  private PriceList() {}

  /** Adds the prices when the price list is empty; never touches a list the hospital has begun. */
  public static void seedIfEmpty(Database db, List<PriceRow> prices, Clock clock) {
    db.inTransaction(em -> {
      Connection c = em.unwrap(Connection.class);
      try {
        if (PriceStore.count(c) == 0) {
          for (PriceRow p : prices) {
            PriceStore.insert(c, p, clock.instant(), "system");
          }
        }
        return null;
      } catch (java.sql.SQLException e) {
        throw new BillingWriter.SqlFailure(e);
      }
    });
  }
}
