package org.hospital.client.schedule.booking;

import java.util.List;
import java.util.function.Consumer;
import org.hospital.client.schedule.BookingSlot;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;

/** Builds the ViewModel of one booking dialog (the composition root knows its dependencies). */
@FunctionalInterface
public interface BookingViewModelFactory {

  /** @param leave closes the dialog without booking (the user went to register the patient first) */
  BookingViewModel create(BookingSlot slot, Consumer<Appointment> onBooked, Runnable leave);

  /** The same dialog for a walk-in, choosing among {@code clinicians}. */
  default BookingViewModel createWalkIn(BookingSlot slot, List<Clinician> clinicians, Consumer<Appointment> onDone,
      Runnable leave) {
    BookingViewModel vm = create(slot, onDone, leave);
    vm.offerClinicians(clinicians);
    return vm;
  }
}
