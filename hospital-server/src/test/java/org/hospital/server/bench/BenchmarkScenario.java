package org.hospital.server.bench;

import java.util.SplittableRandom;

/** One kind of call the benchmark measures; {@code run} makes one call with inputs drawn from {@code random}. */
interface BenchmarkScenario {

  String name();

  void run(SplittableRandom random);
}
