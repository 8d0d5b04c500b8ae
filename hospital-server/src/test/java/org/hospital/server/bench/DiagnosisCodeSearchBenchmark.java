package org.hospital.server.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hospital.server.clinical.reference.DiagnosisCodeSearch;
import org.hospital.server.clinical.reference.Icd10cmCodes;

/**
 * Diagnosis code search as the doctor types: every prefix of a set of real queries (words, codes, typos) is one
 * search, as the client sends it on each key. Measures the search itself, in process, over the whole shipped
 * ICD-10-CM set; the gRPC round trip adds what the patient search benchmark shows for a small answer.
 * Usage: {@code bin/bench codes [rounds, default 20]}.
 */
public final class DiagnosisCodeSearchBenchmark {

  private static final List<String> TYPED = List.of("type 2 diabetes mellitus", "diabtes mellitus typ 2",
      "essential hypertension", "hypertnsion", "acute bronchitis", "E11.9", "i10", "J20.9",
      "fracture of femur", "urinary tract infection", "pneumonia unspecified organism", "asthma", "astma",
      "chronic kidney disease stage 3", "major depressive disorder", "otitis media", "low back pain",
      "migraine without aura", "covid", "sepsis");

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long loadStart = System.nanoTime();
    Icd10cmCodes codes = Icd10cmCodes.shipped();
    DiagnosisCodeSearch search = new DiagnosisCodeSearch(codes);
    long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
    List<String> keystrokes = new ArrayList<>();
    for (String q : TYPED) {
      for (int i = 1; i <= q.length(); i++) {
        keystrokes.add(q.substring(0, i));
      }
    }
    for (String k : keystrokes) {
      search.search(k, 20); // warm-up
    }
    long[] nanos = new long[keystrokes.size() * rounds];
    int n = 0;
    for (int r = 0; r < rounds; r++) {
      for (String k : keystrokes) {
        long start = System.nanoTime();
        search.search(k, 20);
        nanos[n++] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    System.out.printf("%d codes loaded and indexed in %d ms; %d searches (%d keystrokes x %d rounds)%n",
        codes.size(), loadMs, nanos.length, keystrokes.size(), rounds);
    System.out.printf("| p50 ms | p95 ms | p99 ms | max ms |%n|---:|---:|---:|---:|%n| %.3f | %.3f | %.3f | %.3f |%n",
        ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
  }
}
