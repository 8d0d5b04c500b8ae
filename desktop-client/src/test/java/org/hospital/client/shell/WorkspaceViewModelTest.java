package org.hospital.client.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.hospital.client.connection.ConnectionState;
import org.hospital.client.session.AuthGateway;
import org.hospital.client.session.Session;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.common.v1.ErrorReason;
import org.junit.jupiter.api.Test;

class WorkspaceViewModelTest {

  private final ManualScheduler clock = new ManualScheduler();
  private final TaskRunner tasks = Direct.tasks();
  private final List<String> calls = new ArrayList<>();
  private boolean signedOut;

  private final AuthGateway auth = new AuthGateway() {
    @Override
    public Session login(String username, String password, String oneTimeCode) {
      calls.add("login " + username);
      return session(Role.ROLE_NURSE);
    }

    @Override
    public void logout() {
      calls.add(signedOut ? "logout after the screen was cleared" : "logout");
    }

    @Override
    public void keepAlive() {
      calls.add("keepAlive");
    }
  };

  private static Session session(Role... roles) {
    return new Session("token", 7, "nurse", "Nora Nurse", List.of(roles), Duration.ofMinutes(10));
  }

  private WorkspaceViewModel workspace(Role... roles) {
    WorkspaceViewModel vm = new WorkspaceViewModel(session(roles), Direct.ENGLISH, Direct.ERRORS, tasks, auth, clock,
        clock::nanoTime, new SimpleObjectProperty<>(ConnectionState.READY), () -> signedOut = true);
    vm.start();
    return vm;
  }

  @Test
  void navigationFollowsTheRoles() {
    assertEquals(List.of(WorkspaceArea.PATIENTS, WorkspaceArea.SCHEDULE, WorkspaceArea.WARD),
        workspace(Role.ROLE_RECEPTION).areas());
    assertEquals(List.of(WorkspaceArea.WARD, WorkspaceArea.CLINICAL), workspace(Role.ROLE_NURSE).areas());
    assertEquals(List.of(WorkspaceArea.WORKLIST, WorkspaceArea.WARD, WorkspaceArea.CLINICAL,
        WorkspaceArea.RESULTS), workspace(Role.ROLE_DOCTOR).areas());
    assertEquals(List.of(WorkspaceArea.LAB), workspace(Role.ROLE_LAB).areas());
    assertEquals(List.of(WorkspaceArea.BILLING), workspace(Role.ROLE_BILLING).areas());
    assertTrue(workspace(Role.ROLE_ADMIN).areas().containsAll(List.of(WorkspaceArea.PATIENTS,
        WorkspaceArea.SCHEDULE, WorkspaceArea.STAFF, WorkspaceArea.ADMINISTRATION)));
    assertEquals("Reception, Administrator", workspace(Role.ROLE_RECEPTION, Role.ROLE_ADMIN).rolesText());
  }

  @Test
  void locksAfterTheIdleTimeoutWithoutInputButNotWhileTheUserWorks() {
    WorkspaceViewModel vm = workspace(Role.ROLE_NURSE);
    for (int minute = 0; minute < 15; minute++) {
      clock.advance(Duration.ofMinutes(1));
      vm.userActivity();
    }
    assertFalse(vm.lockedProperty().get());
    assertTrue(calls.contains("keepAlive"), "input keeps the server session alive too");
    clock.advance(Duration.ofMinutes(10));
    assertTrue(vm.lockedProperty().get());
  }

  @Test
  void unlockingSignsInAgainAsTheSameUser() {
    WorkspaceViewModel vm = workspace(Role.ROLE_NURSE);
    vm.lock();
    vm.lockViewModel().passwordProperty().set("pw");
    vm.lockViewModel().unlock();
    assertEquals("login nurse", calls.getLast());
    assertFalse(vm.lockedProperty().get());
  }

  @Test
  void anExpiredSessionOnAnyCallLocksTheScreen() {
    WorkspaceViewModel vm = workspace(Role.ROLE_RECEPTION);
    tasks.run(() -> {
      throw Failures.reason(Status.Code.UNAUTHENTICATED, ErrorReason.SESSION_EXPIRED, Map.of());
    }, ignored -> { }, ignored -> { });
    assertTrue(vm.lockedProperty().get());
  }

  @Test
  void signOutEndsTheSessionOnTheServer() {
    WorkspaceViewModel vm = workspace(Role.ROLE_RECEPTION);
    vm.signOut();
    assertEquals("logout after the screen was cleared", calls.getLast(),
        "one click clears the screen at once, not when a slow server answers");
    assertTrue(signedOut);
  }
}
