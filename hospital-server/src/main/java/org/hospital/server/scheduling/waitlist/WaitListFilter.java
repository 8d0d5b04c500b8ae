package org.hospital.server.scheduling.waitlist;

import java.util.List;
import java.util.Set;

/**
 * What a live wait-list subscriber follows: entries of these departments or these clinicians (both empty: all),
 * the same rule as ListWaitList, so that the snapshot and the events agree.
 */
public record WaitListFilter(Set<Long> departmentIds, Set<Long> clinicianIds) {

  public WaitListFilter {
    departmentIds = Set.copyOf(departmentIds);
    clinicianIds = Set.copyOf(clinicianIds);
  }

  public boolean matches(WaitListEventRecord e) {
    return departmentIds.isEmpty() && clinicianIds.isEmpty() || departmentIds.contains(e.departmentId())
        || e.clinicianId() != 0 && clinicianIds.contains(e.clinicianId());
  }

  List<Long> departments() {
    return departmentIds.stream().sorted().toList();
  }

  List<Long> clinicians() {
    return clinicianIds.stream().sorted().toList();
  }
}
