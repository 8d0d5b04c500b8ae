package org.hospital.server.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.FieldViolation;

/** The field-level refusals billing's services raise once they have looked at the database. */
final class BillingRefusals {
  private BillingRefusals() {}

  static DomainException unknownPatient() {
    return field("patient_id", FieldViolationCode.UNKNOWN_ID);
  }

  static DomainException unknownAppointment() {
    return field("appointment_id", FieldViolationCode.UNKNOWN_ID);
  }

  /** No price of the item applies on the service day (an unknown or withdrawn item). */
  static DomainException unpricedItem() {
    return field("item_code", FieldViolationCode.UNKNOWN_VALUE);
  }

  /** The open charges add up to more than one invoice can hold: invoice them per consultation. */
  static DomainException invoiceTooLarge() {
    return field("appointment_id", FieldViolationCode.OUT_OF_RANGE);
  }

  static DomainException priceExists() {
    return DomainException.alreadyExists("valid_from");
  }

  /** More than is due; metadata "amount_due" says how much is. */
  static DomainException exceedsAmountDue(BigDecimal due) {
    return DomainException.invalid(List.of(new FieldViolation("amount", FieldViolationCode.EXCEEDS_AMOUNT_DUE)),
        Map.of("amount_due", Money.format(due)));
  }

  private static DomainException field(String field, FieldViolationCode code) {
    return DomainException.invalid(List.of(new FieldViolation(field, code)));
  }
}
