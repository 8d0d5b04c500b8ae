package org.hospital.server.billing;

import io.grpc.BindableService;
import java.time.Clock;
import java.time.ZoneId;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.config.BillingSettings;
import org.hospital.server.persistence.Database;
import org.hospital.server.reports.PdfReports;

/** The billing feature wired together; {@link #capture()} is what clinical features charge through. */
public final class BillingModule {

  private final ChargeCapture capture;
  private final BillingGrpcService grpc;

  public BillingModule(Database db, AuditTrail audit, PdfReports pdfs, String hospitalName, BillingSettings settings,
      ZoneId zone, Clock clock) {
    BillingWriter writer = new BillingWriter(db, audit, clock);
    String currency = settings.currency();
    this.capture = new ChargeCapture(currency, zone);
    String taxId = settings.taxId().isBlank() ? "not set" : settings.taxId();
    this.grpc = new BillingGrpcService(new PriceService(writer, zone), new ChargeService(writer, currency, zone),
        new InvoiceService(writer, currency, zone), new PaymentService(writer), new BillingPrints(writer,
            new InvoiceReport(pdfs), new BillingPrints.BillingSettingsView(hospitalName, taxId, currency), zone),
        new CreditNoteService(writer, zone), currency);
  }

  /** The charge capture of the hospital's currency and zone. */
  public ChargeCapture capture() {
    return capture;
  }

  public BindableService grpcService() {
    return grpc;
  }
}
