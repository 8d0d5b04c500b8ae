package org.hospital.client.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;

/** Records what the ViewModel asked and answers as the test decides. */
public final class ScriptedScheduleDialogs implements ScheduleDialogs {

  public final List<String> asked = new ArrayList<>();
  public BookingSlot bookingSlot;
  public Consumer<Appointment> booked;
  /** The reason typed into the cancel dialog; null: the dialog is dismissed. */
  public String cancelReason;
  /** The answer to "this and the following ones" for a member of a series. */
  public boolean cancelFollowing;
  public boolean confirmAnswer;
  /** Index of the slot chosen in the move dialog; -1: dismissed. */
  public int slotChoice = -1;
  public List<SlotChoice> offeredSlots = List.of();

  @Override
  public void book(BookingSlot slot, Consumer<Appointment> whenBooked) {
    asked.add("book");
    bookingSlot = slot;
    booked = whenBooked;
  }

  @Override
  public void walkIn(BookingSlot walkIn, List<Clinician> clinicians, Consumer<Appointment> checkedIn) {
    asked.add("walkIn " + walkIn.clinicianName() + " of " + clinicians.size());
    bookingSlot = walkIn;
    booked = checkedIn;
  }

  @Override
  public void askCancelReason(String appointmentText, Consumer<String> reason) {
    asked.add("cancelReason " + appointmentText);
    if (cancelReason != null) {
      reason.accept(cancelReason);
    }
  }

  @Override
  public void askSeriesCancel(String appointmentText, String seriesText, Consumer<SeriesCancel> answer) {
    asked.add("seriesCancel " + appointmentText + " / " + seriesText);
    if (cancelReason != null) {
      answer.accept(new SeriesCancel(cancelReason, cancelFollowing));
    }
  }

  @Override
  public void confirm(String question, String confirmLabel, Runnable confirmed) {
    asked.add("confirm " + question);
    if (confirmAnswer) {
      confirmed.run();
    }
  }

  @Override
  public void chooseSlot(String appointmentText, List<SlotChoice> choices, Consumer<SlotChoice> chosen) {
    asked.add("chooseSlot " + appointmentText);
    offeredSlots = choices;
    if (slotChoice >= 0) {
      chosen.accept(choices.get(slotChoice));
    }
  }

  /** What the finder answers; null: it is closed without choosing. */
  public SlotChoice found;

  @Override
  public void findFreeSlot(Clinic clinic, Department shown, Consumer<SlotChoice> chosen) {
    asked.add("findFreeSlot " + (shown == null ? "" : shown.getName()));
    if (found != null) {
      chosen.accept(found);
    }
  }
}
