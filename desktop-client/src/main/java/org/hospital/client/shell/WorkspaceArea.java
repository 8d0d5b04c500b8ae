package org.hospital.client.shell;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hospital.client.session.Session;
import org.hospital.proto.auth.v1.Role;

/** The areas of the workspace and the roles that see each of them in the navigation. */
public enum WorkspaceArea {
  PATIENTS(true, Role.ROLE_RECEPTION, Role.ROLE_ADMIN),
  /** The front desk's day: bookings, arrivals and the waiting room. */
  SCHEDULE(true, Role.ROLE_RECEPTION, Role.ROLE_ADMIN),
  /** Clinicians' weekly hours, leave and extra sessions, and the bookings a change leaves without a slot. */
  CLINIC_HOURS(true, Role.ROLE_ADMIN),
  /** A doctor's own patients for today and the consultation queue. */
  WORKLIST(true, Role.ROLE_DOCTOR),
  /** The bed board of the wards: admissions, observations with NEWS2, transfers and discharges. */
  WARD(true, Role.ROLE_NURSE, Role.ROLE_DOCTOR, Role.ROLE_RECEPTION),
  /** The patient's chart: doctors write in it, nurses read it. */
  CLINICAL(true, Role.ROLE_DOCTOR, Role.ROLE_NURSE),
  /** The billing office: a patient's open charges, invoices, payments and their printed forms. */
  BILLING(true, Role.ROLE_BILLING, Role.ROLE_ADMIN),
  /** For administrators: staff accounts, their roles, passwords, locks and sessions. */
  STAFF(true, Role.ROLE_ADMIN),
  /** For administrators: sign-in throttles today; settings later. */
  ADMINISTRATION(true, Role.ROLE_ADMIN),
  /** The lab desk: specimens received, results entered and corrected. */
  LAB(true, Role.ROLE_LAB),
  /** A doctor's results inbox: new and corrected lab results of the doctor's orders, live, critical first. */
  RESULTS(true, Role.ROLE_DOCTOR);

  private final boolean available;
  private final Set<Role> roles;

  WorkspaceArea(boolean available, Role... roles) {
    this.available = available;
    this.roles = EnumSet.copyOf(Arrays.asList(roles));
  }

  /** False for areas that are shown (so users know they are coming) but have no screens yet. */
  public boolean isAvailable() {
    return available;
  }

  public boolean isVisibleTo(Session session) {
    return session.hasAnyOf(roles);
  }

  public static List<WorkspaceArea> visibleTo(Session session) {
    return Arrays.stream(values()).filter(area -> area.isVisibleTo(session)).toList();
  }
}
