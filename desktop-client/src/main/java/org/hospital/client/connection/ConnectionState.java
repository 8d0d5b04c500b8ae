package org.hospital.client.connection;

/** What the status bar shows about the link to the server. */
public enum ConnectionState {
  CONNECTING,
  READY,
  UNAVAILABLE
}
