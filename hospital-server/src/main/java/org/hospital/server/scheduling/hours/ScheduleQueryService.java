package org.hospital.server.scheduling.hours;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.scheduling.appointments.Directory;
import org.hospital.server.scheduling.writes.ScheduleReads;

/** Reads of the schedule that carry no patient data: who can be booked, and which slots are free. */
public final class ScheduleQueryService {

  /** What a FindFreeSlots request asks about: one clinician, a department, or a specialty. */
  public sealed interface Target permits ClinicianTarget, DepartmentTarget, SpecialtyTarget {}

  public record ClinicianTarget(long clinicianId) implements Target {}

  public record DepartmentTarget(long departmentId) implements Target {}

  public record SpecialtyTarget(String specialty) implements Target {}

  /** Departments and clinicians, for ListClinicians. */
  public record Roster(List<Directory.Department> departments, List<Directory.Clinician> clinicians,
      ZoneId zone) {}

  private final ScheduleReads reads;
  private final ScheduleCalendar calendar;
  private final Clock clock;

  public ScheduleQueryService(ScheduleReads reads, ScheduleCalendar calendar, Clock clock) {
    this.reads = reads;
    this.calendar = calendar;
    this.clock = clock;
  }

  public ZoneId zone() {
    return calendar.zone();
  }

  public java.time.Instant startOfDay(LocalDate date) {
    return calendar.startOfDay(date);
  }

  public Roster roster() {
    return reads.read(c -> new Roster(Directory.departments(c),
        Directory.clinicians(c), calendar.zone()));
  }

  /** Every slot of these clinicians on the days from..to; unknown clinicians have none. */
  public List<FreeSlot> slots(List<Long> clinicianIds, LocalDate from, LocalDate to) {
    return reads.read(c -> {
      List<FreeSlot> out = new ArrayList<>();
      for (long id : clinicianIds) {
        out.addAll(calendar.withAvailability(c, id, from, to));
      }
      return out;
    });
  }

  /** The earliest free slots (not in the past) of the target's clinicians, at most {@code max}. */
  public List<Slot> freeSlots(Target target, LocalDate from, LocalDate to, int max) {
    return reads.read(c -> {
      List<Directory.Clinician> clinicians = switch (target) {
        case ClinicianTarget t -> Directory.clinician(c, t.clinicianId())
            .stream().toList();
        case DepartmentTarget d -> Directory.inDepartment(c, d.departmentId());
        case SpecialtyTarget s -> Directory.withSpecialty(c, s.specialty());
      };
      List<Long> ids = clinicians.stream().map(Directory.Clinician::id).toList();
      return calendar.freeSlots(c, ids, from, to, clock.instant(), max);
    });
  }
}
