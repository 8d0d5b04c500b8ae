package org.hospital.client.schedule.hours;

/**
 * The form for leave, blocked time or an extra session, shown as a dialog. The dialog stays open while the
 * server is asked and closes itself when {@link ExceptionFormViewModel#doneProperty()} turns true; closing
 * it otherwise adds nothing.
 */
public interface ExceptionDialogs {

  void addException(ExceptionFormViewModel form);
}
