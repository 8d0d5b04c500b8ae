package org.hospital.server.crash;

import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Start the real server, let the front-desk callers write, SIGKILL it at a random moment, check the
 * database from outside against what the callers were told, and start it again on the same data; so
 * many times. A final start and clean stop show that the last crash left a database that opens.
 */
final class CrashRun {

  private CrashRun() {}

  static CrashReport run(String kind, int kills, long seed, Path jar, Path workDir, PrintStream progress)
      throws Exception {
    long began = System.nanoTime();
    Random random = new Random(seed);
    Ledger ledger = new Ledger();
    Workload workload = new Workload(ledger, seed);
    Path dataDir = Files.createDirectories(workDir.resolve("data"));
    Path log = workDir.resolve("server.log");
    Found found = new Found();
    int unansweredStored = 0;
    long largest = 0;
    try (CrashDatabase db = CrashDatabase.of(kind, dataDir)) {
      for (int kill = 1; kill <= kills; kill++) {
        ServerProcess server = ServerProcess.start(jar, dataDir, db.serverOptions(), log);
        ManagedChannel channel = server.channel();
        AtomicBoolean stop = new AtomicBoolean();
        Thread callers = Thread.ofPlatform().name("workload").start(() -> {
          try {
            workload.run(channel, stop);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            if (!stop.get()) {
              ledger.refused("workload: " + e);
            }
          }
        });
        Thread.sleep(1000 + random.nextInt(3000));
        stop.set(true);
        server.kill();
        callers.join(TimeUnit.SECONDS.toMillis(60));
        channel.shutdownNow();
        CrashChecks.Findings f = check(db, ledger);
        found.add(f);
        unansweredStored = f.unansweredButStored();
        largest = Math.max(largest, db.sizeOnDisk());
        progress.printf("%s kill %d/%d: %d registrations, %d bookings, %d walk-ins, %d prescriptions acknowledged;"
            + " %d problems%n", kind, kill, kills, ledger.registrations.size(), ledger.bookings.size(),
            ledger.walkIns.size(), ledger.prescriptions.size(),
            f.problems() + ledger.reissued.size() + ledger.refusals.size());
      }
      ServerProcess last = ServerProcess.start(jar, dataDir, db.serverOptions(), log);
      last.stop();
      found.add(check(db, ledger));
      return new CrashReport(kind, kills, ledger.registrations.size(), ledger.bookings.size(),
          ledger.walkIns.size(), unansweredStored, List.copyOf(found.lost), List.copyOf(found.wrong),
          List.copyOf(found.half), List.copyOf(found.chain), List.copyOf(ledger.reissued), new ArrayList<>(ledger.refusals), largest,
          db.sizeOnDisk(), Duration.ofNanos(System.nanoTime() - began));
    }
  }

  /**
   * Every check reads the whole ledger, so a problem seen after one kill is seen again after the next:
   * each is kept once, in the order first found.
   */
  private static final class Found {
    final Set<String> lost = new LinkedHashSet<>();
    final Set<String> wrong = new LinkedHashSet<>();
    final Set<String> half = new LinkedHashSet<>();
    final Set<String> chain = new LinkedHashSet<>();

    void add(CrashChecks.Findings f) {
      lost.addAll(f.lost());
      wrong.addAll(f.wrong());
      half.addAll(f.halfWritten());
      chain.addAll(f.chain());
    }
  }

  private static CrashChecks.Findings check(CrashDatabase db, Ledger ledger) throws Exception {
    var ds = db.forChecks();
    // One connection held open keeps an embedded database open across the checks' own connections.
    try (Connection keep = ds.getConnection()) {
      return CrashChecks.check(ds, ledger);
    }
  }
}
