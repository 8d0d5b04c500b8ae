package org.hospital.server.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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

  private final ScheduleWriter db;
  private final ScheduleCalendar calendar;
  private final Clock clock;

  ScheduleQueryService(ScheduleWriter db, ScheduleCalendar calendar, Clock clock) {
    this.db = db;
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
    return db.read(tx -> new Roster(Directory.departments(tx.c),
        Directory.clinicians(tx.c), calendar.zone()));
  }

  /** Every slot of these clinicians on the days from..to; unknown clinicians have none. */
  public List<FreeSlot> slots(List<Long> clinicianIds, LocalDate from, LocalDate to) {
    return db.read(tx -> {
      List<FreeSlot> out = new ArrayList<>();
      for (long id : clinicianIds) {
        out.addAll(calendar.withAvailability(tx.c, id, from, to));
      }
      return out;
    });
  }

  /** The earliest free slots (not in the past) of the target's clinicians, at most {@code max}. */
  public List<Slot> freeSlots(Target target, LocalDate from, LocalDate to, int max) {
    return db.read(tx -> {
      List<Directory.Clinician> clinicians = switch (target) {
        case ClinicianTarget c -> Directory.clinician(tx.c, c.clinicianId())
            .stream().toList();
        case DepartmentTarget d -> Directory.inDepartment(tx.c, d.departmentId());
        case SpecialtyTarget s -> Directory.withSpecialty(tx.c, s.specialty());
      };
      List<Long> ids = clinicians.stream().map(Directory.Clinician::id).toList();
      return calendar.freeSlots(tx.c, ids, from, to, clock.instant(), max);
    });
  }
}
