package org.hospital.server.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Money as {@link BigDecimal} with two decimal places in the hospital's one currency. Each line's net and tax
 * are rounded half-up to the cent as the line is made; an invoice's totals are the sums of its rounded lines,
 * so the printed lines always add up to the printed total (decision 0801).
 */
public final class Money {

  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  public static final int SCALE = 2;
  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
  /** The largest amount the columns hold (NUMERIC(12,2)). */
  static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,8}(\\.\\d{1,2})?");
  private static final Pattern RATE = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");

  private Money() {}

  /** A plain decimal with at most two places and no sign ("12", "12.5", "12.50"); empty otherwise. */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null || !AMOUNT.matcher(text.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(text.strip()).setScale(SCALE, ROUNDING));
  }

  /** A tax rate in percent, 0 to 100 with at most two places. */
  public static Optional<BigDecimal> parseRate(String text) {
    if (text == null || !RATE.matcher(text.strip()).matches()) {
      return Optional.empty();
    }
    BigDecimal r = new BigDecimal(text.strip()).setScale(SCALE, ROUNDING);
    return r.compareTo(new BigDecimal(100)) > 0 ? Optional.empty() : Optional.of(r);
  }

  public static BigDecimal round(BigDecimal value) {
    return value.setScale(SCALE, ROUNDING);
  }

  /** The wire and print form: always two places, never exponent notation ("1200.00"). */
  public static String format(BigDecimal value) {
    return round(value).toPlainString();
  }

  /** Net, tax and total of {@code quantity} items at {@code unitPrice} taxed at {@code taxRate} percent. */
  public static LineAmounts line(BigDecimal unitPrice, BigDecimal taxRate, int quantity) {
    BigDecimal net = round(unitPrice.multiply(BigDecimal.valueOf(quantity)));
    BigDecimal tax = round(net.multiply(taxRate).movePointLeft(2));
    return new LineAmounts(net, tax, net.add(tax));
  }

  public record LineAmounts(BigDecimal net, BigDecimal tax, BigDecimal total) {
    /** The same amounts with the opposite sign (a reversal). */
    public LineAmounts negated() {
      return new LineAmounts(net.negate(), tax.negate(), total.negate());
    }
  }
}
