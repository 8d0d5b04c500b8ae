package org.hospital.client.schedule;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.live.FeedSource;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.Resumed;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleSnapshot;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;

/** A schedule stream source the test drives by hand: it records every opening and can send on the last one. */
public final class ScriptedStreams implements FeedSource<ScheduleUpdate> {

  /** One opened stream. */
  public static final class Stream {
    public final long afterSequence;
    final FeedObserver<ScheduleUpdate> observer;
    public boolean cancelled;

    Stream(long afterSequence, FeedObserver<ScheduleUpdate> observer) {
      this.afterSequence = afterSequence;
      this.observer = observer;
    }

    public Stream snapshot(long sequence, Appointment... appointments) {
      observer.onNext(ScheduleUpdate.newBuilder().setSnapshot(ScheduleSnapshot.newBuilder().setSequence(sequence)
          .addAllAppointments(List.of(appointments))).build());
      return this;
    }

    public Stream resumed(long after) {
      observer.onNext(ScheduleUpdate.newBuilder().setResumed(Resumed.newBuilder().setAfterSequence(after)).build());
      return this;
    }

    public Stream event(long sequence, Appointment appointment) {
      observer.onNext(ScheduleUpdate.newBuilder().setEvent(ScheduleEvent.newBuilder().setSequence(sequence)
          .setAppointment(appointment)).build());
      return this;
    }

    public void fail(Throwable failure) {
      observer.onError(failure);
    }
  }

  public final List<Stream> opened = new ArrayList<>();

  @Override
  public Cancellable open(long afterSequence, FeedObserver<ScheduleUpdate> observer) {
    Stream stream = new Stream(afterSequence, observer);
    opened.add(stream);
    return () -> stream.cancelled = true;
  }

  public Stream last() {
    return opened.getLast();
  }

  public static Appointment appointment(long id, long version, AppointmentStatus status) {
    return appointment(id, version, status, 1, Instant.parse("2026-11-30T09:00:00Z"), "DOE, Jane", "MRN-" + id);
  }

  public static Appointment appointment(long id, long version, AppointmentStatus status, long clinicianId,
      Instant start, String patientName, String mrn) {
    return Appointment.newBuilder().setId(id).setVersion(version).setStatus(status).setClinicianId(clinicianId)
        .setDepartmentId(1).setPatientId(100 + id).setPatientName(patientName).setPatientMrn(mrn)
        .setStart(ts(start)).setEnd(ts(start.plusSeconds(15 * 60))).build();
  }

  public static Timestamp ts(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
