package org.hospital.server.metrics;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.hospital.server.config.OperationsSettings;
import org.hospital.server.live.LiveFeeds;

/**
 * The server's metrics, when they are switched on: RPC counts and durations, the connection pool (HikariCP
 * publishes its own), live subscribers per feed and the audit writer's backlog, served at {@code /metrics}.
 * The composition root builds it before the database (the pool must be told at creation), adds the feeds and
 * the audit once they exist, and starts the endpoint last. See docs/operations.md for what to alert on.
 */
public final class ServerMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final OperationsSettings settings;
  private MetricsEndpoint endpoint;

  private ServerMetrics(OperationsSettings settings) {
    this.settings = settings;
  }

  /** Metrics as configured, or none (nothing measured, nothing listening) when they are off. */
  public static Optional<ServerMetrics> configured(OperationsSettings settings) {
    return settings.metricsEnabled() ? Optional.of(new ServerMetrics(settings)) : Optional.empty();
  }

  /** Apply to the pool's configuration before the pool starts. */
  public Consumer<HikariConfig> poolTracking() {
    return hc -> hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }

  /** Install outermost on every service. */
  public ServerInterceptor interceptor() {
    return new RpcMetricsInterceptor(registry);
  }

  /** One gauge per open feed: subscriptions open now. */
  public void watch(LiveFeeds feeds) {
    for (String topic : feeds.topics()) {
      Gauge.builder("hospital.live.subscribers", feeds, f -> f.feed(topic).subscriberCount())
          .description("Open subscriptions of a live feed").tag("feed", topic).register(registry);
    }
  }

  /** Audit entries accepted and not yet written (the audit writer's queue). */
  public void watchAuditBacklog(IntSupplier backlog) {
    Gauge.builder("hospital.audit.backlog", backlog, b -> b.getAsInt())
        .description("Audit entries waiting for the audit writer").register(registry);
  }

  /** Starts listening on the configured address. */
  public void serve() {
    endpoint = new MetricsEndpoint(registry, settings.metricsBind(), settings.metricsPort());
  }

  /** The port {@code /metrics} listens on, once serving. */
  public OptionalInt port() {
    return endpoint == null ? OptionalInt.empty() : OptionalInt.of(endpoint.port());
  }

  @Override
  public void close() {
    if (endpoint != null) {
      endpoint.close();
    }
    registry.close();
  }
}
