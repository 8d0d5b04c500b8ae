package org.hospital.server.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A signed statement "at this time, the audit chain ended at entry {@code seq} with hash {@code entryHash}".
 * One line of {@code checkpoints.log}: {@code v1 <seq> <entry hash> <ISO time> <Base64 Ed25519 signature>};
 * the signature covers everything before it, so each line can be checked on its own.
 */
public record Checkpoint(long seq, String entryHash, Instant at, String signature) {

  private static final String VERSION = "v1";

  public static Checkpoint sign(long seq, String entryHash, Instant at, Ed25519PrivateKeyParameters key) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    byte[] body = body(seq, entryHash, at);
    signer.update(body, 0, body.length);
    return new Checkpoint(seq, entryHash, at, Base64.getEncoder().encodeToString(signer.generateSignature()));
  }

  /** The line as written to the file, without its newline. */
  public String line() {
    return VERSION + " " + seq + " " + entryHash + " " + at + " " + signature;
  }

  /** Empty when the line is not a checkpoint at all (a torn write, or an edit that broke its shape). */
  public static Optional<Checkpoint> parse(String line) {
    String[] f = line.split(" ");
    if (f.length != 5 || !f[0].equals(VERSION) || !f[2].matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Checkpoint(Long.parseLong(f[1]), f[2], Instant.parse(f[3]), f[4]));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public boolean signedBy(Ed25519PublicKeyParameters key) {
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    byte[] body = body(seq, entryHash, at);
    verifier.update(body, 0, body.length);
    return verifier.verifySignature(sig);
  }

  private static byte[] body(long seq, String entryHash, Instant at) {
    return ("hospital-audit-checkpoint " + VERSION + " " + seq + " " + entryHash + " " + at)
        .getBytes(StandardCharsets.UTF_8);
  }
}
