package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.hospital.server.HospitalServer;
import org.hospital.server.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server started explicitly without TLS, and a client started with --plaintext: it works, and says so. */
class PlaintextUiTest extends ClientUiTest {

  private static HospitalServer server;

  @BeforeAll
  static void startPlaintextServer() throws IOException {
    Path dir = Files.createTempDirectory("hospital-plaintext-server");
    server = HospitalServer.start(ConfigLoader.load(new String[] {"--data.dir=" + dir, "--port=0",
        "--bind=127.0.0.1", "--plaintext", "--demo.data", "--demo.patients=0", "--demo.outside.records=false", "--grpc.threads=4",
        "--db.pool.size=4"}, Map.of()), Clock.systemUTC());
  }

  @AfterAll
  static void stopPlaintextServer() {
    server.close();
  }

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(new ServerAddress("localhost", server.port()), Path.of("no-ca-needed.pem"),
        Language.ENGLISH, true);
  }

  private static final String WARNING =
      "Unencrypted connection: patient data travels without protection. Use only on a test server.";

  @Test
  void signsInAndWarnsOnEveryScreen() {
    assertTrue(warningShown(), "warning on the sign-in screen");
    signInAndWait("reception");
    assertTrue(warningShown(), "warning in the workspace");
    screenshot("workspace-plaintext");
  }

  /** A visible warning banner that says the connection is unencrypted. */
  private boolean warningShown() {
    return lookup(".banner-warning").queryAll().stream().anyMatch(n -> n.isVisible()
        && n instanceof javafx.scene.control.Labeled l && WARNING.equals(l.getText()));
  }
}
