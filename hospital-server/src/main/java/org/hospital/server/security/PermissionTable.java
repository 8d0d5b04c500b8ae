package org.hospital.server.security;

import io.grpc.health.v1.HealthGrpc;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.proto.wards.v1.WardServiceGrpc;
import org.hospital.proto.audit.v1.AuditServiceGrpc;
import org.hospital.proto.operations.v1.OperationsServiceGrpc;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.StaffAdminServiceGrpc;
import org.hospital.proto.billing.v1.BillingServiceGrpc;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.MedicationServiceGrpc;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.reports.v1.ReportServiceGrpc;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;

/**
 * Who may call what: the one table from full gRPC method name to a rule. A method that is not listed is
 * denied to everyone; a test walks every service descriptor so that a new RPC cannot ship without a rule.
 */
public final class PermissionTable {

  /** What a method demands of its caller. */
  public sealed interface Rule permits Public, Authenticated, AnyOf {

    /** Whether a signed-in user passes; PUBLIC and AUTHENTICATED let every signed-in user through. */
    boolean allows(CurrentUser user);
  }

  /** No session needed (signing in, health checks, reflection). */
  public record Public() implements Rule {
    @Override
    public boolean allows(CurrentUser user) {
      return true;
    }
  }

  /** Any signed-in user. */
  public record Authenticated() implements Rule {
    @Override
    public boolean allows(CurrentUser user) {
      return true;
    }
  }

  /** A signed-in user holding at least one of the roles. */
  public record AnyOf(Set<Role> roles) implements Rule {
    public AnyOf {
      roles = Set.copyOf(roles);
      if (roles.isEmpty()) {
        throw new IllegalArgumentException("a role rule needs at least one role");
      }
    }

    @Override
    public boolean allows(CurrentUser user) {
      return user.roles().stream().anyMatch(roles::contains);
    }
  }

  public static final Rule PUBLIC = new Public();
  public static final Rule AUTHENTICATED = new Authenticated();

  private final Map<String, Rule> rules;

  /**
   * Which roles hold each privilege. Clinical text follows the chart's rule: those who treat the patient
   * read it; the front desk and billing do not (they may write a visit's reason when booking, and the
   * server keeps it, but they get it back empty). Administrators run the system, not the care.
   */
  private static final Map<Privilege, Set<Role>> PRIVILEGES = Map.of(
      Privilege.READ_CLINICAL_TEXT, EnumSet.of(Role.DOCTOR, Role.NURSE),
      Privilege.COVER_CLINICIAN_QUEUE, EnumSet.of(Role.DOCTOR),
      Privilege.OVERBOOK, EnumSet.of(Role.ADMIN),
      Privilege.MANAGE_STAFF, EnumSet.of(Role.ADMIN));

  /**
   * What a session whose password was set by an administrator may call until the user has changed it: the
   * change itself, who am I, and signing out. Checked by the auth interceptor after the method's rule.
   */
  private static final Set<String> WHILE_PASSWORD_MUST_CHANGE = Set.of(
      AuthServiceGrpc.getChangeOwnPasswordMethod().getFullMethodName(),
      AuthServiceGrpc.getGetCurrentUserMethod().getFullMethodName(),
      AuthServiceGrpc.getLogoutMethod().getFullMethodName());

  /**
   * What a session that must set up two-step sign-in (policy, decision 0203) may call until it has: the set-up,
   * the password change (a new account does both, password first), who am I, and signing out.
   */
  private static final Set<String> WHILE_TWO_FACTOR_SETUP_REQUIRED = Set.of(
      AuthServiceGrpc.getBeginTwoFactorSetupMethod().getFullMethodName(),
      AuthServiceGrpc.getConfirmTwoFactorSetupMethod().getFullMethodName(),
      AuthServiceGrpc.getChangeOwnPasswordMethod().getFullMethodName(),
      AuthServiceGrpc.getGetCurrentUserMethod().getFullMethodName(),
      AuthServiceGrpc.getLogoutMethod().getFullMethodName());

  private PermissionTable(Map<String, Rule> rules) {
    this.rules = Map.copyOf(rules);
  }

  /** Whether any of the roles holds the privilege. */
  public static boolean grants(Privilege privilege, Set<Role> roles) {
    Set<Role> holders = PRIVILEGES.get(privilege);
    return roles.stream().anyMatch(holders::contains);
  }

  /** The hospital's rules. */
  public static PermissionTable standard() {
    Map<String, Rule> t = new LinkedHashMap<>();
    t.put(AuthServiceGrpc.getLoginMethod().getFullMethodName(), PUBLIC);
    t.put(AuthServiceGrpc.getLogoutMethod().getFullMethodName(), AUTHENTICATED);
    t.put(AuthServiceGrpc.getGetCurrentUserMethod().getFullMethodName(), AUTHENTICATED);
    t.put(AuthServiceGrpc.getChangeOwnPasswordMethod().getFullMethodName(), AUTHENTICATED);
    t.put(AuthServiceGrpc.getBeginTwoFactorSetupMethod().getFullMethodName(), AUTHENTICATED);
    t.put(AuthServiceGrpc.getConfirmTwoFactorSetupMethod().getFullMethodName(), AUTHENTICATED);
    t.put(AuthServiceGrpc.getReplaceRecoveryCodesMethod().getFullMethodName(), AUTHENTICATED);

    Rule staffManagers = holders(Privilege.MANAGE_STAFF);
    t.put(StaffAdminServiceGrpc.getListStaffMethod().getFullMethodName(), staffManagers);
    t.put(StaffAdminServiceGrpc.getCreateStaffMethod().getFullMethodName(), staffManagers);
    t.put(StaffAdminServiceGrpc.getUpdateStaffRolesMethod().getFullMethodName(), staffManagers);
    t.put(StaffAdminServiceGrpc.getResetStaffPasswordMethod().getFullMethodName(), staffManagers);
    t.put(StaffAdminServiceGrpc.getResetStaffTwoFactorMethod().getFullMethodName(), staffManagers);
    t.put(StaffAdminServiceGrpc.getLockStaffMethod().getFullMethodName(), staffManagers);
    t.put(StaffAdminServiceGrpc.getUnlockStaffMethod().getFullMethodName(), staffManagers);
    t.put(StaffAdminServiceGrpc.getEndStaffSessionsMethod().getFullMethodName(), staffManagers);

    Rule anyClinicalOrOfficeStaff = roles(Role.RECEPTION, Role.NURSE, Role.DOCTOR, Role.BILLING, Role.ADMIN);
    Rule registrars = roles(Role.RECEPTION, Role.ADMIN);
    t.put(PatientServiceGrpc.getSearchPatientsMethod().getFullMethodName(), anyClinicalOrOfficeStaff);
    t.put(PatientServiceGrpc.getGetPatientMethod().getFullMethodName(), anyClinicalOrOfficeStaff);
    t.put(PatientServiceGrpc.getRegisterPatientMethod().getFullMethodName(), registrars);
    t.put(PatientServiceGrpc.getUpdatePatientMethod().getFullMethodName(), registrars);

    t.put(AuditServiceGrpc.getVerifyAuditChainMethod().getFullMethodName(), roles(Role.ADMIN));
    t.put(OperationsServiceGrpc.getCreateBackupMethod().getFullMethodName(), roles(Role.ADMIN));
    t.put(AuthServiceGrpc.getListSignInThrottlesMethod().getFullMethodName(), roles(Role.ADMIN));
    t.put(AuthServiceGrpc.getClearSignInThrottleMethod().getFullMethodName(), roles(Role.ADMIN));

    // Scheduling: everyone on staff sees the schedule; the front desk books; clinicians run the queue.
    // UpdateAppointmentStatus is open to both, and the service checks the move: NO_SHOW is the front
    // desk's, IN_CONSULTATION and COMPLETED are the clinicians'. Overbooking also needs the OVERBOOK privilege (checked there).
    Rule frontDesk = registrars;
    t.put(SchedulingServiceGrpc.getListCliniciansMethod().getFullMethodName(), anyClinicalOrOfficeStaff);
    t.put(SchedulingServiceGrpc.getListSlotsMethod().getFullMethodName(), anyClinicalOrOfficeStaff);
    t.put(SchedulingServiceGrpc.getFindFreeSlotsMethod().getFullMethodName(), anyClinicalOrOfficeStaff);
    t.put(SchedulingServiceGrpc.getSubscribeScheduleMethod().getFullMethodName(), anyClinicalOrOfficeStaff);
    t.put(SchedulingServiceGrpc.getBookAppointmentMethod().getFullMethodName(), frontDesk);
    t.put(SchedulingServiceGrpc.getRescheduleAppointmentMethod().getFullMethodName(), frontDesk);
    t.put(SchedulingServiceGrpc.getCancelAppointmentMethod().getFullMethodName(), frontDesk);
    t.put(SchedulingServiceGrpc.getBookAppointmentSeriesMethod().getFullMethodName(), frontDesk);
    t.put(SchedulingServiceGrpc.getCheckInMethod().getFullMethodName(), roles(Role.RECEPTION, Role.ADMIN,
        Role.NURSE));
    t.put(SchedulingServiceGrpc.getUpdateAppointmentStatusMethod().getFullMethodName(),
        roles(Role.RECEPTION, Role.ADMIN, Role.DOCTOR, Role.NURSE));
    t.put(SchedulingServiceGrpc.getCallNextPatientMethod().getFullMethodName(), roles(Role.DOCTOR, Role.NURSE));
    // Schedules are set by administrators; the front desk reads them to move appointments left off schedule.
    t.put(SchedulingServiceGrpc.getGetClinicianScheduleMethod().getFullMethodName(), frontDesk);
    t.put(SchedulingServiceGrpc.getSetWeeklyTemplateMethod().getFullMethodName(), roles(Role.ADMIN));
    t.put(SchedulingServiceGrpc.getAddScheduleExceptionMethod().getFullMethodName(), roles(Role.ADMIN));
    t.put(SchedulingServiceGrpc.getRemoveScheduleExceptionMethod().getFullMethodName(), roles(Role.ADMIN));
    t.put(SchedulingServiceGrpc.getListWaitListMethod().getFullMethodName(), anyClinicalOrOfficeStaff);
    t.put(SchedulingServiceGrpc.getSubscribeWaitListMethod().getFullMethodName(), anyClinicalOrOfficeStaff);
    t.put(SchedulingServiceGrpc.getAddToWaitListMethod().getFullMethodName(), frontDesk);
    t.put(SchedulingServiceGrpc.getRemoveFromWaitListMethod().getFullMethodName(), frontDesk);
    t.put(SchedulingServiceGrpc.getFindWaitListCandidatesMethod().getFullMethodName(), frontDesk);

    // The chart: doctors diagnose and write; nurses read it and record allergies (they ask at admission and
    // before giving a first dose); the front desk, billing and administrators never see it.
    Rule clinicians = roles(Role.DOCTOR, Role.NURSE);
    Rule doctors = roles(Role.DOCTOR);
    t.put(ChartServiceGrpc.getGetChartSummaryMethod().getFullMethodName(), clinicians);
    t.put(ChartServiceGrpc.getGetEncounterMethod().getFullMethodName(), clinicians);
    t.put(ChartServiceGrpc.getListEncountersMethod().getFullMethodName(), clinicians);
    t.put(ChartServiceGrpc.getStartEncounterMethod().getFullMethodName(), doctors);
    t.put(ChartServiceGrpc.getEndEncounterMethod().getFullMethodName(), doctors);
    t.put(ChartServiceGrpc.getSaveNoteMethod().getFullMethodName(), doctors);
    t.put(ChartServiceGrpc.getSignNoteMethod().getFullMethodName(), doctors);
    t.put(ChartServiceGrpc.getAddAddendumMethod().getFullMethodName(), doctors);
    t.put(ChartServiceGrpc.getSetEncounterDiagnosesMethod().getFullMethodName(), doctors);
    t.put(ChartServiceGrpc.getAddProblemMethod().getFullMethodName(), doctors);
    t.put(ChartServiceGrpc.getUpdateProblemMethod().getFullMethodName(), doctors);
    t.put(ChartServiceGrpc.getRecordAllergyMethod().getFullMethodName(), clinicians);
    t.put(ChartServiceGrpc.getUpdateAllergyMethod().getFullMethodName(), clinicians);
    t.put(ChartServiceGrpc.getRecordNoKnownDrugAllergiesMethod().getFullMethodName(), clinicians);
    // Claims carry diagnoses, so billing looks codes up too; the code set holds no patient data.
    t.put(ChartServiceGrpc.getSearchDiagnosisCodesMethod().getFullMethodName(),
        roles(Role.DOCTOR, Role.NURSE, Role.BILLING));

    // Prescribing: doctors prescribe, stop, renew and print; nurses read the medication list (the ward's rounds
    // stand on it) and check codes; anyone signed in who handles medicines looks products up. Administrators
    // add products and never see a patient's medicines. VerifyPrescription answers whether a printed code is
    // genuine, which the hospital's own staff check for a pharmacy that calls.
    t.put(MedicationServiceGrpc.getSearchFormularyMethod().getFullMethodName(), roles(Role.DOCTOR, Role.NURSE,
        Role.ADMIN));
    t.put(MedicationServiceGrpc.getAddFormularyProductMethod().getFullMethodName(), roles(Role.ADMIN));
    t.put(MedicationServiceGrpc.getCheckPrescriptionMethod().getFullMethodName(), doctors);
    t.put(MedicationServiceGrpc.getSignPrescriptionMethod().getFullMethodName(), doctors);
    t.put(MedicationServiceGrpc.getStopPrescriptionMethod().getFullMethodName(), doctors);
    t.put(MedicationServiceGrpc.getRenewPrescriptionMethod().getFullMethodName(), doctors);
    t.put(MedicationServiceGrpc.getPrintPrescriptionMethod().getFullMethodName(), doctors);
    t.put(MedicationServiceGrpc.getListMedicationsMethod().getFullMethodName(), clinicians);
    t.put(MedicationServiceGrpc.getVerifyPrescriptionMethod().getFullMethodName(), clinicians);

    // Printed day lists: whoever runs or staffs a clinic (the door copy, the downtime copy).
    t.put(ReportServiceGrpc.getPrintDayListMethod().getFullMethodName(), roles(Role.RECEPTION, Role.ADMIN,
        Role.DOCTOR, Role.NURSE));

    // Billing: the billing office and administrators. The price list holds no patient data but is theirs too.
    Rule billingOffice = roles(Role.BILLING, Role.ADMIN);
    t.put(BillingServiceGrpc.getListPricesMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getSetPriceMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getListChargesMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getAddManualChargeMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getReverseChargeMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getCreateInvoiceMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getIssueInvoiceMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getGetInvoiceMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getListInvoicesMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getTakePaymentMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getPrintInvoiceMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getPrintReceiptMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getIssueCreditNoteMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getListCreditNotesMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getPrintCreditNoteMethod().getFullMethodName(), billingOffice);
    t.put(BillingServiceGrpc.getDiscardInvoiceMethod().getFullMethodName(), billingOffice);
    // The wards (docs/decisions/0701-ward-permissions.md): nurses run the beds and move patients, doctors and
    // the admissions desk (reception) admit too; all of them read the board, reception and administrators
    // without NEWS2 (clinical); nurses and doctors chart vitals; the SpO2 scale is a doctor's decision.
    Rule admitters = roles(Role.NURSE, Role.DOCTOR, Role.RECEPTION, Role.ADMIN);
    Rule bedManagers = roles(Role.NURSE, Role.ADMIN);
    t.put(WardServiceGrpc.getSubscribeBedBoardMethod().getFullMethodName(), admitters);
    t.put(WardServiceGrpc.getAdmitPatientMethod().getFullMethodName(), admitters);
    t.put(WardServiceGrpc.getTransferPatientMethod().getFullMethodName(), bedManagers);
    t.put(WardServiceGrpc.getDischargePatientMethod().getFullMethodName(), bedManagers);
    t.put(WardServiceGrpc.getMarkBedCleanMethod().getFullMethodName(), bedManagers);
    t.put(WardServiceGrpc.getBlockBedMethod().getFullMethodName(), bedManagers);
    t.put(WardServiceGrpc.getReserveBedMethod().getFullMethodName(), bedManagers);
    t.put(WardServiceGrpc.getReleaseBedMethod().getFullMethodName(), bedManagers);
    t.put(WardServiceGrpc.getRecordVitalsMethod().getFullMethodName(), clinicians);
    t.put(WardServiceGrpc.getListVitalsMethod().getFullMethodName(), clinicians);
    t.put(WardServiceGrpc.getSetSpo2ScaleMethod().getFullMethodName(), doctors);
    t.put(WardServiceGrpc.getPrintWristbandMethod().getFullMethodName(), admitters);
    t.put(WardServiceGrpc.getPrintPatientLabelsMethod().getFullMethodName(), admitters);

    // Load balancers and operators probe health without signing in; reflection reveals only the public
    // contract (the .proto files are open source anyway).
    t.put(HealthGrpc.getCheckMethod().getFullMethodName(), PUBLIC);
    t.put(HealthGrpc.getWatchMethod().getFullMethodName(), PUBLIC);
    t.put(io.grpc.reflection.v1.ServerReflectionGrpc.getServerReflectionInfoMethod().getFullMethodName(), PUBLIC);
    t.put(io.grpc.reflection.v1alpha.ServerReflectionGrpc.getServerReflectionInfoMethod().getFullMethodName(),
        PUBLIC);

    // Lab orders (decision 0601): doctors order and read, nurses collect and read, lab staff receive and result.
    Rule labReaders = roles(Role.DOCTOR, Role.NURSE, Role.LAB);
    Rule lab = roles(Role.LAB);
    t.put(LabServiceGrpc.getListLabCatalogueMethod().getFullMethodName(), labReaders);
    t.put(LabServiceGrpc.getPlaceLabOrderMethod().getFullMethodName(), roles(Role.DOCTOR));
    t.put(LabServiceGrpc.getCollectSpecimenMethod().getFullMethodName(), roles(Role.NURSE, Role.LAB));
    t.put(LabServiceGrpc.getReceiveSpecimenMethod().getFullMethodName(), lab);
    t.put(LabServiceGrpc.getCancelLabOrderMethod().getFullMethodName(), roles(Role.DOCTOR, Role.LAB));
    t.put(LabServiceGrpc.getGetLabOrderMethod().getFullMethodName(), labReaders);
    t.put(LabServiceGrpc.getListLabWorklistMethod().getFullMethodName(), lab);
    t.put(LabServiceGrpc.getListPatientLabOrdersMethod().getFullMethodName(), labReaders);
    t.put(LabServiceGrpc.getRecordLabResultsMethod().getFullMethodName(), lab);
    t.put(LabServiceGrpc.getCorrectLabResultMethod().getFullMethodName(), lab);
    t.put(LabServiceGrpc.getPrintSpecimenLabelMethod().getFullMethodName(), labReaders);
    // The results inbox (decision 0602): a doctor's own orders only, checked by the service.
    t.put(LabServiceGrpc.getSubscribeResultsInboxMethod().getFullMethodName(), roles(Role.DOCTOR));
    t.put(LabServiceGrpc.getAcknowledgeResultsMethod().getFullMethodName(), roles(Role.DOCTOR));
    return new PermissionTable(t);
  }

  /** Whether a session that must set up two-step sign-in first may call the method. */
  public boolean allowedWhileTwoFactorSetupRequired(String fullMethodName) {
    return WHILE_TWO_FACTOR_SETUP_REQUIRED.contains(fullMethodName);
  }

  /** Whether a session that must change its password first may call the method. */
  public boolean allowedWhilePasswordMustChange(String fullMethodName) {
    return WHILE_PASSWORD_MUST_CHANGE.contains(fullMethodName);
  }

  private static Rule holders(Privilege privilege) {
    return new AnyOf(PRIVILEGES.get(privilege));
  }

  private static Rule roles(Role first, Role... more) {
    return new AnyOf(EnumSet.of(first, more));
  }

  /** The rule for a full method name ("package.Service/Method"); empty means denied. */
  public Optional<Rule> ruleFor(String fullMethodName) {
    return Optional.ofNullable(rules.get(fullMethodName));
  }

  /** Every method name that has a rule. */
  public Set<String> methods() {
    return rules.keySet();
  }
}
