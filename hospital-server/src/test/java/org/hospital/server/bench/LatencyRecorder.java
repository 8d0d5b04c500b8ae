package org.hospital.server.bench;

import java.util.Arrays;

/** Call latencies of one scenario, in nanoseconds, and the percentiles of them. */
final class LatencyRecorder {

  private long[] samples = new long[1024];
  private int size;

  synchronized void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  synchronized int count() {
    return size;
  }

  /** The p-th percentile in milliseconds (nearest-rank). */
  synchronized double percentileMillis(double p) {
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
  }
}
