package org.hospital.server.config;

import java.util.Currency;

/**
 * What the billing office prints and charges in: the hospital's one currency (ISO 4217, EUR unless told
 * otherwise) and its tax id for the invoice header.
 */
public record BillingSettings(String currency, String taxId) {

  public static final BillingSettings DEFAULTS = new BillingSettings("EUR", "");

  public BillingSettings {
    // fails at start-up on a code that is not a currency
    Currency.getInstance(currency);
    if (taxId.length() > 40) {
      throw new IllegalArgumentException("billing.tax.id is at most 40 characters");
    }
  }
}
