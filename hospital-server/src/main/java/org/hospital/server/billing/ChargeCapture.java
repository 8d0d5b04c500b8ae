package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.security.CurrentUser;

/**
 * The one way care becomes charges: called by a clinical feature inside the transaction of its own event (a
 * consultation completed now; lab orders, medicines and bed-days later), so that the event and its charge
 * commit together or not at all. Idempotent by the event's source key, unique in the database: an event that
 * is recorded again never charges twice. The price and tax are copied from the price list as valid on the
 * service day, so a later price never changes the charge.
 */
public final class ChargeCapture {

  private static final Logger LOG = Logger.getLogger(ChargeCapture.class.getName());

  /** The consultation item charged for each visit type (scheduling's names). */
  static final Map<String, String> CONSULTATION_ITEMS = Map.of(
      "NEW_PATIENT", "CONS-NEW",
      "FOLLOW_UP", "CONS-FOLLOW",
      "CONSULTATION", "CONS-GEN",
      "PROCEDURE", "CONS-PROC",
      "URGENT", "CONS-URG");

  private final String currency;
  private final ZoneId zone;

  public ChargeCapture(String currency, ZoneId zone) {
    this.currency = currency;
    this.zone = zone;
  }

  /** The source key of a completed consultation. */
  public static String consultationKey(long appointmentId) {
    return "consultation:" + appointmentId;
  }

  /** Charges the completed consultation (appointment) of the patient by its visit type. */
  public Optional<Long> consultationCompleted(Connection c, Consumer<AuditEvent> audit, CurrentUser user,
      Instant now, long appointmentId, long patientId, String visitType) throws SQLException {
    String item = CONSULTATION_ITEMS.get(visitType);
    if (item == null) {
      LOG.warning("No consultation item for visit type " + visitType + "; appointment " + appointmentId
          + " was not charged");
      return Optional.empty();
    }
    return capture(c, audit, user, now, consultationKey(appointmentId), patientId, appointmentId, item, 1);
  }

  /**
   * Records the charge of a clinical event, unless its source key was charged already (then empty). An item
   * without a price on the day is not charged and is logged: the clinical event must never fail for want of
   * a price, and the billing office adds the charge by hand once the price is set.
   */
  public Optional<Long> capture(Connection c, Consumer<AuditEvent> audit, CurrentUser user, Instant now,
      String sourceKey, long patientId, long appointmentId, String itemCode, int quantity) throws SQLException {
    // The caller holds the lock of the event's own row (the appointment), so the check cannot race; the
    // unique source key stands behind it.
    if (ChargeStore.sourceCharged(c, sourceKey)) {
      return Optional.empty();
    }
    LocalDate day = now.atZone(zone).toLocalDate();
    Optional<PriceRow> price = PriceStore.validOn(c, itemCode, day);
    if (price.isEmpty()) {
      LOG.warning("No price for " + itemCode + " on " + day + "; " + sourceKey + " was not charged");
      return Optional.empty();
    }
    ChargeRow charge = Charges.newCharge(c, ChargeRow.Origin.CAPTURED, price.get(), quantity, patientId,
        appointmentId, day, null, currency, now, user.displayName());
    ChargeStore.insert(c, charge, sourceKey);
    audit.accept(AuditEvent.by(user, AuditAction.CHARGE_CAPTURED, patientId, "charge=" + charge.id() + " source="
        + sourceKey + " item=" + itemCode + " total=" + Money.format(charge.total()) + " " + currency,
        AuditOutcome.SUCCESS));
    return Optional.of(charge.id());
  }
}
