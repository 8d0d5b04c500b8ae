package org.hospital.server.audit;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hospital.server.persistence.Database;

/**
 * The audit log in the server's database. {@link #record} hands the entry to one writer thread that commits
 * whatever has queued up in a single transaction (group commit) and only then releases the callers: under
 * load, a hundred reads cost one commit instead of a hundred, and no caller returns before its entry is stored.
 */
public final class DatabaseAuditTrail implements AuditTrail, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DatabaseAuditTrail.class.getName());
  private static final int MAX_BATCH = 500;
  private static final long WAIT_SECONDS = 10;

  private record Pending(AuditEvent event, CompletableFuture<Void> done) {}

  private final Database db;
  private final AuditAppender appender;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
  private final Thread writer;
  private volatile boolean running = true;

  public DatabaseAuditTrail(Database db, Clock clock) {
    this.db = db;
    this.appender = new AuditAppender(clock);
    this.writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::writeLoop);
  }

  /** Queues every entry before waiting, so that they share a commit instead of taking one each. */
  @Override
  public void recordAll(List<AuditEvent> events) {
    if (db.insideWrite()) {
      // The writer thread needs the write lock this thread holds: waiting for it would never end.
      throw new IllegalStateException("An audit entry made inside a write belongs in its transaction (recordWithin)");
    }
    List<CompletableFuture<Void>> done = new ArrayList<>(events.size());
    try {
      for (AuditEvent event : events) {
        Pending p = new Pending(event, new CompletableFuture<>());
        if (!running || !queue.offer(p, WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("Audit log is not accepting entries");
        }
        done.add(p.done());
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing the audit log", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Audit entry could not be stored", e);
    }
  }

  /** Entries accepted and not yet taken by the writer: grows when the database cannot keep up. */
  public int backlog() {
    return queue.size();
  }

  @Override
  public void recordWithin(EntityManager em, AuditEvent event) {
    appender.append(em, List.of(event));
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        writeBatch(batch);
      } catch (InterruptedException e) {
        running = false;
      } finally {
        batch.clear();
      }
    }
  }

  private void writeBatch(List<Pending> batch) {
    try {
      db.runInTransaction(em -> appender.append(em, batch.stream().map(Pending::event).toList()));
      batch.forEach(p -> p.done().complete(null));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not write " + batch.size() + " audit entries", e);
      batch.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
