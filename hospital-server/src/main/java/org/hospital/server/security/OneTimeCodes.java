package org.hospital.server.security;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import org.hospital.server.printing.Barcodes;

/**
 * RFC 6238 one-time codes as every authenticator app makes them (SHA-1, six digits, 30 seconds), generated and
 * checked by a kept library rather than by code of ours. A code is accepted for its own time step and one step
 * either side (a phone's clock a little off), and only for a step later than the last one accepted, so that a
 * code seen over a shoulder cannot be used again.
 */
final class OneTimeCodes {

  static final int DIGITS = 6;
  static final int PERIOD_SECONDS = 30;
  /** Steps either side of now that still count. */
  private static final int DRIFT = 1;
  private static final int SECRET_CHARACTERS = 32;

  private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
  private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(SECRET_CHARACTERS);
  private final String issuer;
  /** How secrets are kept in the database; null on the phone's side of a test, which holds them in the clear. */
  private final SecretSealer sealer;

  OneTimeCodes(String issuer) {
    this(issuer, null);
  }

  OneTimeCodes(String issuer, SecretSealer sealer) {
    this.issuer = issuer;
    this.sealer = sealer;
  }

  /** The secret as the account's row keeps it. */
  String stored(String secret, long accountId) {
    if (sealer == null) {
      throw new IllegalStateException("no key to seal two-step sign-in secrets with");
    }
    return sealer.seal(secret, accountId);
  }

  /**
   * As {@link #matchingStep}, for the secret as the account's row keeps it; a stored value that does not open
   * (edited behind the server's back, or copied from another account) matches no code.
   */
  OptionalLong matchingStoredStep(String stored, long accountId, String code, Instant now, long after) {
    String secret = sealer == null ? (SecretSealer.isSealed(stored) ? null : stored) : sealer.open(stored, accountId);
    return secret == null ? OptionalLong.empty() : matchingStep(secret, code, now, after);
  }

  /** A new Base32 secret (160 bits). */
  String newSecret() {
    return secrets.generate();
  }

  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
  }

  /** The step the code belongs to, if it is right for this secret near {@code now} and newer than {@code after}. */
  OptionalLong matchingStep(String secret, String code, Instant now, long after) {
    String digits = code.replace(" ", "");
    if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    long current = step(now);
    long found = -1;
    for (long s = current - DRIFT; s <= current + DRIFT; s++) {
      // every candidate is compared, in constant time, so that the answer's time does not tell which matched
      if (MessageDigest.isEqual(codeFor(secret, s).getBytes(StandardCharsets.US_ASCII),
          digits.getBytes(StandardCharsets.US_ASCII)) && s > after && found < 0) {
        found = s;
      }
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** The code an app shows for this secret at this step (tests and the set-up check use it). */
  String codeFor(String secret, long step) {
    try {
      return generator.generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException("cannot make a one-time code", e);
    }
  }

  /** The otpauth:// address an authenticator app reads from the QR code. */
  String address(String username, String secret) {
    return new QrData.Builder().label(username).secret(secret).issuer(issuer)
        .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
  }

  /** The address as a QR code in a PNG image, large enough for a phone's camera at arm's length. */
  static byte[] qrPng(String address) {
    return Barcodes.png(Barcodes.qr(address, 6, 2));
  }
}
