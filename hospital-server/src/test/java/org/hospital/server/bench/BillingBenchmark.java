package org.hospital.server.bench;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.billing.v1.AddManualChargeRequest;
import org.hospital.proto.billing.v1.BillingServiceGrpc;
import org.hospital.proto.billing.v1.CreateInvoiceRequest;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.IssueInvoiceRequest;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PrintInvoiceRequest;
import org.hospital.proto.billing.v1.TakePaymentRequest;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestHospitalServer;

/**
 * The billing desk's two hot calls at the client, over TLS on loopback: TakePayment (a partial cash payment
 * with a fresh key, on an issued invoice of 30 lines) and PrintInvoice of that invoice (two pages), the first
 * print after start timed apart from the warm ones. Usage:
 * {@code bin/bench billing [h2|postgresql] [calls, default 500]}.
 */
public final class BillingBenchmark {

  private static final int LINES = 30;

  private BillingBenchmark() {}

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "h2";
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    try (TestHospitalServer server = TestHospitalServer.start(kind, 40, Duration.ofHours(2))) {
      ManagedChannel channel = Grpc.newChannelBuilder(server.target(), TlsChannelCredentials.newBuilder()
          .trustManager(server.caCertificate().toFile()).build()).build();
      String token = AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername("billing")
          .setPassword(TestHospitalServer.PASSWORD).setWorkstation("bench").build()).getSessionToken();
      BillingServiceGrpc.BillingServiceBlockingStub billing = BillingServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(BearerToken.of(token));
      long patient = firstPatient(server);
      for (int i = 0; i < LINES; i++) {
        billing.addManualCharge(AddManualChargeRequest.newBuilder().setPatientId(patient)
            .setItemCode(i % 2 == 0 ? "PROC-INJ" : "PROC-DRESS").setQuantity(1 + i % 3)
            .setReason("Benchmark line " + i).build());
      }
      Invoice draft = billing.createInvoice(CreateInvoiceRequest.newBuilder().setPatientId(patient).build());
      Invoice invoice = billing.issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(draft.getId())
          .setExpectedVersion(draft.getVersion()).build());

      long t0 = System.nanoTime();
      int pages = billing.withDeadlineAfter(60, TimeUnit.SECONDS).printInvoice(PrintInvoiceRequest.newBuilder()
          .setInvoiceId(invoice.getId()).build()).getPages();
      double first = (System.nanoTime() - t0) / 1_000_000.0;

      LatencyRecorder prints = new LatencyRecorder();
      LatencyRecorder payments = new LatencyRecorder();
      for (int i = 0; i < calls + 50; i++) {
        long s = System.nanoTime();
        billing.printInvoice(PrintInvoiceRequest.newBuilder().setInvoiceId(invoice.getId()).build());
        if (i >= 50) {
          prints.add(System.nanoTime() - s);
        }
        s = System.nanoTime();
        billing.takePayment(TakePaymentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
            .setInvoiceId(invoice.getId()).setMethod(PaymentMethod.CASH).setAmount("0.01").build());
        if (i >= 50) {
          payments.add(System.nanoTime() - s);
        }
      }
      System.out.printf("billing on %s: invoice of %d lines, %d pages%n", kind, LINES, pages);
      System.out.printf("  first PrintInvoice after start: %.0f ms%n", first);
      System.out.printf("  PrintInvoice warm (%d): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", prints.count(),
          prints.percentileMillis(50), prints.percentileMillis(95), prints.percentileMillis(99));
      System.out.printf("  TakePayment (%d): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", payments.count(),
          payments.percentileMillis(50), payments.percentileMillis(95), payments.percentileMillis(99));
      channel.shutdownNow();
    }
  }

  private static long firstPatient(TestHospitalServer server) throws java.sql.SQLException {
    try (var c = server.server().database().dataSource().getConnection();
        var rs = c.createStatement().executeQuery("SELECT MIN(id) FROM patient")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
