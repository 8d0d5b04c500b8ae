package org.hospital.server.scheduling.hours;

import java.util.HashSet;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.FindFreeSlotsResponse;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;
import org.hospital.proto.scheduling.v1.ListSlotsRequest;
import org.hospital.proto.scheduling.v1.ListSlotsResponse;
import org.hospital.server.errors.Violations;
import org.hospital.server.scheduling.SchedulingRequestValidator.DateRange;
import org.hospital.server.scheduling.SchedulingCommands;
import org.hospital.server.scheduling.SchedulingRequestValidator;

/** The read-only scheduling RPCs: who works where, and which slots there are. */
public final class ScheduleReadRpcs {

  private final ScheduleQueryService queries;
  private final SchedulingRequestValidator validate;
  private final SchedulingCommands commands;
  private final java.time.Duration checkInOpensBefore;
  private final java.time.Clock clock;

  public ScheduleReadRpcs(ScheduleQueryService queries, SchedulingRequestValidator validate, SchedulingCommands commands,
      java.time.Duration checkInOpensBefore, java.time.Clock clock) {
    this.checkInOpensBefore = checkInOpensBefore;
    this.clock = clock;
    this.queries = queries;
    this.validate = validate;
    this.commands = commands;
  }

  public ListCliniciansResponse listClinicians() {
    ScheduleQueryService.Roster r = queries.roster();
    ListCliniciansResponse.Builder out = ListCliniciansResponse.newBuilder().setTimeZone(r.zone().getId())
        // the desk disables Check in outside the window; the server still decides by its own clock
        .setCheckInOpensMinutesBefore((int) checkInOpensBefore.toMinutes())
        .setServerTime(org.hospital.server.errors.ProtoDates.timestamp(clock.instant()));
    r.departments().forEach(d -> out.addDepartments(Department.newBuilder().setId(d.id()).setCode(d.code())
        .setName(d.name()).setSpecialty(d.specialty())));
    r.clinicians().forEach(c -> out.addClinicians(Clinician.newBuilder().setId(c.id())
        .setDisplayName(c.displayName()).setDepartmentId(c.departmentId()).setSpecialty(c.specialty())));
    return out.build();
  }

  public ListSlotsResponse listSlots(ListSlotsRequest request) {
    Violations v = new Violations();
    SchedulingRequestValidator.ids(v, "clinician_ids", request.getClinicianIdsList(), true);
    DateRange range = validate.range(v, request.getFrom(), request.getTo(), false);
    v.throwIfAny();
    var known = new HashSet<Long>();
    queries.roster().clinicians().forEach(c -> known.add(c.id()));
    if (!known.containsAll(request.getClinicianIdsList())) {
      v.add("clinician_ids", FieldViolationCode.UNKNOWN_ID).throwIfAny();
    }
    ListSlotsResponse.Builder out = ListSlotsResponse.newBuilder();
    for (FreeSlot f : queries.slots(request.getClinicianIdsList().stream().distinct().toList(), range.from(),
        range.to())) {
      out.addSlots(SlotProtos.toProto(f.slot(), f.free()));
    }
    return out.build();
  }

  public FindFreeSlotsResponse findFreeSlots(FindFreeSlotsRequest request) {
    SchedulingCommands.FreeSlotQuery q = commands.freeSlotQuery(request);
    if (q.target() instanceof ScheduleQueryService.ClinicianTarget c
        && queries.roster().clinicians().stream().noneMatch(x -> x.id() == c.clinicianId())) {
      new Violations().add("clinician_id", FieldViolationCode.UNKNOWN_ID).throwIfAny();
    }
    FindFreeSlotsResponse.Builder out = FindFreeSlotsResponse.newBuilder();
    queries.freeSlots(q.target(), q.range().from(), q.range().to(), q.max())
        .forEach(s -> out.addSlots(SlotProtos.toProto(s, true)));
    return out.build();
  }
}
