package org.hospital.server.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hospital.proto.billing.v1.CreditNoteKind;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many clerks crediting at once, on H2 and PostgreSQL: the credit notes take the numbers 1..N of the year's
 * own series with no gap and no repeat, a refused credit in between takes none, and the invoice series is
 * untouched.
 */
class CreditNoteConcurrencyTest {

  private static final int NOTES = 24;
  private static final int THREADS = 8;

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void parallelCreditNotesNumberWithoutGapsOrRepeats(String kind) throws Exception {
    try (BillingHospital h = BillingHospital.start(kind, NOTES)) {
      List<Invoice> invoices = new ArrayList<>();
      for (int i = 0; i < NOTES; i++) {
        invoices.add(CreditNoteRpcTest.issued(h, h.patients.get(i), "PROC-INJ", 1));
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        for (Invoice inv : invoices) {
          numbers.add(pool.submit(() -> {
            start.await();
            // a stale attempt first: refused, and it must not use up a number
            try {
              h.billing("billing").issueCreditNote(CreditNoteRpcTest.credit(inv.toBuilder()
                  .setVersion(inv.getVersion() + 3).build(), CreditNoteKind.CORRECTION, "stale"));
            } catch (StatusRuntimeException expected) {
              assertEquals("STALE_VERSION", Errors.info(expected).getReason());
            }
            return h.billing("billing").issueCreditNote(CreditNoteRpcTest.credit(inv, CreditNoteKind.CORRECTION,
                "Concurrency test")).getNumber();
          }));
        }
        start.countDown();
        Set<Integer> seqs = new TreeSet<>();
        String year = null;
        for (Future<String> f : numbers) {
          String n = f.get();
          year = n.substring(3, 7);
          assertTrue(seqs.add(Integer.parseInt(n.substring(8))), "repeated: " + n);
        }
        assertEquals(IntStream.rangeClosed(1, NOTES).boxed().collect(Collectors.toCollection(TreeSet::new)), seqs);
        assertEquals(NOTES, h.count("SELECT last_seq FROM billing_credit_note_counter WHERE credit_year = ?",
            Integer.parseInt(year)));
        assertEquals(NOTES, h.count("SELECT last_seq FROM billing_invoice_counter WHERE invoice_year = ?",
            Integer.parseInt(year)));
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
