package org.hospital.client.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.auth.v1.StaffAccountSummary;
import org.hospital.proto.common.v1.ErrorReason;
import org.junit.jupiter.api.Test;

/** The Staff screen's state without the toolkit: the form follows the selection, stale edits reload the table. */
class StaffViewModelTest {

  /** Accounts as a server would hold them; a stale version is refused as the server does. */
  private final class Accounts implements StaffGateway {
    final List<StaffAccountSummary> held = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public List<StaffAccountSummary> list() {
      calls.add("list");
      return List.copyOf(held);
    }

    @Override
    public StaffAccountSummary create(String username, String displayName, Set<Role> roles, String password) {
      calls.add("create " + username);
      StaffAccountSummary a = StaffAccountSummary.newBuilder().setStaffId(100 + held.size()).setUsername(username)
          .setDisplayName(displayName).addAllRoles(roles.stream().sorted().toList()).setPasswordMustChange(true)
          .setVersion(1).build();
      held.add(a);
      return a;
    }

    @Override
    public StaffAccountSummary updateRoles(long staffId, long version, Set<Role> roles) {
      calls.add("roles " + staffId + " v" + version);
      StaffAccountSummary current = held.stream().filter(a -> a.getStaffId() == staffId).findFirst().orElseThrow();
      if (current.getVersion() != version) {
        throw Failures.reason(Status.Code.ABORTED, ErrorReason.STALE_VERSION, Map.of("updated_by", "ines",
            "updated_at", "2026-12-07T10:15:00Z", "current_version", Long.toString(current.getVersion())));
      }
      StaffAccountSummary changed = current.toBuilder().clearRoles().addAllRoles(roles.stream().sorted().toList())
          .setVersion(version + 1).build();
      held.set(held.indexOf(current), changed);
      return changed;
    }

    @Override
    public StaffAccountSummary resetPassword(long staffId, long version, String newPassword) {
      throw new AssertionError("not used here");
    }

    @Override
    public StaffAccountSummary resetTwoFactor(long staffId, long version) {
      throw new AssertionError("not used here");
    }

    @Override
    public StaffAccountSummary setLocked(long staffId, long version, boolean locked) {
      throw new AssertionError("not used here");
    }

    @Override
    public int endSessions(long staffId) {
      throw new AssertionError("not used here");
    }
  }

  private final Accounts accounts = new Accounts();
  private final StaffViewModel vm = new StaffViewModel(accounts, Direct.ENGLISH, Direct.ERRORS, Direct.tasks(),
      ZoneOffset.UTC);

  @Test
  void aNewAccountIsSelectedAfterwardsWithItsRolesInTheForm() {
    vm.usernameProperty().set("nina");
    vm.displayNameProperty().set("Nina Nightingale");
    vm.roleProperty(Role.ROLE_NURSE).set(true);
    vm.passwordProperty().set("Fresh-Start-2027");
    vm.create();
    assertEquals(List.of("create nina", "list"), accounts.calls);
    assertEquals("nina", vm.selectedProperty().get().username());
    assertEquals("Must change password", vm.selectedProperty().get().state());
    assertEquals("Never", vm.selectedProperty().get().lastSignIn());
    assertEquals("", vm.passwordProperty().get(), "a password does not stay in the form");
    assertTrue(vm.roleProperty(Role.ROLE_NURSE).get());

    vm.newAccount();
    assertNull(vm.selectedProperty().get());
    assertEquals("", vm.usernameProperty().get());
    assertTrue(!vm.roleProperty(Role.ROLE_NURSE).get());
  }

  @Test
  void aStaleEditSaysWhoChangedTheAccountAndShowsWhatTheServerHoldsNow() {
    vm.usernameProperty().set("nina");
    vm.displayNameProperty().set("Nina Nightingale");
    vm.roleProperty(Role.ROLE_NURSE).set(true);
    vm.create();
    // someone else changed the account since this table was read
    accounts.held.set(0, accounts.held.get(0).toBuilder().addRoles(Role.ROLE_BILLING).setVersion(2).build());
    vm.roleProperty(Role.ROLE_DOCTOR).set(true);
    vm.saveRoles();
    assertTrue(vm.status().errorProperty().get().startsWith("This record was changed by ines"),
        vm.status().errorProperty().get());
    assertEquals("Nurse, Billing", vm.selectedProperty().get().rolesText(), "reloaded from the server");
    assertTrue(vm.roleProperty(Role.ROLE_BILLING).get());
    assertTrue(!vm.roleProperty(Role.ROLE_DOCTOR).get(), "the form shows the server's roles to start again from");

    vm.roleProperty(Role.ROLE_DOCTOR).set(true);
    vm.saveRoles();
    assertEquals("Roles of nina saved.", vm.status().noticeProperty().get());
    assertEquals("Nurse, Doctor, Billing", vm.selectedProperty().get().rolesText());
  }

  @Test
  void actionsOnNoAccountAreRefusedWithoutACall() {
    vm.saveRoles();
    vm.toggleLock();
    vm.endSessions();
    assertEquals("Select an account first.", vm.status().errorProperty().get());
    assertEquals(List.of(), accounts.calls);
  }
}
