package org.hospital.server.scheduling.booking;

import java.util.List;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.BookAppointmentResponse;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesRequest;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesResponse;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentResponse;
import org.hospital.proto.scheduling.v1.CancelScope;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentRequest;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentResponse;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.SchedulingCommands;
import org.hospital.server.scheduling.SchedulingRequestValidator;
import org.hospital.server.scheduling.appointments.AppointmentMapper;
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.series.SeriesService;
import org.hospital.server.scheduling.visits.VisitService;

/** The RPCs that book, move and cancel appointments, one at a time or as a series. */
public final class AppointmentRpcs {

  private final BookingService bookings;
  private final SeriesService series;
  private final VisitService visits;
  private final SchedulingCommands commands;

  public AppointmentRpcs(BookingService bookings, SeriesService series, VisitService visits, SchedulingCommands commands) {
    this.bookings = bookings;
    this.series = series;
    this.visits = visits;
    this.commands = commands;
  }

  public BookAppointmentResponse book(BookAppointmentRequest r) {
    AppointmentRow a = bookings.book(commands.book(r), CurrentUser.get());
    return BookAppointmentResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build();
  }

  public RescheduleAppointmentResponse reschedule(RescheduleAppointmentRequest r) {
    AppointmentRow a = bookings.reschedule(commands.reschedule(r), CurrentUser.get());
    return RescheduleAppointmentResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build();
  }

  public CancelAppointmentResponse cancel(CancelAppointmentRequest r) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "appointment_id", r.getAppointmentId());
    long version = SchedulingRequestValidator.id(v, "expected_version", r.getExpectedVersion());
    String reason = SchedulingRequestValidator.requiredText(v, "reason", r.getReason(),
        SchedulingRequestValidator.REASON_MAX);
    if (r.getScope() == CancelScope.UNRECOGNIZED) {
      v.add("scope", FieldViolationCode.UNKNOWN_VALUE);
    }
    v.throwIfAny();
    if (r.getScope() == CancelScope.THIS_AND_FOLLOWING) {
      // The first row is the appointment asked for; the rest are the later ones of its series.
      List<AppointmentRow> cancelled = series.cancelWithFollowing(id, version, reason, CurrentUser.get());
      CancelAppointmentResponse.Builder out = CancelAppointmentResponse.newBuilder()
          .setAppointment(AppointmentMapper.toProto(cancelled.get(0)));
      cancelled.stream().skip(1).forEach(a -> out.addFollowing(AppointmentMapper.toProto(a)));
      return out.build();
    }
    AppointmentRow a = visits.cancel(id, version, reason, CurrentUser.get());
    return CancelAppointmentResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build();
  }

  public BookAppointmentSeriesResponse bookSeries(BookAppointmentSeriesRequest r) {
    SeriesService.BookedSeries booked = series.book(commands.series(r), CurrentUser.get());
    BookAppointmentSeriesResponse.Builder out = BookAppointmentSeriesResponse.newBuilder()
        .setSeriesId(booked.seriesId());
    booked.appointments().forEach(a -> out.addAppointments(AppointmentMapper.toProto(a)));
    return out.build();
  }
}
