package org.hospital.client.connection;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.junit.jupiter.api.Test;

class CallDefaultsInterceptorTest {

  private final CallDefaultsInterceptor interceptor =
      new CallDefaultsInterceptor(new BearerTokenCredentials(new SessionTokenHolder()), Duration.ofSeconds(5));

  /** Remembers the options the call was started with, and starts nothing. */
  private static final class RecordingChannel extends Channel {
    CallOptions options;

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions callOptions) {
      this.options = callOptions;
      return null;
    }

    @Override
    public String authority() {
      return "test";
    }
  }

  @Test
  void unaryCallsGetTheDefaultDeadline() {
    RecordingChannel channel = new RecordingChannel();
    long before = System.nanoTime();
    interceptor.interceptCall(SchedulingServiceGrpc.getBookAppointmentMethod(), CallOptions.DEFAULT, channel);
    long elapsed = System.nanoTime() - before;
    long left = channel.options.getDeadline().timeRemaining(TimeUnit.NANOSECONDS);
    // the 5 s given, less at most the time this test took to get here
    assertTrue(left <= TimeUnit.SECONDS.toNanos(5), "at most the default: " + left);
    assertTrue(left >= TimeUnit.SECONDS.toNanos(5) - elapsed - TimeUnit.MILLISECONDS.toNanos(500),
        "about the default: " + left);
    assertNotNull(channel.options.getCredentials());
  }

  @Test
  void aDeadlineSetByTheCallerIsKept() {
    RecordingChannel channel = new RecordingChannel();
    Deadline own = Deadline.after(2, TimeUnit.SECONDS);
    interceptor.interceptCall(SchedulingServiceGrpc.getListSlotsMethod(), CallOptions.DEFAULT.withDeadline(own),
        channel);
    assertSame(own, channel.options.getDeadline());
  }

  @Test
  void theLiveScheduleStreamGetsNoDeadlineButTheCredentials() {
    RecordingChannel channel = new RecordingChannel();
    interceptor.interceptCall(SchedulingServiceGrpc.getSubscribeScheduleMethod(), CallOptions.DEFAULT, channel);
    assertNull(channel.options.getDeadline());
    assertNotNull(channel.options.getCredentials());
  }
}
