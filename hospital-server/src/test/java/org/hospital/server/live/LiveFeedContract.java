package org.hospital.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LogoutRequest;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.RecordedStream;
import org.hospital.server.testing.RecordedStream.Kind;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;

/**
 * What every live feed promises, run against the real server for each feed (a subclass per feed and
 * database): every change in order and without gaps; a cancelled subscriber resumes with exactly what it
 * missed; a restart ends streams, which resume after it; a resume from before the retained log, or from a
 * sequence this database never had, gets a snapshot; a frozen subscriber costs nothing and catches up; the
 * stream ends with the session. A new feed gets these by writing the few hooks below.
 *
 * @param <U> the feed's update message
 */
public abstract class LiveFeedContract<U> {

  /** The feed's topic, as opened on {@link LiveFeeds}. */
  protected abstract String topic();

  protected abstract TestHospitalServer server();

  /** A channel to the server, for signing in. */
  protected abstract ManagedChannel channel();

  /** A user who may subscribe to the feed and make the changes. */
  protected String subscriber() {
    return "doctor";
  }

  /** Subscribes with the given credentials; a frozen subscriber reads its first update only until asked. */
  protected abstract RecordedStream<?, U> subscribe(CallCredentials as, long afterSequence, boolean frozen);

  /**
   * {@code count} changes the feed shows, each making exactly one event, each safe to repeat after a failure
   * (the same idempotency key, or a duplicate answered as already done).
   */
  protected abstract List<Runnable> changes(int count);

  private RecordedStream<?, U> subscribe(long afterSequence) {
    return subscribe(BearerToken.of(signIn()), afterSequence, false);
  }

  private String signIn() {
    return AuthServiceGrpc.newBlockingStub(channel()).login(LoginRequest.newBuilder().setUsername(subscriber())
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("feed-" + topic()).build()).getSessionToken();
  }

  private long latest() {
    return server().server().liveFeeds().feed(topic()).log().latest();
  }

  /** Makes the changes from four threads at once. */
  private void concurrently(List<Runnable> changes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      changes.forEach(c -> done.add(pool.submit(c)));
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void assertConsecutive(List<Long> sequences, long from, long to) {
    assertEquals(LongStream.rangeClosed(from, to).boxed().toList(), sequences);
  }

  @Test
  void everyChangeArrivesInOrderWithoutGaps() throws Exception {
    RecordedStream<?, U> sub = subscribe(0);
    sub.awaitUpdates(1);
    assertEquals(Kind.SNAPSHOT, sub.firstKind());
    long start = sub.firstSequence();
    concurrently(changes(24));
    assertEquals(start + 24, latest(), "one event per change");
    sub.awaitSequence(latest());
    assertConsecutive(sub.eventSequences(), start + 1, latest());
    sub.cancel();
  }

  @Test
  void aCancelledSubscriberResumesWithExactlyWhatItMissed() throws Exception {
    RecordedStream<?, U> first = subscribe(0);
    first.awaitUpdates(1);
    long start = first.firstSequence();
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<?> burst = background.submit(() -> {
      concurrently(changes(20));
      return null;
    });
    first.awaitSequence(start + 4);
    first.cancel();
    burst.get();
    background.shutdown();
    long resumeAfter = first.lastSequence();

    RecordedStream<?, U> second = subscribe(resumeAfter);
    second.awaitSequence(latest());
    assertEquals(Kind.RESUMED, second.firstKind());
    assertEquals(resumeAfter, second.firstSequence());
    assertConsecutive(second.eventSequences(), resumeAfter + 1, latest());
    List<Long> together = new ArrayList<>(first.eventSequences().stream().filter(s -> s <= resumeAfter).toList());
    together.addAll(second.eventSequences());
    assertConsecutive(together, start + 1, latest());
    second.cancel();
  }

  @Test
  void aRestartMidBurstEndsStreamsAndTheyResumeAfterIt() throws Exception {
    RecordedStream<?, U> first = subscribe(0);
    first.awaitUpdates(1);
    long start = first.firstSequence();
    List<Runnable> changes = changes(16);
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<?> burst = background.submit(() -> {
      for (Runnable change : changes) {
        retryingWhileUnavailable(change);
      }
      return null;
    });
    first.awaitSequence(start + 4);
    server().restart();
    assertEquals(Status.Code.UNAVAILABLE, first.awaitEnd().getCode());
    burst.get();
    background.shutdown();
    assertEquals(start + 16, latest(), "every change once, although some were retried across the restart");

    long resumeAfter = first.lastSequence();
    RecordedStream<?, U> second = subscribe(resumeAfter);
    second.awaitSequence(latest());
    assertEquals(Kind.RESUMED, second.firstKind());
    assertConsecutive(second.eventSequences(), resumeAfter + 1, latest());
    second.cancel();
  }

  /** As a workstation does: the same request again until the server answers. */
  private static void retryingWhileUnavailable(Runnable change) throws InterruptedException {
    long deadline = System.nanoTime() + RecordedStream.PATIENCE.toNanos();
    while (true) {
      try {
        change.run();
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void aResumeFromBeyondTheRetainedLogGetsASnapshot() throws Exception {
    concurrently(changes(4));
    long latest = latest();
    server().server().liveFeeds().feed(topic()).log().purge(2, Instant.EPOCH);

    RecordedStream<?, U> tooOld = subscribe(1);
    tooOld.awaitUpdates(1);
    assertEquals(Kind.SNAPSHOT, tooOld.firstKind());
    assertEquals(latest, tooOld.firstSequence());
    tooOld.cancel();

    RecordedStream<?, U> recent = subscribe(latest - 1);
    recent.awaitSequence(latest);
    assertEquals(Kind.RESUMED, recent.firstKind());
    assertConsecutive(recent.eventSequences(), latest, latest);
    recent.cancel();

    RecordedStream<?, U> fromElsewhere = subscribe(latest + 1000);
    fromElsewhere.awaitUpdates(1);
    assertEquals(Kind.SNAPSHOT, fromElsewhere.firstKind(), "a sequence this database never had");
    assertEquals(latest, fromElsewhere.firstSequence());
    fromElsewhere.cancel();
  }

  @Test
  void aFrozenSubscriberCatchesUpCompletelyWhenItReadsAgain() throws Exception {
    RecordedStream<?, U> slow = subscribe(BearerToken.of(signIn()), 0, true);
    slow.awaitUpdates(1);
    long start = slow.firstSequence();
    concurrently(changes(20));
    assertEquals(1, slow.updates().size(), "nothing is read while the workstation does not ask");
    slow.request(Integer.MAX_VALUE);
    slow.awaitSequence(latest());
    assertConsecutive(slow.eventSequences(), start + 1, latest());
    slow.cancel();
  }

  @Test
  void theStreamEndsWhenTheSessionEnds() throws Exception {
    String token = signIn();
    RecordedStream<?, U> sub = subscribe(BearerToken.of(token), 0, false);
    sub.awaitUpdates(1);
    AuthServiceGrpc.newBlockingStub(channel()).withCallCredentials(BearerToken.of(token))
        .logout(LogoutRequest.getDefaultInstance());
    assertEquals(Status.Code.UNAUTHENTICATED, sub.awaitEnd().getCode());
    assertEquals("SESSION_EXPIRED", Errors.info((StatusRuntimeException) sub.error()).getReason());
  }
}
