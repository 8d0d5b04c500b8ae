package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import org.hospital.client.staff.StaffRow;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.GetCurrentUserRequest;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.junit.jupiter.api.Test;

/**
 * An administrator creates an account in the Staff area, gives it a second role, ends its sessions, locks and
 * unlocks it; then its user signs in, is made to choose a new password before the workspace opens, and can
 * change it again from the header. All against the real server.
 */
class StaffAdministrationUiTest extends ClientUiTest {

  private static final String INITIAL = "Fresh-Start-2027";
  private static final String OWN = "My-Own-Choice-99";
  private static final String OWN_AGAIN = "Another-Choice-77";

  @Test
  void anAdministratorManagesAnAccountAndItsUserMustChooseAPassword() throws Exception {
    // the shared server outlives this test: a name of its own
    String nina = "nina-" + Long.toString(System.nanoTime() % 1_000_000L);
    signInAndWait("admin");
    openArea("staff");
    waitUntil(() -> row("admin").isPresent());
    int accounts = rows().size();

    // bad input: the server's field problems, in words, and nothing created
    setText("#staffUsername", "Nina Bad");
    setText("#staffDisplayName", "Nina Nightingale");
    tick("nurse");
    setText("#staffPassword", "short");
    pressEnabled("#staffCreate");
    waitUntil(() -> !text("#staffError").isEmpty());
    assertTrue(text("#staffError").contains("Username: Contains characters that are not allowed."),
        text("#staffError"));
    assertTrue(text("#staffError").contains("Password: At least 12 characters"), text("#staffError"));
    assertEquals(accounts, rows().size());

    setText("#staffUsername", nina);
    setText("#staffPassword", INITIAL);
    pressEnabled("#staffCreate");
    waitUntil(() -> text("#staffNotice").startsWith("Account " + nina + " created"));
    waitUntil(() -> row(nina).isPresent());
    assertEquals("Must change password", row(nina).orElseThrow().state());
    assertEquals("Never", row(nina).orElseThrow().lastSignIn());

    // the new account is selected: give it a second role
    tick("doctor");
    pressEnabled("#staffSaveRoles");
    waitUntil(() -> text("#staffNotice").equals("Roles of " + nina + " saved."));
    waitUntil(() -> row(nina).orElseThrow().rolesText().equals("Nurse, Doctor"));
    screenshot("admin-staff");

    try (Rpc rpc = new Rpc()) {
      LoginResponse elsewhere = rpc.login(nina, INITIAL);
      assertTrue(elsewhere.getPasswordMustChange());
      pressEnabled("#refreshStaff");
      waitUntil(() -> row(nina).orElseThrow().openSessions() == 1);
      pressEnabled("#staffEndSessions");
      waitUntil(() -> text("#staffNotice").equals("1 sessions of " + nina + " ended."));
      StatusRuntimeException ended = assertThrows(StatusRuntimeException.class,
          () -> rpc.auth(elsewhere.getSessionToken()).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
      assertEquals(Status.Code.UNAUTHENTICATED, ended.getStatus().getCode());

      pressEnabled("#staffToggleLock");
      waitUntil(() -> text("#staffNotice").startsWith(nina + " is locked"));
      waitUntil(() -> row(nina).orElseThrow().state().equals("Locked"));
      assertEquals("Unlock", text("#staffToggleLock"));
      StatusRuntimeException locked = assertThrows(StatusRuntimeException.class, () -> rpc.login(nina, INITIAL));
      assertEquals(Status.Code.UNAUTHENTICATED, locked.getStatus().getCode());
      pressEnabled("#staffToggleLock");
      waitUntil(() -> text("#staffNotice").equals(nina + " is unlocked."));
      assertEquals("Lock", text("#staffToggleLock"));
    }

    // the user signs in with the administrator's password and must choose their own first
    press("#signOut");
    waitUntil(() -> exists("#signIn"));
    signIn(nina, INITIAL);
    waitUntil(() -> exists("#changePasswordArea"));
    assertTrue(!exists("#userName"), "no workspace before the password is changed");
    setText("#currentPassword", INITIAL);
    setText("#newPassword", OWN);
    setText("#confirmPassword", OWN + "x");
    pressEnabled("#changePasswordSubmit");
    waitUntil(() -> text("#changePasswordError").equals("The two new passwords are not the same."));
    setText("#confirmPassword", INITIAL);
    setText("#newPassword", INITIAL);
    pressEnabled("#changePasswordSubmit");
    waitUntil(() -> text("#changePasswordError").equals("New password: Must differ from the current password."));
    screenshot("forced-password-change");
    setText("#newPassword", OWN);
    setText("#confirmPassword", OWN);
    pressEnabled("#changePasswordSubmit");
    waitUntil(() -> exists("#userName"));
    assertEquals("Nina Nightingale", text("#userName"));

    // and changes it again from the header
    press("#changePassword");
    waitUntil(() -> exists("#changePasswordBack"));
    setText("#currentPassword", OWN);
    setText("#newPassword", OWN_AGAIN);
    setText("#confirmPassword", OWN_AGAIN);
    pressEnabled("#changePasswordSubmit");
    waitUntil(() -> text("#changePasswordNotice").equals("Your password has been changed."));
    screenshot("change-own-password");
    press("#changePasswordBack");
    waitUntil(() -> !exists("#changePasswordArea"));
    try (Rpc rpc = new Rpc()) {
      assertTrue(!rpc.login(nina, OWN_AGAIN).getPasswordMustChange());
    }
  }

  /** Presses once the button is enabled: a disabled button ignores fire(), and the table reloads after each change. */
  private void pressEnabled(String query) {
    waitUntil(() -> !lookup(query).query().isDisabled());
    press(query);
  }

  private void tick(String role) {
    interact(() -> lookup("#staffRole-role_" + role).queryAs(CheckBox.class).setSelected(true));
  }

  @SuppressWarnings("unchecked")
  private List<StaffRow> rows() {
    return List.copyOf(lookup("#staffTable").queryAs(TableView.class).getItems());
  }

  private Optional<StaffRow> row(String username) {
    return rows().stream().filter(r -> r.username().equals(username)).findFirst();
  }

  /** A second workstation's calls, straight to the server. */
  private static final class Rpc implements AutoCloseable {
    private final ManagedChannel channel;

    Rpc() throws IOException {
      channel = Grpc.newChannelBuilder(LiveServer.target(), TlsChannelCredentials.newBuilder()
          .trustManager(LiveServer.caCertificate().toFile()).build()).build();
    }

    LoginResponse login(String username, String password) {
      return AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername(username)
          .setPassword(password).setWorkstation("ward-9").build());
    }

    AuthServiceGrpc.AuthServiceBlockingStub auth(String token) {
      io.grpc.Metadata headers = new io.grpc.Metadata();
      headers.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
          "Bearer " + token);
      return AuthServiceGrpc.newBlockingStub(channel).withInterceptors(
          io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Override
    public void close() {
      channel.shutdownNow();
    }
  }
}
