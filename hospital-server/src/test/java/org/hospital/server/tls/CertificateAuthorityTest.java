package org.hospital.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

  @TempDir
  Path dir;

  @Test
  void firstStartCreatesACaAndAServerCertificateThatLaterStartsReuse() throws Exception {
    TlsMaterial first = CertificateAuthority.ensure(dir, List.of("ward-server.hospital.example"));
    X509Certificate ca = CertificateAuthority.readCertificate(first.caCertificate());
    X509Certificate server = CertificateAuthority.readCertificate(first.serverCertificate());

    server.verify(ca.getPublicKey());
    assertEquals(ca.getSubjectX500Principal(), server.getIssuerX500Principal());
    assertTrue(ca.getBasicConstraints() >= 0, "CA certificate must be a CA");
    assertEquals(-1, server.getBasicConstraints());
    List<String> sans = server.getSubjectAlternativeNames().stream().map(l -> l.get(1).toString()).toList();
    assertTrue(sans.containsAll(List.of("localhost", "127.0.0.1", "ward-server.hospital.example")), sans::toString);
    assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(first.serverKey()));

    byte[] before = Files.readAllBytes(first.serverCertificate());
    TlsMaterial second = CertificateAuthority.ensure(dir, List.of());
    assertEquals(new String(before), Files.readString(second.serverCertificate()));
  }

  @Test
  void aLostServerCertificateIsReissuedByTheSameCa() throws Exception {
    TlsMaterial first = CertificateAuthority.ensure(dir, List.of());
    String caBefore = Files.readString(first.caCertificate());
    String serverBefore = Files.readString(first.serverCertificate());
    Files.delete(first.serverCertificate());
    TlsMaterial again = CertificateAuthority.ensure(dir, List.of());
    assertEquals(caBefore, Files.readString(again.caCertificate()));
    assertNotEquals(serverBefore, Files.readString(again.serverCertificate()));
    CertificateAuthority.readCertificate(again.serverCertificate())
        .verify(CertificateAuthority.readCertificate(again.caCertificate()).getPublicKey());
  }
}
