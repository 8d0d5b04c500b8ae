package org.hospital.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

  @Test
  void parsesWhatPeopleType() {
    assertEquals(Optional.of(new ServerAddress("localhost", 9443)), ServerAddress.parse("localhost"));
    assertEquals(Optional.of(new ServerAddress("10.0.0.5", 7000)), ServerAddress.parse(" 10.0.0.5:7000 "));
    assertEquals("[::1]:9443", ServerAddress.parse("[::1]:9443").orElseThrow().target());
    assertTrue(ServerAddress.parse("host:99999").isEmpty());
    assertTrue(ServerAddress.parse(":9443").isEmpty());
    assertTrue(ServerAddress.parse("my host:1").isEmpty());
  }
}
