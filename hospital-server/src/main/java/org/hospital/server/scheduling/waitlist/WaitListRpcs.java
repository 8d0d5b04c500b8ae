package org.hospital.server.scheduling.waitlist;

import java.time.Clock;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.AddToWaitListResponse;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.ListWaitListRequest;
import org.hospital.proto.scheduling.v1.ListWaitListResponse;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListRequest;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListResponse;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.SchedulingRequestValidator;
import org.hospital.server.scheduling.hours.ScheduleQueryService;
import org.hospital.server.scheduling.hours.SlotProtos;

/** The wait-list RPCs: adding, listing and removing entries, and the best candidates for a freed slot. */
public final class WaitListRpcs {

  private final WaitListService waitList;
  private final WaitListRequests requests;

  public WaitListRpcs(WaitListService waitList, ScheduleQueryService queries, Clock clock) {
    this.waitList = waitList;
    this.requests = new WaitListRequests(clock, queries.zone());
  }

  public AddToWaitListResponse add(AddToWaitListRequest r) {
    WaitListEntry e = waitList.add(requests.addition(r), CurrentUser.get());
    return AddToWaitListResponse.newBuilder().setEntry(WaitListRequests.toProto(e)).build();
  }

  public ListWaitListResponse list(ListWaitListRequest r) {
    Violations v = new Violations();
    SchedulingRequestValidator.ids(v, "department_ids", r.getDepartmentIdsList(), false);
    SchedulingRequestValidator.ids(v, "clinician_ids", r.getClinicianIdsList(), false);
    v.throwIfAny();
    ListWaitListResponse.Builder out = ListWaitListResponse.newBuilder();
    waitList.list(r.getDepartmentIdsList(), r.getClinicianIdsList(), CurrentUser.get())
        .forEach(e -> out.addEntries(WaitListRequests.toProto(e)));
    return out.build();
  }

  public RemoveFromWaitListResponse remove(RemoveFromWaitListRequest r) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "id", r.getId());
    long version = SchedulingRequestValidator.id(v, "expected_version", r.getExpectedVersion());
    String reason = SchedulingRequestValidator.requiredText(v, "reason", r.getReason(),
        SchedulingRequestValidator.REASON_MAX);
    v.throwIfAny();
    waitList.remove(id, version, reason, CurrentUser.get());
    return RemoveFromWaitListResponse.getDefaultInstance();
  }

  public FindWaitListCandidatesResponse findCandidates(FindWaitListCandidatesRequest r) {
    WaitListRequests.CandidateQuery q = WaitListRequests.candidateQuery(r);
    WaitListCandidates.Match m = waitList.candidates(q.clinicianId(), q.slotStart(), q.visitType(), q.max(),
        CurrentUser.get());
    FindWaitListCandidatesResponse.Builder out = FindWaitListCandidatesResponse.newBuilder()
        .setSlotFree(m.slot().free()).setSlot(SlotProtos.toProto(m.slot().slot(), m.slot().free()));
    m.candidates().forEach(e -> out.addCandidates(WaitListRequests.toProto(e)));
    return out.build();
  }
}
