package org.hospital.server.metrics;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts every call and times it, by full method name and final status code. Installed outermost, so it sees
 * the status the client gets (after the error mapping). A call the client cancels counts as CANCELLED. For a
 * live stream the time is how long the subscription lasted, which is why alerts on latency leave streams out.
 */
final class RpcMetricsInterceptor implements ServerInterceptor {

  static final String CALLS = "grpc.server.calls";
  static final String DURATION = "grpc.server.call.duration";

  private final MeterRegistry registry;

  RpcMetricsInterceptor(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    long started = System.nanoTime();
    AtomicBoolean recorded = new AtomicBoolean();
    Runnable cancelled = () -> record(method, Status.Code.CANCELLED, started, recorded);
    ServerCall<Q, A> timed = new SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        record(method, status.getCode(), started, recorded);
        super.close(status, trailers);
      }
    };
    return new SimpleForwardingServerCallListener<>(next.startCall(timed, headers)) {
      @Override
      public void onCancel() {
        cancelled.run();
        super.onCancel();
      }
    };
  }

  private void record(String method, Status.Code code, long started, AtomicBoolean recorded) {
    if (!recorded.compareAndSet(false, true)) {
      return;
    }
    long elapsed = System.nanoTime() - started;
    String status = code.name();
    Counter.builder(CALLS).description("RPCs finished, by method and status")
        .tag("method", method).tag("status", status).register(registry).increment();
    Timer.builder(DURATION).description("RPC duration from the call's start to its status")
        .tag("method", method).tag("status", status)
        .publishPercentileHistogram()
        .register(registry).record(elapsed, TimeUnit.NANOSECONDS);
  }
}
