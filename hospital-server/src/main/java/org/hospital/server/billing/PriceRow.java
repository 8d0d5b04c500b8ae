package org.hospital.server.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One price of an item, valid from a day (and until the day before {@code validTo}, when that is set). */
public record PriceRow(String itemCode, String description, Category category, BigDecimal unitPrice,
    BigDecimal taxRate, LocalDate validFrom, LocalDate validTo) {

  /** What kind of thing is charged; lab tests, medicines and bed-days join here as their features land. */
  public enum Category { CONSULTATION, PROCEDURE }
}
