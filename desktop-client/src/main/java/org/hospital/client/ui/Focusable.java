package org.hospital.client.ui;

/** A screen that knows where the caret should go when it is shown. */
public interface Focusable {

  void focusFirst();
}
