package org.hospital.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two .deb packages, read with dpkg-deb as an installing machine would, and the unit file checked. */
class DebianPackagesIT {

  @Test
  void theServerPackageCarriesTheImageTheCommandTheUnitAndTheSettings() throws Exception {
    Path deb = Packages.deb("hospital-server");
    String info = dpkg("-I", deb);
    assertTrue(info.contains("Package: hospital-server"), info);
    assertTrue(info.contains("Depends: adduser, libc6, zlib1g, systemd"), info);
    for (String script : List.of("postinst", "prerm", "postrm", "conffiles")) {
      assertTrue(info.contains(script), "control part " + script + ": " + info);
    }
    String contents = dpkg("-c", deb);
    assertContains(contents, "./opt/hospital-server/bin/hospital-server", "./opt/hospital-server/lib/runtime/",
        "./opt/hospital-server/lib/app/hospital-server.jar", "./usr/bin/hospital-server",
        "./lib/systemd/system/hospital-server.service", "./etc/hospital/server.properties",
        "./usr/share/doc/hospital-server/operations.md");
    assertEquals("/etc/hospital/server.properties", conffiles(deb));
  }

  @Test
  void theWorkstationPackageCarriesJavaFxInsideItsRuntimeADesktopEntryAndTheMachineSettings() throws Exception {
    Path deb = Packages.deb("hospital-workstation");
    String info = dpkg("-I", deb);
    assertTrue(info.contains("Package: hospital-workstation"), info);
    assertTrue(info.contains("libgtk-3-0"), "JavaFX draws with GTK 3: " + info);
    String contents = dpkg("-c", deb);
    assertContains(contents, "./opt/hospital-workstation/bin/hospital-workstation",
        "./opt/hospital-workstation/lib/runtime/lib/libglass.so",
        "./opt/hospital-workstation/lib/runtime/lib/libglassgtk3.so",
        "./opt/hospital-workstation/lib/runtime/lib/libprism_sw.so",
        "./opt/hospital-workstation/lib/app/desktop-client.jar", "./usr/bin/hospital-workstation",
        "./usr/share/applications/hospital-workstation.desktop",
        "./usr/share/icons/hicolor/256x256/apps/hospital-workstation.png", "./etc/hospital/workstation.properties");
    assertTrue(!contents.contains("javafx-controls"), "JavaFX is in the runtime, not beside the application");
    assertEquals("/etc/hospital/workstation.properties", conffiles(deb));
  }

  @Test
  void systemdAcceptsTheServiceUnit(@TempDir Path root) throws Exception {
    assumeTrue(Packages.onPath("systemd-analyze"), "systemd-analyze is not installed here");
    Packages.Run extract = Packages.run(List.of("dpkg-deb", "-x", Packages.deb("hospital-server").toString(),
        root.toString()));
    assertEquals(0, extract.exitCode(), extract.output());
    // The unit as installed, with its program where this check extracted it (verify also checks that the
    // ExecStart program exists and is executable).
    Path unit = root.resolve("lib/systemd/system/hospital-server.service");
    Path checked = Files.createDirectories(root.resolve("check")).resolve("hospital-server.service");
    Files.writeString(checked, Files.readString(unit).replace("/opt/hospital-server", root + "/opt/hospital-server"));
    Packages.Run verify = Packages.run(List.of("systemd-analyze", "verify", "--man=no", checked.toString()));
    // A machine without a running systemd (a container) lacks the default targets; nothing else may be said.
    String complaints = verify.output().lines().filter(line -> !line.contains(".target not found"))
        .collect(Collectors.joining("\n"));
    assertEquals("", complaints, "systemd-analyze verify: " + verify.output());
    assertEquals(0, verify.exitCode(), verify.output());
  }

  private static String conffiles(Path deb) throws Exception {
    Path dir = Files.createTempDirectory("control");
    Packages.Run control = Packages.run(List.of("dpkg-deb", "-e", deb.toString(), dir.resolve("c").toString()));
    assertEquals(0, control.exitCode(), control.output());
    return Files.readString(dir.resolve("c/conffiles")).strip();
  }

  private static String dpkg(String option, Path deb, String... more) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("dpkg-deb", option, deb.toString()));
    command.addAll(List.of(more));
    Packages.Run run = Packages.run(command);
    assertEquals(0, run.exitCode(), run.output());
    return run.output();
  }

  private static void assertContains(String listing, String... paths) {
    for (String path : paths) {
      assertTrue(listing.contains(path), "the package holds " + path);
    }
  }
}
