package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.health.v1.HealthGrpc;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hospital.proto.audit.v1.AuditServiceGrpc;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.reports.v1.ReportServiceGrpc;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.junit.jupiter.api.Test;

class PermissionTableTest {

  /** Every service the server exposes. A new service belongs here, and then its methods need rules. */
  private static final List<ServiceDescriptor> SERVED = List.of(
      AuthServiceGrpc.getServiceDescriptor(),
      org.hospital.proto.auth.v1.StaffAdminServiceGrpc.getServiceDescriptor(),
      PatientServiceGrpc.getServiceDescriptor(),
      AuditServiceGrpc.getServiceDescriptor(),
      SchedulingServiceGrpc.getServiceDescriptor(),
      ReportServiceGrpc.getServiceDescriptor(),
      org.hospital.proto.clinical.v1.ChartServiceGrpc.getServiceDescriptor(),
      org.hospital.proto.clinical.v1.MedicationServiceGrpc.getServiceDescriptor(),
      org.hospital.proto.operations.v1.OperationsServiceGrpc.getServiceDescriptor(),
      org.hospital.proto.wards.v1.WardServiceGrpc.getServiceDescriptor(),
      HealthGrpc.getServiceDescriptor(),
      io.grpc.reflection.v1.ServerReflectionGrpc.getServiceDescriptor(),
      io.grpc.reflection.v1alpha.ServerReflectionGrpc.getServiceDescriptor(),
      org.hospital.proto.lab.v1.LabServiceGrpc.getServiceDescriptor(),
      org.hospital.proto.billing.v1.BillingServiceGrpc.getServiceDescriptor());

  private final PermissionTable table = PermissionTable.standard();

  private static Set<String> servedMethods() {
    return SERVED.stream().flatMap(s -> s.getMethods().stream()).map(MethodDescriptor::getFullMethodName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyServedMethodHasARule() {
    Set<String> missing = servedMethods().stream().filter(m -> table.ruleFor(m).isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), missing, "methods without a rule are denied to everyone");
  }

  @Test
  void everyRuleNamesAServedMethod() {
    Set<String> stale = new TreeSet<>(table.methods());
    stale.removeAll(servedMethods());
    assertEquals(Set.of(), stale, "rules for methods that do not exist");
  }

  @Test
  void unknownMethodsHaveNoRule() {
    assertTrue(table.ruleFor("hospital.patients.v1.PatientService/DeletePatient").isEmpty());
    assertTrue(table.ruleFor("").isEmpty());
  }

  @Test
  void rulesAreTheAgreedOnes() {
    assertEquals(PermissionTable.PUBLIC, rule(AuthServiceGrpc.getLoginMethod()));
    assertEquals(PermissionTable.AUTHENTICATED, rule(AuthServiceGrpc.getLogoutMethod()));
    assertEquals(PermissionTable.AUTHENTICATED, rule(AuthServiceGrpc.getGetCurrentUserMethod()));
    // Lab staff work from the accession number on the specimen, not from the patient index or the schedules.
    Set<Role> everyone = EnumSet.complementOf(EnumSet.of(Role.LAB));
    assertEquals(new PermissionTable.AnyOf(everyone), rule(PatientServiceGrpc.getSearchPatientsMethod()));
    assertEquals(new PermissionTable.AnyOf(everyone), rule(PatientServiceGrpc.getGetPatientMethod()));
    Set<Role> registrars = EnumSet.of(Role.RECEPTION, Role.ADMIN);
    assertEquals(new PermissionTable.AnyOf(registrars), rule(PatientServiceGrpc.getRegisterPatientMethod()));
    assertEquals(new PermissionTable.AnyOf(registrars), rule(PatientServiceGrpc.getUpdatePatientMethod()));
    assertEquals(new PermissionTable.AnyOf(Set.of(Role.ADMIN)), rule(AuditServiceGrpc.getVerifyAuditChainMethod()));
    assertEquals(PermissionTable.PUBLIC, rule(HealthGrpc.getCheckMethod()));
    assertEquals(new PermissionTable.AnyOf(everyone), rule(SchedulingServiceGrpc.getSubscribeScheduleMethod()));
    assertEquals(new PermissionTable.AnyOf(everyone), rule(SchedulingServiceGrpc.getListSlotsMethod()));
    assertEquals(new PermissionTable.AnyOf(registrars), rule(SchedulingServiceGrpc.getBookAppointmentMethod()));
    assertEquals(new PermissionTable.AnyOf(registrars), rule(SchedulingServiceGrpc.getCancelAppointmentMethod()));
    assertEquals(new PermissionTable.AnyOf(EnumSet.of(Role.DOCTOR, Role.NURSE)),
        rule(SchedulingServiceGrpc.getCallNextPatientMethod()));
    assertEquals(new PermissionTable.AnyOf(EnumSet.of(Role.RECEPTION, Role.ADMIN, Role.NURSE)),
        rule(SchedulingServiceGrpc.getCheckInMethod()));
  }

  @Test
  void staffAdministrationIsForHoldersOfManageStaffAndEveryoneChangesTheirOwnPassword() {
    PermissionTable.Rule managers = new PermissionTable.AnyOf(Set.of(Role.ADMIN));
    for (var method : org.hospital.proto.auth.v1.StaffAdminServiceGrpc.getServiceDescriptor().getMethods()) {
      assertEquals(managers, rule(method), method.getFullMethodName());
    }
    assertTrue(PermissionTable.grants(Privilege.MANAGE_STAFF, Set.of(Role.ADMIN)));
    assertFalse(PermissionTable.grants(Privilege.MANAGE_STAFF, EnumSet.complementOf(EnumSet.of(Role.ADMIN))));
    assertEquals(PermissionTable.AUTHENTICATED, rule(AuthServiceGrpc.getChangeOwnPasswordMethod()));
  }

  @Test
  void aSessionThatMustChangeItsPasswordReachesOnlyTheChangeWhoAmIAndSignOut() {
    List<String> allowed = servedMethods().stream().filter(table::allowedWhilePasswordMustChange).sorted().toList();
    assertEquals(List.of(AuthServiceGrpc.getChangeOwnPasswordMethod().getFullMethodName(),
        AuthServiceGrpc.getGetCurrentUserMethod().getFullMethodName(),
        AuthServiceGrpc.getLogoutMethod().getFullMethodName()), allowed);
  }

  @Test
  void aRoleRuleAllowsHoldersOfAnyOfItsRoles() {
    PermissionTable.Rule registrars = rule(PatientServiceGrpc.getRegisterPatientMethod());
    assertTrue(registrars.allows(user(Role.RECEPTION)));
    assertTrue(registrars.allows(user(Role.NURSE, Role.ADMIN)));
    assertFalse(registrars.allows(user(Role.NURSE, Role.DOCTOR, Role.BILLING)));
    assertFalse(registrars.allows(user()));
  }

  private PermissionTable.Rule rule(MethodDescriptor<?, ?> method) {
    return table.ruleFor(method.getFullMethodName()).orElseThrow();
  }

  private static CurrentUser user(Role... roles) {
    return new CurrentUser(1, "u", "U", Set.of(roles), "test");
  }
}
