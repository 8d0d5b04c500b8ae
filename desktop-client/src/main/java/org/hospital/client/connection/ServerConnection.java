package org.hospital.client.connection;

import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.hospital.client.live.Backoff;

/**
 * Owns the one channel to the server. Changing the address builds a new channel and shuts the old one down.
 * The connectivity state is watched for as long as the channel lives and published on the UI thread. gRPC
 * reconnects by itself, but its own back-off grows to two minutes, so a workstation could sit idle long after
 * the server is back; while the link is down this class cuts that wait short, 0.5 s doubling to at most 5 s
 * (with up to 20% added at random, so a ward of workstations does not knock all at once).
 */
public final class ServerConnection implements AutoCloseable {

  /** Deadline of every call that does not set its own. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);
  /** The longest wait between two attempts to reach a server that is down. */
  public static final Duration RECONNECT_CEILING = Duration.ofSeconds(5);

  private final SessionTokenHolder tokens;
  private final Executor ui;
  private final ReadOnlyObjectWrapper<ConnectionState> state =
      new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.CONNECTING);

  private ServerAddress address;
  private ChannelSecurity security;
  private ManagedChannel managed;
  private Channel channel;
  private ChannelSetupException setupFailure;
  private long generation;
  private final Backoff reconnect = new Backoff(Duration.ofMillis(500), RECONNECT_CEILING);
  private boolean retrying; // guarded by reconnect
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("reconnect").daemon().factory());

  public ServerConnection(SessionTokenHolder tokens, Executor ui) {
    this.tokens = tokens;
    this.ui = ui;
  }

  /** Builds the channel to {@code address}; a failure to read the CA is kept and reported by {@link #channel()}. */
  public synchronized void connect(ServerAddress address, ChannelSecurity security) {
    shutdownCurrent();
    this.address = address;
    this.security = security;
    this.setupFailure = null;
    long myGeneration = ++generation;
    try {
      managed = Grpc.newChannelBuilder(address.target(), credentials(security))
          .keepAliveTime(30, TimeUnit.SECONDS)
          .keepAliveTimeout(10, TimeUnit.SECONDS)
          .keepAliveWithoutCalls(true)
          .build();
    } catch (ChannelSetupException e) {
      setupFailure = e;
      publish(ConnectionState.UNAVAILABLE, myGeneration);
      return;
    }
    channel = ClientInterceptors.intercept(managed,
        new CallDefaultsInterceptor(new BearerTokenCredentials(tokens), DEFAULT_DEADLINE));
    watch(managed, myGeneration);
  }

  /** The channel every stub is built on. */
  public synchronized Channel channel() {
    if (setupFailure != null) {
      throw setupFailure;
    }
    if (channel == null) {
      throw new IllegalStateException("connect() was not called");
    }
    return channel;
  }

  public synchronized Optional<ServerAddress> address() {
    return Optional.ofNullable(address);
  }

  public synchronized boolean isPlaintext() {
    return security instanceof ChannelSecurity.Plaintext;
  }

  public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  @Override
  public synchronized void close() {
    shutdownCurrent();
    retries.shutdownNow();
  }

  private static ChannelCredentials credentials(ChannelSecurity security) {
    return switch (security) {
      case ChannelSecurity.Plaintext p -> InsecureChannelCredentials.create();
      case ChannelSecurity.Tls tls -> {
        try {
          yield TlsChannelCredentials.newBuilder().trustManager(tls.caCertificate().toFile()).build();
        } catch (IOException | RuntimeException e) {
          throw new ChannelSetupException(tls.caCertificate(), e);
        }
      }
    };
  }

  private void watch(ManagedChannel watched, long watchedGeneration) {
    // getState(true) also asks an idle channel to connect, so the status bar tells the truth before any call
    ConnectivityState now = watched.getState(true);
    publish(map(now), watchedGeneration);
    if (now == ConnectivityState.TRANSIENT_FAILURE) {
      retrySoon(watched);
    } else if (now == ConnectivityState.READY) {
      synchronized (reconnect) {
        reconnect.reset();
      }
    }
    if (now != ConnectivityState.SHUTDOWN) {
      watched.notifyWhenStateChanged(now, () -> watch(watched, watchedGeneration));
    }
  }

  /**
   * Asks the channel to try again now instead of after gRPC's own, much longer, back-off, and again after each
   * wait while it stays down: a channel in TRANSIENT_FAILURE reports no change while it keeps failing, so the
   * retries cannot wait for one.
   */
  private void retrySoon(ManagedChannel watched) {
    long wait;
    synchronized (reconnect) {
      if (retrying) {
        return;
      }
      retrying = true;
      wait = reconnect.next().toMillis();
    }
    wait += ThreadLocalRandom.current().nextLong(wait / 5 + 1);
    try {
      retries.schedule(() -> {
        synchronized (reconnect) {
          retrying = false;
        }
        if (!watched.isShutdown() && watched.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
          watched.resetConnectBackoff();
          retrySoon(watched);
        }
      }, wait, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // the connection is closed: nothing to retry
    }
  }

  private void publish(ConnectionState newState, long publishedGeneration) {
    ui.execute(() -> {
      synchronized (this) {
        if (publishedGeneration != generation) {
          return; // a callback of a channel that has been replaced
        }
      }
      state.set(newState);
    });
  }

  private static ConnectionState map(ConnectivityState state) {
    return switch (state) {
      case READY -> ConnectionState.READY;
      case CONNECTING, IDLE -> ConnectionState.CONNECTING;
      case TRANSIENT_FAILURE, SHUTDOWN -> ConnectionState.UNAVAILABLE;
    };
  }

  private void shutdownCurrent() {
    if (managed != null) {
      managed.shutdownNow();
    }
    managed = null;
    channel = null;
  }
}
