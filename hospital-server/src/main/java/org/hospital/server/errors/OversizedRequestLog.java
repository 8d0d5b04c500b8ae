package org.hospital.server.errors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A request over the message limit is refused by gRPC's transport (RESOURCE_EXHAUSTED) before the server's
 * code sees it, and gRPC logs a warning with a stack trace for each one: anyone who can reach the port could
 * fill the log. This filter on that logger turns those into one short line per interval, as for malformed
 * requests; every other record passes unchanged.
 */
public final class OversizedRequestLog {

  /** gRPC's logger for server streams; held here so that its filter is not lost with a collected logger. */
  private static final Logger TRANSPORT =
      Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerStream");
  private static final RateLimitedLog LOG = new RateLimitedLog(Logger.getLogger(OversizedRequestLog.class.getName()),
      Duration.ofSeconds(MalformedRequests.LOG_INTERVAL_SECONDS), System::nanoTime);

  private OversizedRequestLog() {}

  /** Idempotent: a server started twice in one process installs it once. */
  public static synchronized void install() {
    if (TRANSPORT.getFilter() != null) {
      return;
    }
    TRANSPORT.setFilter(record -> {
      if (record.getThrown() instanceof StatusRuntimeException e
          && e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
        LOG.record("Oversized request refused: " + e.getStatus().getDescription());
        return false;
      }
      return true;
    });
  }
}
