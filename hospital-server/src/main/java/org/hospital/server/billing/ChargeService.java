package org.hospital.server.billing;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.errors.DomainException;
import org.hospital.server.patients.Patient;
import org.hospital.server.security.CurrentUser;

/** A patient's charges: the list (an audited read), manual charges and reversals (both with a reason). */
public final class ChargeService {

  /** The charges listed and what the open ones add up to. */
  public record ChargeList(List<ChargeRow> charges, BigDecimal openTotal) {}

  private final BillingWriter writer;
  private final String currency;
  private final ZoneId zone;

  ChargeService(BillingWriter writer, String currency, ZoneId zone) {
    this.writer = writer;
    this.currency = currency;
    this.zone = zone;
  }

  public ChargeList list(long patientId, boolean includeClosed, CurrentUser user) {
    return writer.write(tx -> {
      if (tx.em().find(Patient.class, patientId) == null) {
        throw DomainException.notFound();
      }
      List<ChargeRow> rows = ChargeStore.forPatient(tx.connection(), patientId, includeClosed);
      BigDecimal open = rows.stream().filter(r -> r.status() == ChargeRow.Status.OPEN).map(ChargeRow::total)
          .reduce(Money.ZERO, BigDecimal::add);
      tx.audit(AuditEvent.by(user, AuditAction.BILLING_ACCOUNT_READ, patientId, "charges=" + rows.size()
          + (includeClosed ? " all" : " open"), AuditOutcome.SUCCESS));
      return new ChargeList(rows, open);
    });
  }

  public ChargeRow addManual(ManualCharge m, CurrentUser user) {
    return writer.write(tx -> {
      if (tx.em().find(Patient.class, m.patientId()) == null) {
        throw BillingRefusals.unknownPatient();
      }
      if (m.appointmentId() != 0 && !appointmentOf(tx, m.appointmentId(), m.patientId())) {
        throw BillingRefusals.unknownAppointment();
      }
      LocalDate day = m.serviceDate() == null ? tx.now().atZone(zone).toLocalDate() : m.serviceDate();
      PriceRow price = PriceStore.validOn(tx.connection(), m.itemCode(), day)
          .orElseThrow(BillingRefusals::unpricedItem);
      ChargeRow charge = Charges.newCharge(tx.connection(), ChargeRow.Origin.MANUAL, price, m.quantity(),
          m.patientId(), m.appointmentId(), day, m.reason(), currency, tx.now(), user.displayName());
      ChargeStore.insert(tx.connection(), charge, null);
      tx.audit(AuditEvent.by(user, AuditAction.CHARGE_ADDED, m.patientId(), "charge=" + charge.id() + " item="
          + charge.itemCode() + " quantity=" + charge.quantity() + " total=" + Money.format(charge.total()) + " "
          + currency + " reason=" + m.reason(), AuditOutcome.SUCCESS));
      return charge;
    });
  }

  /** Cancels an open charge: a reversal row of the opposite amount; the charge itself is kept, REVERSED. */
  public ChargeRow reverse(long chargeId, long expectedVersion, String reason, CurrentUser user) {
    return writer.write(tx -> {
      ChargeRow c = ChargeStore.lock(tx.connection(), chargeId).orElseThrow(DomainException::notFound);
      if (c.version() != expectedVersion) {
        throw DomainException.stale(c.createdBy(), c.createdAt(), c.version());
      }
      if (c.status() != ChargeRow.Status.OPEN) {
        throw DomainException.invalidTransition(c.status().name());
      }
      ChargeRow reversal = Charges.reversalOf(tx.connection(), c, reason, tx.now(), user.displayName());
      ChargeStore.insert(tx.connection(), reversal, null);
      ChargeStore.markReversed(tx.connection(), c.id());
      tx.audit(AuditEvent.by(user, AuditAction.CHARGE_REVERSED, c.patientId(), "charge=" + c.id() + " reversal="
          + reversal.id() + " total=" + Money.format(reversal.total()) + " " + c.currency() + " reason=" + reason,
          AuditOutcome.SUCCESS));
      return reversal;
    });
  }

  private static boolean appointmentOf(BillingTx tx, long appointmentId, long patientId) throws SQLException {
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM appointment WHERE id = ?"
        + " AND patient_id = ?")) {
      ps.setLong(1, appointmentId);
      ps.setLong(2, patientId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
