package org.hospital.server.scheduling.feed;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a live schedule subscriber follows: appointments of these departments or these clinicians (both
 * empty: all) that start in [from, to).
 */
public record ScheduleFilter(Set<Long> departmentIds, Set<Long> clinicianIds, Instant from, Instant to) {

  public ScheduleFilter {
    departmentIds = Set.copyOf(departmentIds);
    clinicianIds = Set.copyOf(clinicianIds);
  }

  public boolean matches(ScheduleEventRecord e) {
    boolean who = departmentIds.isEmpty() && clinicianIds.isEmpty() || departmentIds.contains(e.departmentId())
        || clinicianIds.contains(e.clinicianId());
    return who && !e.start().isBefore(from) && e.start().isBefore(to);
  }

  List<Long> departments() {
    return departmentIds.stream().sorted().toList();
  }

  List<Long> clinicians() {
    return clinicianIds.stream().sorted().toList();
  }
}
