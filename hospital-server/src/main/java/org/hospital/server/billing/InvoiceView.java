package org.hospital.server.billing;

import java.util.List;

/** An invoice with its lines (charges) and payments. */
public record InvoiceView(InvoiceRow invoice, List<ChargeRow> lines, List<PaymentRow> payments) {}
