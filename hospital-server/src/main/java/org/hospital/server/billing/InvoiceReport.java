package org.hospital.server.billing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.server.printing.Barcodes;
import org.hospital.server.reports.PdfReports;

/**
 * The printed invoice and receipt: hospital header with its tax id, the patient, the lines with codes,
 * quantities, prices and tax, the totals and what is due, and a QR code of the invoice number. Reprints say
 * COPY. Fields arrive formatted (amounts with the currency sign).
 */
public final class InvoiceReport {

  /** The invoice page. */
  public record InvoicePage(String hospital, String taxId, String number, String issued, String patient, String mrn,
      String address, boolean copy, int printNumber, String net, String tax, String total, String paid, String due,
      String terms, String printed, List<Line> lines) {}

  /** The receipt page. */
  public record ReceiptPage(String hospital, String taxId, String receiptNumber, String invoiceNumber, String patient,
      String mrn, String received, String method, String reference, String amount, String invoiceTotal,
      String dueAfter, String receivedBy, boolean copy, int printNumber, String printed) {}

  private final PdfReports reports;

  public InvoiceReport(PdfReports reports) {
    this.reports = reports;
  }

  public PdfReports.Pdf invoice(InvoicePage page) {
    Map<String, Object> p = new HashMap<>();
    p.put("HOSPITAL", page.hospital());
    p.put("TAX_ID", page.taxId());
    p.put("NUMBER", page.number());
    p.put("ISSUED", page.issued());
    p.put("PATIENT", page.patient());
    p.put("MRN", page.mrn());
    p.put("ADDRESS", page.address());
    p.put("COPY", copy(page.copy(), page.printNumber()));
    p.put("NET", page.net());
    p.put("TAX", page.tax());
    p.put("TOTAL", page.total());
    p.put("PAID", page.paid());
    p.put("DUE", page.due());
    p.put("TERMS", page.terms());
    p.put("PRINTED", page.printed());
    p.put("QR", Barcodes.qr(page.number(), 8, 1));
    return reports.render("invoice", p, page.lines());
  }

  /**
   * The credit note: the invoice's page with the title CREDIT NOTE, its negative amounts, the invoice it
   * corrects where the invoice says what was paid, and what it credits where the invoice says what is due.
   */
  public PdfReports.Pdf creditNote(InvoicePage page, String invoiceNumber) {
    Map<String, Object> p = new HashMap<>();
    p.put("HOSPITAL", page.hospital());
    p.put("TAX_ID", page.taxId());
    p.put("NUMBER", page.number());
    p.put("ISSUED", page.issued());
    p.put("PATIENT", page.patient());
    p.put("MRN", page.mrn());
    p.put("ADDRESS", page.address());
    p.put("COPY", copy(page.copy(), page.printNumber()));
    p.put("NET", page.net());
    p.put("TAX", page.tax());
    p.put("TOTAL", page.total());
    p.put("PAID", invoiceNumber);
    p.put("DUE", page.due());
    p.put("TERMS", page.terms());
    p.put("PRINTED", page.printed());
    p.put("QR", Barcodes.qr(page.number(), 8, 1));
    return reports.render("credit-note", p, page.lines());
  }

  public PdfReports.Pdf receipt(ReceiptPage page) {
    Map<String, Object> p = new HashMap<>();
    p.put("HOSPITAL", page.hospital());
    p.put("TAX_ID", page.taxId());
    p.put("RECEIPT", page.receiptNumber());
    p.put("NUMBER", page.invoiceNumber());
    p.put("PATIENT", page.patient());
    p.put("MRN", page.mrn());
    p.put("RECEIVED", page.received());
    p.put("METHOD", page.method());
    p.put("REFERENCE", page.reference());
    p.put("AMOUNT", page.amount());
    p.put("TOTAL", page.invoiceTotal());
    p.put("DUE", page.dueAfter());
    p.put("RECEIVED_BY", page.receivedBy());
    p.put("COPY", copy(page.copy(), page.printNumber()));
    p.put("PRINTED", page.printed());
    p.put("QR", Barcodes.qr(page.invoiceNumber(), 8, 1));
    return reports.render("receipt", p, List.of());
  }

  private static String copy(boolean copy, int printNumber) {
    return copy ? "COPY (print " + printNumber + ")" : "";
  }

  /** One invoice line; JavaBean getters because the report's data source reads them. */
  public static final class Line {
    private final String code;
    private final String description;
    private final String date;
    private final String quantity;
    private final String unitPrice;
    private final String taxRate;
    private final String total;

    public Line(String code, String description, String date, String quantity, String unitPrice, String taxRate,
        String total) {
      this.code = code;
      this.description = description;
      this.date = date;
      this.quantity = quantity;
      this.unitPrice = unitPrice;
      this.taxRate = taxRate;
      this.total = total;
    }

    public String getCode() { return code; }
    public String getDescription() { return description; }
    public String getDate() { return date; }
    public String getQuantity() { return quantity; }
    public String getUnitPrice() { return unitPrice; }
    public String getTaxRate() { return taxRate; }
    public String getTotal() { return total; }
  }
}
