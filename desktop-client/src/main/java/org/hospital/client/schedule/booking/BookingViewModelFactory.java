package org.hospital.client.schedule.booking;

import java.util.function.Consumer;
import org.hospital.client.schedule.BookingSlot;
import org.hospital.proto.scheduling.v1.Appointment;

/** Builds the ViewModel of one booking dialog (the composition root knows its dependencies). */
@FunctionalInterface
public interface BookingViewModelFactory {

  /** @param leave closes the dialog without booking (the user went to register the patient first) */
  BookingViewModel create(BookingSlot slot, Consumer<Appointment> onBooked, Runnable leave);
}
