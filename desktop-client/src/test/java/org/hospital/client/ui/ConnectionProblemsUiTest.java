package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.hospital.client.app.CompositionRoot;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.hospital.server.tls.CertificateAuthority;
import org.hospital.server.tls.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a receptionist sees when the workstation is set up wrong: no server at the address, or a server whose
 * certificate was not issued by the CA this workstation trusts (a TLS endpoint made with another CA).
 */
class ConnectionProblemsUiTest extends ApplicationTest {

  private static Path trustedCa;
  private static Server foreignServer;
  private static int closedPort;
  private CompositionRoot root;

  @BeforeAll
  static void setUp() throws IOException {
    Path dir = Files.createTempDirectory("client-tls-");
    trustedCa = CertificateAuthority.ensure(dir.resolve("ours"), List.of()).caCertificate();
    TlsMaterial foreign = CertificateAuthority.ensure(dir.resolve("theirs"), List.of());
    foreignServer = Grpc.newServerBuilderForPort(0, TlsServerCredentials.create(
        foreign.serverCertificate().toFile(), foreign.serverKey().toFile())).build().start();
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // free again once closed: nobody listens there
    }
  }

  @AfterAll
  static void tearDown() {
    foreignServer.shutdownNow();
  }

  @Override
  public void start(Stage stage) {
    root = new CompositionRoot(new LaunchOptions(new ServerAddress("localhost", closedPort), trustedCa,
        Language.ENGLISH, false), Platform::runLater);
    root.start(stage, 980, 720);
  }

  @Override
  public void stop() {
    root.close();
  }

  private String signInAt(String address) {
    interact(() -> {
      lookup("#serverAddress").queryAs(javafx.scene.control.TextField.class).setText(address);
      if (lookup("#username").queryAs(javafx.scene.control.TextField.class).getText().isEmpty()) {
        lookup("#username").queryAs(javafx.scene.control.TextField.class).setText("reception");
      }
      lookup("#password").queryAs(javafx.scene.control.TextField.class).setText("whatever");
      lookup("#signIn").queryAs(javafx.scene.control.Button.class).fire();
    });
    try {
      WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
          () -> lookup("#signInError").queryAs(javafx.scene.control.Label.class).isVisible());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
    return lookup("#signInError").queryAs(javafx.scene.control.Label.class).getText();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theLanguageCanBeChangedBeforeSigningIn() {
    interact(() -> lookup("#username").queryAs(javafx.scene.control.TextField.class).setText("recepcion"));
    interact(() -> lookup("#language").queryAs(javafx.scene.control.ComboBox.class).setValue(Language.SPANISH));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("Iniciar sesión", lookup("#signIn").queryAs(javafx.scene.control.Button.class).getText());
    assertEquals("recepcion", lookup("#username").queryAs(javafx.scene.control.TextField.class).getText(),
        "what was typed survives the change");
    String message = signInAt("localhost:" + closedPort);
    assertTrue(message.startsWith("No se puede contactar con el servidor"), message);
    Screenshots.save("signin-spanish-unreachable");
  }

  @Test
  void noServerAtTheAddress() {
    String message = signInAt("localhost:" + closedPort);
    assertTrue(message.startsWith("Cannot reach the server"), message);
  }

  @Test
  void aServerWithACertificateFromAnotherCa() {
    String message = signInAt("localhost:" + foreignServer.getPort());
    Screenshots.save("signin-untrusted-certificate");
    assertEquals("The server's certificate is not trusted. The CA certificate configured on this workstation "
        + "does not match the server.", message);
  }
}
