package org.hospital.server.crash;

import java.time.Duration;
import java.util.List;

/** The outcome of a crash run: how much was written and acknowledged, and every problem found. */
record CrashReport(String database, int kills, int registrations, int bookings, int walkIns,
    int unansweredButStored, List<String> lost, List<String> wrong, List<String> halfWritten,
    List<String> auditChain, List<String> reissued, List<String> refused, long largestFileBytes,
    long finalFileBytes, Duration took) {

  int problems() {
    return lost.size() + wrong.size() + halfWritten.size() + auditChain.size() + reissued.size() + refused.size();
  }

  String summary() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%s: %d kills in %ds; acknowledged %d registrations, %d bookings, %d walk-ins;"
            + " %d unanswered registrations found stored%n", database, kills, took.toSeconds(), registrations,
        bookings, walkIns, unansweredButStored));
    b.append(String.format("  lost %d, wrong %d, half-written %d, audit chain %d, MRN reissued %d, refused %d%n",
        lost.size(), wrong.size(), halfWritten.size(), auditChain.size(), reissued.size(), refused.size()));
    if (largestFileBytes > 0) {
      b.append(String.format("  database file: largest %.1f MB after a kill, %.1f MB after a clean stop%n",
          largestFileBytes / 1e6, finalFileBytes / 1e6));
    }
    for (List<String> l : List.of(lost, wrong, halfWritten, auditChain, reissued, refused)) {
      l.stream().limit(10).forEach(s -> b.append("  - ").append(s).append('\n'));
    }
    return b.toString();
  }
}
