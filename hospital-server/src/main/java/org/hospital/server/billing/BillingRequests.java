package org.hospital.server.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceCategory;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.errors.TextRules;
import org.hospital.server.errors.Violations;

/** Checks of billing's requests, field by field, before anything is read or written. */
final class BillingRequests {

  static final int MAX_REASON = 300;
  static final int MAX_DESCRIPTION = 200;
  static final int MAX_REFERENCE = 60;
  static final int MAX_QUANTITY = 999;
  static final BigDecimal MAX_PRICE = new BigDecimal("999999.99");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]{8,64}");
  private static final Pattern ITEM = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{1,29}");

  private BillingRequests() {}

  static long id(Violations v, String field, long value) {
    if (value == 0) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (value < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return value;
  }

  static long optionalId(Violations v, String field, long value) {
    if (value < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return value;
  }

  static String key(Violations v, String field, String raw) {
    if (raw.isEmpty()) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (!KEY.matcher(raw).matches()) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
    }
    return raw;
  }

  static String itemCode(Violations v, String field, String raw) {
    String s = raw.strip();
    if (s.isEmpty()) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (!ITEM.matcher(s).matches()) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
    }
    return s;
  }

  static int quantity(Violations v, String field, int value) {
    if (value == 0) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (value < 0 || value > MAX_QUANTITY) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return value;
  }

  static String reason(Violations v, String field, String raw) {
    return TextRules.required(v, field, raw, MAX_REASON);
  }

  /** A positive amount with at most two places; zero, signs, exponents and more places are INVALID_AMOUNT. */
  static BigDecimal amount(Violations v, String field, String raw) {
    if (raw.isBlank()) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    BigDecimal a = Money.parse(raw).orElse(null);
    if (a == null || a.signum() <= 0) {
      v.add(field, FieldViolationCode.INVALID_AMOUNT);
      return null;
    }
    return a;
  }

  /** A price: zero allowed (a free item), otherwise as {@link #amount}. */
  static BigDecimal price(Violations v, String field, String raw) {
    if (raw.isBlank()) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    BigDecimal a = Money.parse(raw).orElse(null);
    if (a == null) {
      v.add(field, FieldViolationCode.INVALID_AMOUNT);
    } else if (a.compareTo(MAX_PRICE) > 0) {
      // a line of 999 at this price, taxed at 100 %, still fits the amount columns
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return a;
  }

  static BigDecimal taxRate(Violations v, String field, String raw) {
    if (raw.isBlank()) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    BigDecimal r = Money.parseRate(raw).orElse(null);
    if (r == null) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return r;
  }

  static PriceRow.Category category(Violations v, String field, PriceCategory c) {
    return switch (c) {
      case CONSULTATION -> PriceRow.Category.CONSULTATION;
      case PROCEDURE -> PriceRow.Category.PROCEDURE;
      case PRICE_CATEGORY_UNSPECIFIED -> {
        v.add(field, FieldViolationCode.REQUIRED);
        yield null;
      }
      default -> {
        v.add(field, FieldViolationCode.UNKNOWN_VALUE);
        yield null;
      }
    };
  }

  static CreditNoteRow.Kind creditKind(Violations v, String field, org.hospital.proto.billing.v1.CreditNoteKind k) {
    return switch (k) {
      case CORRECTION -> CreditNoteRow.Kind.CORRECTION;
      case CHARGED_IN_ERROR -> CreditNoteRow.Kind.CHARGED_IN_ERROR;
      case CREDIT_NOTE_KIND_UNSPECIFIED -> {
        v.add(field, FieldViolationCode.REQUIRED);
        yield null;
      }
      default -> {
        v.add(field, FieldViolationCode.UNKNOWN_VALUE);
        yield null;
      }
    };
  }

  static PaymentRow.Method method(Violations v, String field, PaymentMethod m) {
    return switch (m) {
      case CASH -> PaymentRow.Method.CASH;
      case CARD -> PaymentRow.Method.CARD;
      case BANK_TRANSFER -> PaymentRow.Method.BANK_TRANSFER;
      case PAYMENT_METHOD_UNSPECIFIED -> {
        v.add(field, FieldViolationCode.REQUIRED);
        yield null;
      }
      default -> {
        v.add(field, FieldViolationCode.UNKNOWN_VALUE);
        yield null;
      }
    };
  }

  /** The card terminal's or bank's reference: required for both, not taken for cash. */
  static String reference(Violations v, String field, PaymentRow.Method method, String raw) {
    String s = TextRules.optional(v, field, raw, MAX_REFERENCE).orElse(null);
    if (s == null && !v.has(field) && method != null && method != PaymentRow.Method.CASH) {
      v.add(field, FieldViolationCode.REQUIRED);
    }
    return method == PaymentRow.Method.CASH ? null : s;
  }

  /** A service day: today when not given, never in the future. */
  static LocalDate serviceDate(Violations v, String field, org.hospital.proto.common.v1.Date d, LocalDate today) {
    if (ProtoDates.isEmpty(d)) {
      return null;
    }
    LocalDate day = ProtoDates.required(v, field, d);
    if (day != null && day.isAfter(today)) {
      v.add(field, FieldViolationCode.IN_FUTURE);
    } else if (day != null && day.isBefore(today.minusYears(10))) {
      v.add(field, FieldViolationCode.TOO_OLD);
    }
    return day;
  }

  /** The first day of a new price: today or later, within ten years. */
  static LocalDate validFrom(Violations v, String field, org.hospital.proto.common.v1.Date d, LocalDate today) {
    LocalDate day = ProtoDates.required(v, field, d);
    if (day != null && day.isBefore(today)) {
      v.add(field, FieldViolationCode.IN_PAST);
    } else if (day != null && day.isAfter(today.plusYears(10))) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return day;
  }

  /** An optional day to read the price list on (today when not given). */
  static LocalDate optionalDay(Violations v, String field, org.hospital.proto.common.v1.Date d) {
    LocalDate day = ProtoDates.isEmpty(d) ? null : ProtoDates.required(v, field, d);
    if (day != null && (day.getYear() < 1900 || day.getYear() > 2200)) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return day;
  }

  static String description(Violations v, String field, String raw) {
    return TextRules.required(v, field, raw, MAX_DESCRIPTION);
  }
}
