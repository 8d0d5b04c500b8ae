package org.hospital.client.schedule;

import java.util.List;
import java.util.function.Consumer;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;

/**
 * The dialogs of the schedule screens. Like {@code DialogService}, answers arrive through callbacks on the UI
 * thread, and a dismissed dialog calls back nothing, so ViewModels are tested with a scripted implementation.
 */
public interface ScheduleDialogs {

  /** The booking dialog for a free slot; {@code booked} gets the appointment once the server has booked it. */
  void book(BookingSlot slot, Consumer<Appointment> booked);

  /** The same dialog for a patient without a booking, seen today by one of {@code clinicians}. */
  void walkIn(BookingSlot walkIn, List<Clinician> clinicians, Consumer<Appointment> checkedIn);

  /** Asks why an appointment is cancelled; the reason is required, so the answer is never blank. */
  void askCancelReason(String appointmentText, Consumer<String> reason);

  /** The answer of the cancel dialog for a member of a series. */
  record SeriesCancel(String reason, boolean andFollowing) {}

  /**
   * Like {@link #askCancelReason}, for a member of a series ({@code seriesText}: "3 of 6"), also asking
   * whether the following booked appointments of the series go too.
   */
  void askSeriesCancel(String appointmentText, String seriesText, Consumer<SeriesCancel> answer);

  /** A yes/no question for steps that cannot be undone at the desk (no-show). */
  void confirm(String question, String confirmLabel, Runnable confirmed);

  /** Offers free slots to move an appointment to. */
  void chooseSlot(String appointmentText, List<SlotChoice> choices, Consumer<SlotChoice> chosen);

  /**
   * The free-slot finder (next free in a department, a specialty or with a clinician), opened on the department
   * on screen; {@code chosen} gets the slot the user wants to book.
   */
  void findFreeSlot(Clinic clinic, Department shown, Consumer<SlotChoice> chosen);
}
