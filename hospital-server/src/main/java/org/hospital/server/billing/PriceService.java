package org.hospital.server.billing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.security.CurrentUser;

/** The price list: read as of a day; a new price from a day on, which never reaches back to charges made. */
public final class PriceService {

  private final BillingWriter writer;
  private final ZoneId zone;

  PriceService(BillingWriter writer, ZoneId zone) {
    this.writer = writer;
    this.zone = zone;
  }

  public List<PriceRow> list(LocalDate day) {
    LocalDate on = day == null ? today() : day;
    return writer.write(tx -> PriceStore.listOn(tx.connection(), on));
  }

  public LocalDate today() {
    return LocalDate.now(writer.clock().withZone(zone));
  }

  public PriceRow set(PriceRow price, CurrentUser user) {
    return writer.write(tx -> {
      if (PriceStore.exists(tx.connection(), price.itemCode(), price.validFrom())) {
        throw BillingRefusals.priceExists();
      }
      PriceStore.insert(tx.connection(), price, tx.now(), user.displayName());
      tx.audit(AuditEvent.by(user, AuditAction.BILLING_PRICE_SET, AuditEvent.NO_PATIENT, "item=" + price.itemCode()
          + " price=" + Money.format(price.unitPrice()) + " tax=" + Money.format(price.taxRate()) + " from="
          + price.validFrom(), AuditOutcome.SUCCESS));
      return price;
    });
  }
}
