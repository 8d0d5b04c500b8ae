package org.hospital.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The hospital's own small certificate authority. On first start it creates a CA (EC P-256, 10 years) and a
 * server certificate signed by it (2 years, SANs for localhost, the loopback addresses, this host's name and any
 * configured names). Later starts reuse them. {@code ca.pem} is what workstations must trust.
 */
public final class CertificateAuthority {

  private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());
  private static final String SIGNATURE = "SHA256withECDSA";

  private CertificateAuthority() {}

  public static TlsMaterial ensure(Path dir, List<String> extraHostnames) {
    Path caCert = dir.resolve("ca.pem");
    Path caKey = dir.resolve("ca-key.pem");
    Path serverCert = dir.resolve("server.pem");
    Path serverKey = dir.resolve("server-key.pem");
    try {
      Files.createDirectories(dir);
      if (!Files.exists(caCert) || !Files.exists(caKey)) {
        KeyPair ca = newKeyPair();
        X509Certificate cert = selfSignedCa(ca);
        writePem(caCert, cert, false);
        writePem(caKey, new JcaPKCS8Generator(ca.getPrivate(), null).generate(), true);
        Files.deleteIfExists(serverCert);
        LOG.info("Created a new certificate authority: " + caCert + " (install it on every workstation)");
      }
      if (!Files.exists(serverCert) || !Files.exists(serverKey)) {
        X509Certificate ca = readCertificate(caCert);
        PrivateKey caPrivate = readPrivateKey(caKey);
        KeyPair server = newKeyPair();
        X509Certificate cert = serverCertificate(server, ca, caPrivate, hostnames(extraHostnames));
        writePem(serverCert, cert, false);
        writePem(serverKey, new JcaPKCS8Generator(server.getPrivate(), null).generate(), true);
        LOG.info("Created the server certificate " + serverCert);
      }
      return new TlsMaterial(caCert, serverCert, serverKey);
    } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("Cannot create or read the TLS files in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Set<String> hostnames(List<String> extra) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    try {
      names.add(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      // a host without a resolvable name still serves localhost and the configured names
    }
    names.addAll(extra);
    return names;
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return g.generateKeyPair();
  }

  private static X509Certificate selfSignedCa(KeyPair kp)
      throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
    X500Name name = new X500Name("CN=Hospital Certificate Authority,O=Hospital");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), name, kp.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
    return sign(b, kp.getPrivate());
  }

  private static X509Certificate serverCertificate(KeyPair kp, X509Certificate ca, PrivateKey caKey,
      Set<String> names) throws GeneralSecurityException, IOException,
      org.bouncycastle.operator.OperatorCreationException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(730))),
        new X500Name("CN=" + names.iterator().next() + ",O=Hospital"), kp.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    List<GeneralName> sans = new ArrayList<>();
    for (String n : names) {
      boolean ip = n.matches("[0-9.]+") || n.contains(":");
      sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
    }
    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
    return sign(b, caKey);
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey key)
      throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
    ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(key);
    X509CertificateHolder holder = b.build(signer);
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  private static BigInteger serial() {
    return new BigInteger(128, new SecureRandom());
  }

  private static void writePem(Path file, Object object, boolean secret) throws IOException {
    StringWriter sw = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
      w.writeObject(object);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, sw.toString(), StandardCharsets.US_ASCII);
    if (secret) {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // non-POSIX file systems: rely on the data directory's own permissions
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
    try (PEMParser p = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
      return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) p.readObject());
    }
  }

  private static PrivateKey readPrivateKey(Path file) throws IOException {
    try (PEMParser p = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
      return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) p.readObject());
    }
  }

}
