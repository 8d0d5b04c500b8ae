package org.hospital.server.security;

/** The "source" of an audit entry: where a call came from, as "peer workstation". */
final class Sources {

  /** The audit log's source column holds 200 characters. */
  private static final int MAX = 200;

  private Sources() {}

  static String describe(String peer, String workstation) {
    String text = workstation == null || workstation.isEmpty() ? peer : peer + " " + workstation;
    return text.length() <= MAX ? text : text.substring(0, MAX);
  }
}
