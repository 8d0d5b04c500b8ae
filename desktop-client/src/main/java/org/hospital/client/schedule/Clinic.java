package org.hospital.client.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;

/**
 * The departments and bookable clinicians of the hospital, and its time zone: days and working hours are the
 * hospital's, whatever zone the workstation is set to.
 */
public record Clinic(List<Department> departments, List<Clinician> clinicians, ZoneId zone) {

  public Clinic {
    departments = departments.stream().sorted(Comparator.comparing(Department::getName)).toList();
    clinicians = clinicians.stream().sorted(Comparator.comparing(Clinician::getDisplayName)).toList();
  }

  /** @param fallback the zone to use when the server names none this JVM knows */
  public static Clinic of(ListCliniciansResponse response, ZoneId fallback) {
    ZoneId zone;
    try {
      zone = response.getTimeZone().isBlank() ? fallback : ZoneId.of(response.getTimeZone());
    } catch (DateTimeException e) {
      zone = fallback;
    }
    return new Clinic(response.getDepartmentsList(), response.getCliniciansList(), zone);
  }

  public List<Clinician> cliniciansOf(long departmentId) {
    return clinicians.stream().filter(c -> c.getDepartmentId() == departmentId).toList();
  }

  public Optional<Clinician> clinician(long id) {
    return clinicians.stream().filter(c -> c.getId() == id).findFirst();
  }

  public String clinicianName(long id) {
    return clinician(id).map(Clinician::getDisplayName).orElse("");
  }
}
