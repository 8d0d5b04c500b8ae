package org.hospital.server.tls;

import java.nio.file.Path;

/** Where the server's TLS files are: the CA certificate to hand to workstations, and the server's own pair. */
public record TlsMaterial(Path caCertificate, Path serverCertificate, Path serverKey) {}
