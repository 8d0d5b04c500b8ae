package org.hospital.server.scheduling.feed;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Resumed;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.live.DurableEventLog;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.live.LiveFeeds;
import org.hospital.server.persistence.DbTime;
import org.hospital.server.scheduling.appointments.AppointmentMapper;
import org.hospital.server.scheduling.appointments.AppointmentRow;

/**
 * The schedule's live feed: an appointment change becomes a row of schedule_event (the appointment as of the
 * change, with the columns filters look at) and a ScheduleEvent for subscribers.
 */
public final class ScheduleEvents implements DurableEventLog.Codec<ScheduleEvents.Change, ScheduleEventRecord>,
    LiveFeed.Messages<ScheduleEventRecord, ScheduleUpdate> {

  /** Recent events kept in memory; subscribers further behind read the log. */
  static final int RING_SIZE = 8192;

  public record Change(ScheduleEventType type, AppointmentRow appointment) {}

  public static LiveFeed<Change, ScheduleEventRecord, ScheduleUpdate> open(LiveFeeds feeds) {
    ScheduleEvents events = new ScheduleEvents();
    return feeds.open("schedule", RING_SIZE, SchedulingServiceGrpc.getSubscribeScheduleMethod(), events, events);
  }

  @Override
  public List<String> columns() {
    return List.of("event_type", "occurred_at", "appointment_id", "clinician_id", "department_id", "start_at",
        "payload");
  }

  @Override
  public ScheduleEventRecord bind(PreparedStatement ins, long seq, Change ch, Instant now) throws SQLException {
    AppointmentRow a = ch.appointment();
    Appointment payload = AppointmentMapper.toProto(a);
    ins.setString(2, ch.type().name());
    DbTime.set(ins, 3, now);
    ins.setLong(4, a.id());
    ins.setLong(5, a.clinicianId());
    ins.setLong(6, a.departmentId());
    DbTime.set(ins, 7, a.start());
    ins.setBytes(8, payload.toByteArray());
    return record(seq, ch.type().name(), now, a.clinicianId(), a.departmentId(), a.start(), payload);
  }

  @Override
  public ScheduleEventRecord read(ResultSet rs) throws SQLException, IOException {
    return record(rs.getLong("seq"), rs.getString("event_type"), DbTime.get(rs, "occurred_at"),
        rs.getLong("clinician_id"), rs.getLong("department_id"), DbTime.get(rs, "start_at"),
        Appointment.parseFrom(rs.getBytes("payload")));
  }

  @Override
  public ScheduleUpdate resumed(long afterSequence) {
    return ScheduleUpdate.newBuilder().setResumed(Resumed.newBuilder().setAfterSequence(afterSequence)).build();
  }

  @Override
  public ScheduleUpdate event(ScheduleEventRecord e) {
    return ScheduleUpdate.newBuilder().setEvent(e.message()).build();
  }

  private static ScheduleEventRecord record(long seq, String type, Instant at, long clinicianId,
      long departmentId, Instant start, Appointment a) {
    ScheduleEvent message = ScheduleEvent.newBuilder()
        .setSequence(seq)
        .setType(org.hospital.proto.scheduling.v1.ScheduleEventType.valueOf(type))
        .setOccurredAt(ProtoDates.timestamp(at))
        .setAppointment(a)
        .build();
    return new ScheduleEventRecord(seq, clinicianId, departmentId, start, message);
  }
}
