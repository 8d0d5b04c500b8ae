package org.hospital.client.schedule;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
public record Clinic(List<Department> departments, List<Clinician> clinicians, ZoneId zone,
    CheckInWindow checkIn, Duration serverClockOffset) {

  /** The server's default, for an answer that names no window (the server always does; a zero is no window). */
  public static final Duration DEFAULT_CHECK_IN_OPENS_BEFORE = Duration.ofHours(2);

  /** With the server's default check-in window (two hours before the start), for callers that know no other. */
  public Clinic(List<Department> departments, List<Clinician> clinicians, ZoneId zone) {
    this(departments, clinicians, zone, new CheckInWindow(DEFAULT_CHECK_IN_OPENS_BEFORE, zone), Duration.ZERO);
  }

  public Clinic {
    departments = departments.stream().sorted(Comparator.comparing(Department::getName)).toList();
    clinicians = clinicians.stream().sorted(Comparator.comparing(Clinician::getDisplayName)).toList();
  }

  /** @param fallback the zone to use when the server names none this JVM knows */
  public static Clinic of(ListCliniciansResponse response, ZoneId fallback) {
    return of(response, fallback, null);
  }

  /**
   * @param receivedAt the workstation's time when the answer came; with the server's time in the answer this
   *     gives how far the workstation's clock is off the server's (null: taken as not off)
   */
  public static Clinic of(ListCliniciansResponse response, ZoneId fallback, Instant receivedAt) {
    ZoneId zone;
    try {
      zone = response.getTimeZone().isBlank() ? fallback : ZoneId.of(response.getTimeZone());
    } catch (DateTimeException e) {
      zone = fallback;
    }
    Duration offset = receivedAt == null || !response.hasServerTime() ? Duration.ZERO : Duration.between(receivedAt,
        Instant.ofEpochSecond(response.getServerTime().getSeconds(), response.getServerTime().getNanos()));
    return new Clinic(response.getDepartmentsList(), response.getCliniciansList(), zone,
        new CheckInWindow(response.getCheckInOpensMinutesBefore() > 0
            ? Duration.ofMinutes(response.getCheckInOpensMinutesBefore()) : DEFAULT_CHECK_IN_OPENS_BEFORE, zone),
        offset);
  }

  /** The server's "now", reckoned from the workstation's clock and how far it was off when the clinic loaded. */
  public Instant now(Clock clock) {
    return clock.instant().plus(serverClockOffset);
  }

  /** The hospital's today by the server's clock. */
  public LocalDate today(Clock clock) {
    return now(clock).atZone(zone).toLocalDate();
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
