package org.hospital.client.schedule.dayview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.hospital.client.schedule.AppointmentStates;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Slot;

/**
 * A schedule as a table: a column per clinician and day (a department's clinicians on one day, or one
 * clinician's days of a week), a row per start time, and in each cell the slot (free or not) and the
 * appointments that start there. Built from the slots (the clinicians' working hours) and the live
 * appointments; pure data, so what the schedule shows is tested without a screen.
 */
public record DayGrid(List<Column> columns, List<LocalTime> times, Map<Key, Cell> cells) {

  /** One clinician on one day, with the heading it is shown under. */
  public record Column(long clinicianId, LocalDate date, String title) {
  }

  public record Key(int column, LocalTime time) {
  }

  /**
   * @param slot whether the clinician's schedule has a slot starting here (appointments off the grid,
   *     such as walk-ins, have a cell without a slot)
   * @param free a slot nobody holds
   * @param past the slot has begun; it can no longer be booked, free or not
   */
  public record Cell(long clinicianId, Instant start, Instant end, boolean slot, boolean free, boolean past,
      List<Appointment> appointments) {

    public Cell {
      appointments = List.copyOf(appointments);
    }

    /** Free and still ahead: what can be booked. */
    public boolean bookable() {
      return free && !past;
    }

    /** The appointment actions apply to: the one holding the slot, else the latest shown. */
    public Optional<Appointment> mainAppointment() {
      return appointments.stream().filter(AppointmentStates::holdsSlot).findFirst()
          .or(() -> appointments.stream().reduce((first, second) -> second));
    }
  }

  public static final DayGrid EMPTY = new DayGrid(List.of(), List.of(), Map.of());

  public DayGrid {
    columns = List.copyOf(columns);
    times = List.copyOf(times);
    cells = Map.copyOf(cells);
  }

  public Optional<Cell> cell(int column, LocalTime time) {
    return Optional.ofNullable(cells.get(new Key(column, time)));
  }

  /** The cell of a clinician's slot or appointment that starts at this instant. */
  public Optional<Cell> cellAt(long clinicianId, Instant start) {
    return cells.values().stream().filter(c -> c.clinicianId() == clinicianId && c.start().equals(start))
        .findFirst();
  }

  public Optional<Cell> cellOf(Appointment appointment) {
    return cellAt(appointment.getClinicianId(), ScheduleText.toInstant(appointment.getStart()));
  }

  /**
   * @param now slots that have begun are marked past
   * @param appointmentsKnown whether {@code appointments} is the live picture; until it is, a slot's own
   *     free flag (from when the slots were listed) says whether it is free
   */
  public static DayGrid build(List<Column> columns, List<Slot> slots, Collection<Appointment> appointments,
      boolean appointmentsKnown, ZoneId zone, Instant now) {
    Map<String, Integer> columnOf = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      columnOf.put(columns.get(i).clinicianId() + "@" + columns.get(i).date(), i);
    }
    Map<Key, Slot> slotAt = new HashMap<>();
    Map<Key, List<Appointment>> appointmentsAt = new HashMap<>();
    Map<Key, Long> clinicianAt = new HashMap<>();
    TreeSet<LocalTime> times = new TreeSet<>();
    for (Slot slot : slots) {
      Key key = key(columnOf, slot.getClinicianId(), ScheduleText.toInstant(slot.getStart()), zone);
      if (key != null) {
        slotAt.put(key, slot);
        clinicianAt.put(key, slot.getClinicianId());
        times.add(key.time());
      }
    }
    appointments.stream().filter(AppointmentStates::shownOnSchedule)
        .sorted(Comparator.comparing((Appointment a) -> ScheduleText.toInstant(a.getStart()))
            .thenComparingLong(Appointment::getId))
        .forEach(a -> {
          Key key = key(columnOf, a.getClinicianId(), ScheduleText.toInstant(a.getStart()), zone);
          if (key != null) {
            appointmentsAt.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            clinicianAt.put(key, a.getClinicianId());
            times.add(key.time());
          }
        });
    Map<Key, Cell> cells = new HashMap<>();
    for (Key key : clinicianAt.keySet()) {
      Slot slot = slotAt.get(key);
      List<Appointment> here = appointmentsAt.getOrDefault(key, List.of());
      boolean held = here.stream().anyMatch(AppointmentStates::holdsSlot);
      if (slot != null) {
        boolean free = appointmentsKnown ? !held : slot.getFree() && !held;
        Instant start = ScheduleText.toInstant(slot.getStart());
        cells.put(key, new Cell(slot.getClinicianId(), start, ScheduleText.toInstant(slot.getEnd()), true, free,
            !start.isAfter(now), here));
      } else {
        Appointment first = here.getFirst();
        Instant start = ScheduleText.toInstant(first.getStart());
        cells.put(key, new Cell(first.getClinicianId(), start, ScheduleText.toInstant(first.getEnd()), false,
            false, !start.isAfter(now), here));
      }
    }
    return new DayGrid(columns, new ArrayList<>(times), cells);
  }

  private static Key key(Map<String, Integer> columnOf, long clinicianId, Instant start, ZoneId zone) {
    Integer column = columnOf.get(clinicianId + "@" + start.atZone(zone).toLocalDate());
    return column == null ? null : new Key(column, start.atZone(zone).toLocalTime());
  }
}
