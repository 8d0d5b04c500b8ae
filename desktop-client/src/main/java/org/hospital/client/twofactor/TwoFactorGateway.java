package org.hospital.client.twofactor;

import java.util.List;

/** Setting up the signed-in user's two-step sign-in. Blocking: run through the TaskRunner. */
public interface TwoFactorGateway {

  /** A new secret for the authenticator app: as text, as an otpauth:// address, and as a QR code (PNG). */
  record Setup(String secret, String address, byte[] qrPng) {}

  Setup begin();

  /** Turns it on with a code from the app; the recovery codes, shown once. */
  List<String> confirm(String code);

  /** With it already on: new recovery codes for the old, given a current code from the app. */
  List<String> replaceRecoveryCodes(String code);
}
