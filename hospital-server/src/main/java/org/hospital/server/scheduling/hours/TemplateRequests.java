package org.hospital.server.scheduling.hours;

import com.google.protobuf.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.ScheduleExceptionEntry;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateRequest;
import org.hospital.proto.scheduling.v1.TemplateSession;
import org.hospital.server.errors.Violations;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.scheduling.SchedulingRequestValidator;

/** Checks and maps the schedule editing requests and answers. */
final class TemplateRequests {

  static final int MAX_SESSIONS = 50;
  static final int NOTE_MAX = 200;
  static final Duration MAX_EXCEPTION = Duration.ofDays(366);
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private final Clock clock;
  private final ZoneId zone;

  TemplateRequests(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  record TemplateChange(long clinicianId, LocalDate from, List<WeeklyTemplate> sessions) {}

  TemplateChange templateChange(SetWeeklyTemplateRequest r) {
    Violations v = new Violations();
    long clinician = SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId());
    LocalDate from = SchedulingRequestValidator.date(v, "effective_from", r.getEffectiveFrom(), null);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (from != null && !from.isAfter(today)) {
      v.add("effective_from", FieldViolationCode.IN_PAST);
    } else if (from != null && from.isAfter(today.plusYears(2))) {
      v.add("effective_from", FieldViolationCode.OUT_OF_RANGE);
    }
    if (r.getSessionsCount() > MAX_SESSIONS) {
      v.add("sessions", FieldViolationCode.OUT_OF_RANGE);
    }
    List<WeeklyTemplate> sessions = new ArrayList<>();
    for (int i = 0; i < r.getSessionsCount() && i < MAX_SESSIONS; i++) {
      WeeklyTemplate t = session(v, "sessions[" + i + "].", r.getSessions(i), clinician, from);
      if (t != null) {
        for (WeeklyTemplate other : sessions) {
          if (other.weekday() == t.weekday() && other.start().isBefore(t.end()) && t.start().isBefore(other.end())) {
            v.add("sessions[" + i + "].start_time", FieldViolationCode.OUT_OF_RANGE);
          }
        }
        sessions.add(t);
      }
    }
    v.throwIfAny();
    return new TemplateChange(clinician, from, sessions);
  }

  private static WeeklyTemplate session(Violations v, String prefix, TemplateSession s, long clinician,
      LocalDate from) {
    if (s.getWeekday() < 1 || s.getWeekday() > 7) {
      v.add(prefix + "weekday", FieldViolationCode.OUT_OF_RANGE);
    }
    LocalTime start = time(v, prefix + "start_time", s.getStartTime());
    LocalTime end = time(v, prefix + "end_time", s.getEndTime());
    if (start != null && end != null && !start.isBefore(end)) {
      v.add(prefix + "end_time", FieldViolationCode.OUT_OF_RANGE);
    }
    if (s.getSlotMinutes() < 5 || s.getSlotMinutes() > 240) {
      v.add(prefix + "slot_minutes", FieldViolationCode.OUT_OF_RANGE);
    }
    if (s.getMaxAppointments() < 0 || s.getMaxAppointments() > 1000) {
      v.add(prefix + "max_appointments", FieldViolationCode.OUT_OF_RANGE);
    }
    if (start == null || end == null || !start.isBefore(end) || v.has(prefix + "weekday")
        || v.has(prefix + "slot_minutes")) {
      return null;
    }
    return new WeeklyTemplate(clinician, s.getWeekday(), start, end, s.getSlotMinutes(), s.getMaxAppointments(),
        from, null);
  }

  private static LocalTime time(Violations v, String field, String raw) {
    if (raw.isEmpty()) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    if (raw.length() > 5 || !TIME.matcher(raw).matches()) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
      return null;
    }
    try {
      return LocalTime.parse(raw);
    } catch (DateTimeParseException e) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
      return null;
    }
  }

  record NewException(ScheduleException exception, String note) {}

  NewException exception(AddScheduleExceptionRequest r) {
    Violations v = new Violations();
    long clinician = SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId());
    ScheduleException.Kind kind = switch (r.getKind()) {
      case LEAVE -> ScheduleException.Kind.LEAVE;
      case BLOCKED -> ScheduleException.Kind.BLOCKED;
      case EXTRA_SESSION -> ScheduleException.Kind.EXTRA_SESSION;
      default -> {
        v.add("kind", r.getKindValue() == 0 ? FieldViolationCode.REQUIRED : FieldViolationCode.UNKNOWN_VALUE);
        yield null;
      }
    };
    Instant start = instant(v, "start", r.hasStart(), r.getStart());
    Instant end = instant(v, "end", r.hasEnd(), r.getEnd());
    if (start != null && end != null) {
      if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_EXCEPTION) > 0) {
        v.add("end", FieldViolationCode.OUT_OF_RANGE);
      } else if (end.isBefore(clock.instant())) {
        v.add("end", FieldViolationCode.IN_PAST);
      }
    }
    if (kind == ScheduleException.Kind.EXTRA_SESSION && (r.getSlotMinutes() < 5 || r.getSlotMinutes() > 240)) {
      v.add("slot_minutes", r.getSlotMinutes() == 0 ? FieldViolationCode.REQUIRED : FieldViolationCode.OUT_OF_RANGE);
    }
    String note = SchedulingRequestValidator.optionalText(v, "note", r.getNote(), NOTE_MAX);
    v.throwIfAny();
    return new NewException(new ScheduleException(clinician, kind, start, end,
        kind == ScheduleException.Kind.EXTRA_SESSION ? r.getSlotMinutes() : 0), note);
  }

  private static Instant instant(Violations v, String field, boolean present, Timestamp t) {
    if (!present) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    if (!SchedulingRequestValidator.wellFormed(t)) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
      return null;
    }
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  static TemplateSession toProto(WeeklyTemplate t) {
    return TemplateSession.newBuilder().setWeekday(t.weekday()).setStartTime(t.start().toString())
        .setEndTime(t.end().toString()).setSlotMinutes(t.slotMinutes()).setMaxAppointments(t.maxAppointments())
        .build();
  }

  static ScheduleExceptionEntry toProto(TemplateStore.StoredException s) {
    ScheduleException e = s.exception();
    ScheduleExceptionEntry.Builder b = ScheduleExceptionEntry.newBuilder().setId(s.id())
        .setClinicianId(e.clinicianId()).setKind(ScheduleExceptionKind.valueOf(e.kind().name()))
        .setStart(ProtoDates.timestamp(e.start())).setEnd(ProtoDates.timestamp(e.end()))
        .setSlotMinutes(e.slotMinutes());
    if (s.note() != null) {
      b.setNote(s.note());
    }
    return b.build();
  }
}
