package org.hospital.client.tasks;

/** Something started that can be called off; calling off twice or after completion does nothing. */
@FunctionalInterface
public interface Cancellable {

  Cancellable NONE = () -> { };

  void cancel();
}
