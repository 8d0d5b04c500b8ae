package org.hospital.client.schedule.dayview;

import java.time.Instant;
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
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Slot;

/**
 * One day of one department as a table: a column per clinician, a row per start time, and in each cell the
 * slot (free or not) and the appointments that start there. Built from the slots (the clinicians' working
 * hours) and the live appointments; pure data, so what the day view shows is tested without a screen.
 */
public record DayGrid(List<Clinician> clinicians, List<LocalTime> times, Map<Key, Cell> cells) {

  public record Key(long clinicianId, LocalTime time) {
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
    clinicians = List.copyOf(clinicians);
    times = List.copyOf(times);
    cells = Map.copyOf(cells);
  }

  public Optional<Cell> cell(long clinicianId, LocalTime time) {
    return Optional.ofNullable(cells.get(new Key(clinicianId, time)));
  }

  public Optional<Cell> cellOf(Appointment appointment, ZoneId zone) {
    LocalTime time = ScheduleText.toInstant(appointment.getStart()).atZone(zone).toLocalTime();
    return cell(appointment.getClinicianId(), time);
  }

  /**
   * @param now slots that have begun are marked past
   * @param appointmentsKnown whether {@code appointments} is the live picture; until it is, a slot's own
   *     free flag (from when the slots were listed) says whether it is free
   */
  public static DayGrid build(List<Clinician> clinicians, List<Slot> slots, Collection<Appointment> appointments,
      boolean appointmentsKnown, ZoneId zone, Instant now) {
    Map<Long, Clinician> columns = new HashMap<>();
    clinicians.forEach(c -> columns.put(c.getId(), c));
    Map<Key, Slot> slotAt = new HashMap<>();
    Map<Key, List<Appointment>> appointmentsAt = new HashMap<>();
    TreeSet<LocalTime> times = new TreeSet<>();
    for (Slot slot : slots) {
      if (columns.containsKey(slot.getClinicianId())) {
        Key key = new Key(slot.getClinicianId(), localTime(slot.getStart(), zone));
        slotAt.put(key, slot);
        times.add(key.time());
      }
    }
    appointments.stream().filter(AppointmentStates::shownOnSchedule)
        .filter(a -> columns.containsKey(a.getClinicianId()))
        .sorted(Comparator.comparing((Appointment a) -> ScheduleText.toInstant(a.getStart()))
            .thenComparingLong(Appointment::getId))
        .forEach(a -> {
          Key key = new Key(a.getClinicianId(), localTime(a.getStart(), zone));
          appointmentsAt.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
          times.add(key.time());
        });
    Map<Key, Cell> cells = new HashMap<>();
    for (Key key : union(slotAt.keySet(), appointmentsAt.keySet())) {
      Slot slot = slotAt.get(key);
      List<Appointment> here = appointmentsAt.getOrDefault(key, List.of());
      boolean held = here.stream().anyMatch(AppointmentStates::holdsSlot);
      if (slot != null) {
        boolean free = appointmentsKnown ? !held : slot.getFree() && !held;
        Instant start = ScheduleText.toInstant(slot.getStart());
        cells.put(key, new Cell(key.clinicianId(), start, ScheduleText.toInstant(slot.getEnd()), true, free,
            !start.isAfter(now), here));
      } else {
        Appointment first = here.getFirst();
        Instant start = ScheduleText.toInstant(first.getStart());
        cells.put(key, new Cell(key.clinicianId(), start, ScheduleText.toInstant(first.getEnd()), false, false,
            !start.isAfter(now), here));
      }
    }
    return new DayGrid(clinicians, new ArrayList<>(times), cells);
  }

  private static LocalTime localTime(com.google.protobuf.Timestamp timestamp, ZoneId zone) {
    return ScheduleText.toInstant(timestamp).atZone(zone).toLocalTime();
  }

  private static TreeSet<Key> union(Collection<Key> a, Collection<Key> b) {
    TreeSet<Key> all = new TreeSet<>(Comparator.comparing(Key::time).thenComparingLong(Key::clinicianId));
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
