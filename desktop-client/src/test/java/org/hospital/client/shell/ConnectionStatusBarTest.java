package org.hospital.client.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectionStatusBarTest {

  @Test
  void timeSinceTheLinkWasLostReadsAsAClock() {
    assertEquals("0:07", ConnectionStatusBar.elapsed(7));
    assertEquals("12:40", ConnectionStatusBar.elapsed(760));
    assertEquals("1:02:05", ConnectionStatusBar.elapsed(3725));
  }
}
