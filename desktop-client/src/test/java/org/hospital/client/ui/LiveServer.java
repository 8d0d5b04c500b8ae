package org.hospital.client.ui;

import java.nio.file.Path;
import org.hospital.server.testing.TestHospitalServer;

/**
 * The real hospital server (fresh H2 database, TLS on loopback, demo staff), started once for all UI tests of
 * this JVM and stopped when the JVM exits.
 */
public final class LiveServer {

  public static final String PASSWORD = TestHospitalServer.PASSWORD;
  private static TestHospitalServer instance;

  private LiveServer() {
  }

  public static synchronized TestHospitalServer get() {
    if (instance == null) {
      TestHospitalServer started = TestHospitalServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      instance = started;
    }
    return instance;
  }

  public static String target() {
    return get().target();
  }

  public static Path caCertificate() {
    return get().caCertificate();
  }
}
