/**
 * The billing office: the versioned price list, charges captured from care ({@link
 * org.hospital.server.billing.ChargeCapture}, in the clinical event's own transaction), invoices numbered in a
 * gap-free series per year, idempotent payments, and the printed invoice and receipt. See
 * docs/decisions/0801-money-prices-and-charge-capture.md and 0802-gap-free-invoice-numbers.md.
 */
package org.hospital.server.billing;
