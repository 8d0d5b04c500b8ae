package org.hospital.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the previous hash and every field, each length-prefixed so that no two
 * different entries can produce the same input ("ab"+"c" vs "a"+"bc").
 */
final class AuditHash {

  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  static String of(long seq, Instant recordedAt, AuditEvent e, String prevHash) {
    StringBuilder sb = new StringBuilder(256);
    field(sb, Long.toString(seq));
    field(sb, recordedAt.toString());
    field(sb, e.actor());
    field(sb, e.roles());
    field(sb, e.action().name());
    field(sb, Long.toString(e.patientId()));
    field(sb, e.detail());
    field(sb, e.source());
    field(sb, e.outcome().name());
    field(sb, prevHash);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e1) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e1);
    }
  }

  private static void field(StringBuilder sb, String value) {
    sb.append(value.length()).append(':').append(value).append('|');
  }
}
