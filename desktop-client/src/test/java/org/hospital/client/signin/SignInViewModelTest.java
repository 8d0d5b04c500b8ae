package org.hospital.client.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.session.AuthGateway;
import org.hospital.client.session.Session;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.common.v1.ErrorReason;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {

  private RuntimeException loginFailure;
  private final List<String> logins = new ArrayList<>();
  private final AtomicReference<Session> signedIn = new AtomicReference<>();
  private ServerAddress server = new ServerAddress("localhost", 9443);
  private final List<ServerAddress> switches = new ArrayList<>();

  private final AuthGateway auth = new AuthGateway() {
    @Override
    public Session login(String username, String password, String oneTimeCode) {
      logins.add(username + "/" + password + (oneTimeCode.isEmpty() ? "" : "/" + oneTimeCode));
      if (loginFailure != null) {
        throw loginFailure;
      }
      return new Session("t", 1, username, "Rita Reception", List.of(Role.ROLE_RECEPTION), Duration.ofMinutes(15));
    }

    @Override
    public void logout() {
    }

    @Override
    public void keepAlive() {
    }
  };

  private final ServerSwitch servers = new ServerSwitch() {
    @Override
    public ServerAddress current() {
      return server;
    }

    @Override
    public void switchTo(ServerAddress address) {
      switches.add(address);
      server = address;
    }
  };

  private final SignInViewModel vm =
      new SignInViewModel(Direct.ENGLISH, Direct.ERRORS, Direct.tasks(), auth, servers, signedIn::set);

  @Test
  void signsInWithTrimmedUsername() {
    vm.usernameProperty().set(" reception ");
    vm.passwordProperty().set("secret");
    vm.signIn();
    assertEquals(List.of("reception/secret"), logins);
    assertEquals("Rita Reception", signedIn.get().displayName());
    assertEquals("", vm.passwordProperty().get(), "the password does not linger in memory");
    assertTrue(switches.isEmpty());
  }

  @Test
  void wrongPasswordIsExplainedAndTheFieldCleared() {
    loginFailure = Failures.reason(Status.Code.UNAUTHENTICATED, ErrorReason.BAD_CREDENTIALS, Map.of());
    vm.usernameProperty().set("reception");
    vm.passwordProperty().set("wrong");
    vm.signIn();
    assertEquals("Wrong username or password.", vm.errorMessageProperty().get());
    assertEquals("", vm.passwordProperty().get());
    assertNull(signedIn.get());
  }

  @Test
  void aRightPasswordForATwoStepAccountAsksForTheCodeAndKeepsThePasswordForIt() {
    loginFailure = Failures.reason(Status.Code.UNAUTHENTICATED, ErrorReason.SECOND_FACTOR_REQUIRED, Map.of());
    vm.usernameProperty().set("adam");
    vm.passwordProperty().set("secret");
    vm.signIn();
    assertTrue(vm.codeRequiredProperty().get());
    assertEquals("", vm.errorMessageProperty().get(), "not an error: the next step");
    assertEquals("secret", vm.passwordProperty().get());

    vm.signIn();
    assertTrue(vm.errorMessageProperty().get().contains("code"), "no code, no call");
    assertEquals(1, logins.size());

    loginFailure = Failures.reason(Status.Code.UNAUTHENTICATED, ErrorReason.WRONG_ONE_TIME_CODE, Map.of());
    vm.oneTimeCodeProperty().set("000 000");
    vm.signIn();
    assertEquals("adam/secret/000 000", logins.getLast(), "as typed: the server reads codes with spaces");
    assertTrue(vm.codeRequiredProperty().get(), "a wrong code stays at the second step");
    assertEquals("", vm.oneTimeCodeProperty().get());

    loginFailure = null;
    vm.oneTimeCodeProperty().set("123456");
    vm.signIn();
    assertEquals("adam/secret/123456", logins.getLast());
    assertEquals("", vm.passwordProperty().get());
    assertFalse(vm.codeRequiredProperty().get());

    // another name starts again at the first step
    vm.usernameProperty().set("adam");
    loginFailure = Failures.reason(Status.Code.UNAUTHENTICATED, ErrorReason.SECOND_FACTOR_REQUIRED, Map.of());
    vm.passwordProperty().set("secret");
    vm.signIn();
    vm.usernameProperty().set("rita");
    assertFalse(vm.codeRequiredProperty().get());
  }

  @Test
  void throttledSignInSaysUntilWhen() {
    loginFailure = Failures.reason(Status.Code.RESOURCE_EXHAUSTED, ErrorReason.SIGN_IN_THROTTLED,
        Map.of("retry_after", "2026-11-22T08:45:00Z"));
    vm.usernameProperty().set("reception");
    vm.passwordProperty().set("wrong");
    vm.signIn();
    assertTrue(vm.errorMessageProperty().get().contains("checked again from"), vm.errorMessageProperty().get());
    assertTrue(vm.errorMessageProperty().get().contains("8:45"), vm.errorMessageProperty().get());
  }

  @Test
  void missingCredentialsAndBadAddressesAreCaughtBeforeCalling() {
    vm.signIn();
    assertEquals("Enter your username and password.", vm.errorMessageProperty().get());
    vm.usernameProperty().set("reception");
    vm.passwordProperty().set("x");
    vm.serverAddressProperty().set("host:notaport");
    vm.signIn();
    assertTrue(vm.errorMessageProperty().get().startsWith("The server address is not valid"));
    assertTrue(logins.isEmpty());
  }

  @Test
  void aChangedServerAddressRebuildsTheConnectionFirst() {
    vm.serverAddressProperty().set("records.example.org:7443");
    vm.usernameProperty().set("reception");
    vm.passwordProperty().set("x");
    vm.signIn();
    assertEquals(List.of(new ServerAddress("records.example.org", 7443)), switches);
  }
}
