package org.hospital.client.schedule.waitlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.schedule.ScriptedStreams;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListUpdate;

/** Answers from what the test sets, and records every call as one line of text. */
final class FakeWaitListGateway implements WaitListGateway {

  final List<String> calls = new ArrayList<>();
  List<WaitListEntry> entries = new ArrayList<>();
  FindWaitListCandidatesResponse candidates = FindWaitListCandidatesResponse.getDefaultInstance();
  /** Thrown by the next call, then cleared. */
  RuntimeException nextFailure;

  static WaitListEntry entry(long id, String name, long clinicianId, VisitType type, String reason) {
    return WaitListEntry.newBuilder().setId(id).setVersion(3).setPatientId(100 + id).setPatientName(name)
        .setPatientMrn("MRN-" + id).setClinicianId(clinicianId).setDepartmentId(1)
        .setEarliest(Date.newBuilder().setYear(2026).setMonth(11).setDay(30))
        .setLatest(Date.newBuilder().setYear(2026).setMonth(12).setDay(20)).setVisitType(type).setReason(reason)
        .setAddedAt(ScriptedStreams.ts(Instant.parse("2026-11-20T10:00:00Z"))).build();
  }

  @Override
  public WaitListEntry add(AddToWaitListRequest request) {
    calls.add("add " + request.getPatientId() + " " + request.getTargetCase() + "=" + (request.hasClinicianId()
        ? request.getClinicianId() : request.getDepartmentId()) + " " + request.getEarliest().getDay() + "/"
        + request.getEarliest().getMonth() + ".." + request.getLatest().getDay() + "/" + request.getLatest().getMonth()
        + " " + request.getVisitType() + " " + request.getReason());
    failIfScripted();
    return entry(77, "NEW, Patient", request.getClinicianId(), request.getVisitType(), request.getReason());
  }

  @Override
  public void remove(long entryId, long expectedVersion, String reason) {
    calls.add("remove " + entryId + " v" + expectedVersion + " " + reason);
    failIfScripted();
    entries.removeIf(e -> e.getId() == entryId);
  }

  /** The panel subscribes through a {@link WaitListFeed.Factory}; tests script those streams instead. */
  @Override
  public Cancellable subscribe(SubscribeWaitListRequest request, FeedObserver<WaitListUpdate> observer) {
    calls.add("subscribe " + request.getDepartmentIdsList());
    return Cancellable.NONE;
  }

  @Override
  public FindWaitListCandidatesResponse candidates(long clinicianId, Instant slotStart) {
    calls.add("candidates " + clinicianId + " " + slotStart);
    failIfScripted();
    return candidates;
  }

  private void failIfScripted() {
    RuntimeException failure = nextFailure;
    nextFailure = null;
    if (failure != null) {
      throw failure;
    }
  }
}
