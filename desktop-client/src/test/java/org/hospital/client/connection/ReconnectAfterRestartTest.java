package org.hospital.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;

/**
 * A workstation is serving again soon after a server that was down a while is back. gRPC's own back-off would by
 * then wait tens of seconds between attempts (1 s growing by 1.6 times up to two minutes); the connection caps
 * the wait at {@link ServerConnection#RECONNECT_CEILING}. The bound asserted is the ceiling with its jitter and
 * a TLS handshake, far below what the uncapped back-off gives after this long a break.
 */
class ReconnectAfterRestartTest {

  @Test
  void aWorkstationIsBackWithinTheCeilingAfterALongOutage() throws Exception {
    try (TestHospitalServer server = TestHospitalServer.start();
        ServerConnection connection = new ServerConnection(new SessionTokenHolder(), Runnable::run)) {
      connection.connect(new ServerAddress("localhost", server.port()),
          new ChannelSecurity.Tls(server.caCertificate()));
      waitFor(() -> connection.stateProperty().get() == ConnectionState.READY, Duration.ofSeconds(20));

      server.stop();
      waitFor(() -> connection.stateProperty().get() == ConnectionState.UNAVAILABLE, Duration.ofSeconds(20));
      Thread.sleep(45_000); // long enough for the uncapped back-off to reach about 25 s between attempts
      server.restart();
      long ready = System.nanoTime();
      waitFor(() -> connection.stateProperty().get() == ConnectionState.READY, Duration.ofSeconds(60));
      Duration back = Duration.ofNanos(System.nanoTime() - ready);
      System.out.println("Serving again " + back.toMillis() + " ms after the server was ready");
      assertTrue(back.compareTo(ServerConnection.RECONNECT_CEILING.multipliedBy(2)) < 0,
          "back after " + back.toMillis() + " ms");
      assertEquals(ConnectionState.READY, connection.stateProperty().get());
    }
  }

  private static void waitFor(BooleanSupplier condition, Duration atMost) throws InterruptedException {
    long end = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + atMost);
      }
      Thread.sleep(20);
    }
  }
}
