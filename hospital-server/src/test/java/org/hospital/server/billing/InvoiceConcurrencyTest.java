package org.hospital.server.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hospital.proto.billing.v1.AddManualChargeRequest;
import org.hospital.proto.billing.v1.CreateInvoiceRequest;
import org.hospital.proto.billing.v1.GetInvoiceRequest;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.IssueInvoiceRequest;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many clerks at once, on H2 and PostgreSQL: invoices issued in parallel take the numbers 1..N of the year with
 * no gap and no repeat (a refused issue in between takes none); payments racing on one invoice never pay it
 * beyond its total.
 */
class InvoiceConcurrencyTest {

  private static final int INVOICES = 40;
  private static final int THREADS = 8;

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void parallelIssuesNumberWithoutGapsOrRepeats(String kind) throws Exception {
    try (BillingHospital h = BillingHospital.start(kind, INVOICES)) {
      List<Invoice> drafts = new ArrayList<>();
      for (int i = 0; i < INVOICES; i++) {
        drafts.add(draft(h, h.patients.get(i), "PROC-INJ", 1));
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        for (Invoice d : drafts) {
          numbers.add(pool.submit(() -> {
            start.await();
            // a stale attempt first: refused, and it must not use up a number
            try {
              h.billing("billing").issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(d.getId())
                  .setExpectedVersion(d.getVersion() + 7).build());
            } catch (StatusRuntimeException expected) {
              assertEquals("STALE_VERSION", Errors.info(expected).getReason());
            }
            return h.billing("billing").issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(d.getId())
                .setExpectedVersion(d.getVersion()).build()).getNumber();
          }));
        }
        start.countDown();
        Set<Integer> seqs = new TreeSet<>();
        String year = null;
        for (Future<String> f : numbers) {
          String n = f.get();
          year = n.substring(0, 4);
          assertTrue(seqs.add(Integer.parseInt(n.substring(5))), "repeated: " + n);
        }
        assertEquals(IntStream.rangeClosed(1, INVOICES).boxed().collect(Collectors.toCollection(TreeSet::new)), seqs);
        assertEquals(INVOICES, h.count("SELECT last_seq FROM billing_invoice_counter WHERE invoice_year = ?",
            Integer.parseInt(year)));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void racingPaymentsNeverOverpay(String kind) throws Exception {
    try (BillingHospital h = BillingHospital.start(kind, 40)) {
      // 3 x 32.40 = 97.20 due; twelve clerks try 10.00 each: nine fit, the rest are refused
      Invoice d = draft(h, h.patients.get(0), "PROC-DRESS", 3);
      Invoice issued = h.billing("billing").issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(d.getId())
          .setExpectedVersion(d.getVersion()).build());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          Callable<Boolean> pay = () -> {
            start.await();
            try {
              BillingRpcTest.pay(h, issued, "10.00", PaymentMethod.CASH, "", BillingHospital.key());
              return true;
            } catch (StatusRuntimeException e) {
              assertEquals("EXCEEDS_AMOUNT_DUE", Errors.violations(e).get("amount"));
              return false;
            }
          };
          tries.add(pool.submit(pay));
        }
        start.countDown();
        int taken = 0;
        for (Future<Boolean> f : tries) {
          taken += f.get() ? 1 : 0;
        }
        assertEquals(9, taken);
        Invoice after = h.billing("billing").getInvoice(GetInvoiceRequest.newBuilder().setInvoiceId(issued.getId())
            .build());
        assertEquals("90.00", after.getPaid());
        assertEquals("7.20", after.getAmountDue());
        assertEquals(0, new BigDecimal(after.getPaid()).compareTo(after.getPaymentsList().stream()
            .map(p -> new BigDecimal(p.getAmount())).reduce(BigDecimal.ZERO, BigDecimal::add)));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static Invoice draft(BillingHospital h, long patient, String item, int quantity) {
    h.billing("billing").addManualCharge(AddManualChargeRequest.newBuilder().setPatientId(patient)
        .setItemCode(item).setQuantity(quantity).setReason("Concurrency test").build());
    return h.billing("billing").createInvoice(CreateInvoiceRequest.newBuilder().setPatientId(patient).build());
  }
}
