package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.BeginTwoFactorSetupRequest;
import org.hospital.proto.auth.v1.BeginTwoFactorSetupResponse;
import org.hospital.proto.auth.v1.ConfirmTwoFactorSetupRequest;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.server.config.SignInLimits;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authenticator secrets as the database holds them, read and edited behind the server's back through SQL:
 * sealed, so a copy of the database cannot make codes; bound to their account, so a secret moved onto another
 * row opens for nobody; sealed at start when an older version left them in the clear; and a server whose key
 * is gone refuses to start rather than make a new key that would lock everyone out.
 */
class TwoFactorSecretsAtRestTest {

  private static final SignInLimits ADMINS_IN_TWO_STEPS = new SignInLimits(3, 20, 10, 100, Duration.ofMinutes(5),
      Set.of("ADMIN"));

  private final OneTimeCodes app = new OneTimeCodes("Test Hospital");
  private SecurityFixture f;
  private AuthRpcServer server;

  private void start(String kind) {
    f = SecurityFixture.open(kind, ADMINS_IN_TWO_STEPS);
    server = new AuthRpcServer(f);
    f.staff("adam", Role.ADMIN);
    f.staff("ada", Role.ADMIN);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      f.close();
    }
  }

  private LoginResponse login(String username, String code) {
    return AuthServiceGrpc.newBlockingStub(server.channel()).login(LoginRequest.newBuilder()
        .setUsername(username).setPassword(SecurityFixture.PASSWORD).setOneTimeCode(code).setWorkstation("it-1")
        .build());
  }

  private AuthServiceGrpc.AuthServiceBlockingStub auth(String token) {
    Metadata headers = new Metadata();
    headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + token);
    Channel channel = ClientInterceptors.intercept(server.channel(), MetadataUtils.newAttachHeadersInterceptor(headers));
    return AuthServiceGrpc.newBlockingStub(channel);
  }

  private String codeNow(String secret) {
    return app.codeFor(secret, OneTimeCodes.step(f.clock.instant()));
  }

  private String setUp(String username) {
    String token = login(username, "").getSessionToken();
    BeginTwoFactorSetupResponse started = auth(token).beginTwoFactorSetup(BeginTwoFactorSetupRequest.getDefaultInstance());
    auth(token).confirmTwoFactorSetup(ConfirmTwoFactorSetupRequest.newBuilder()
        .setCode(codeNow(started.getSecret())).build());
    return started.getSecret();
  }

  private String storedSecret(String username) {
    return f.db().inTransaction(em -> (String) em.createNativeQuery(
        "SELECT two_factor_secret FROM staff_account WHERE username = ?").setParameter(1, username).getSingleResult());
  }

  private void storeSecret(String username, String value) {
    f.db().runInTransaction(em -> em.createNativeQuery(
        "UPDATE staff_account SET two_factor_secret = ?, two_factor_last_step = 0 WHERE username = ?")
        .setParameter(1, value).setParameter(2, username).executeUpdate());
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void theDatabaseHoldsNoSecretInTheClearAndTheKeyIsTheOwnersAlone(String kind) throws Exception {
    start(kind);
    String secret = setUp("adam");
    String stored = storedSecret("adam");
    assertTrue(stored.startsWith(SecretSealer.PREFIX), stored);
    assertFalse(stored.contains(secret), "the secret must not be readable in the row");
    Path key = f.config.keysDir().resolve("two-factor.key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));

    f.clock.advance(Duration.ofSeconds(60));
    assertFalse(login("adam", codeNow(secret)).getSessionToken().isEmpty(), "the sealed secret still signs in");
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aSecretCopiedOntoAnotherAccountsRowOpensForNobody(String kind) {
    start(kind);
    String adams = setUp("adam");
    setUp("ada");
    storeSecret("ada", storedSecret("adam"));
    f.clock.advance(Duration.ofSeconds(60));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> login("ada", codeNow(adams)));
    assertEquals("WRONG_ONE_TIME_CODE", Errors.info(e).getReason());

    storeSecret("ada", SecretSealer.PREFIX + "bm90IGEgc2VhbGVkIHNlY3JldCBhdCBhbGwsIGp1c3QgdGV4dA==");
    StatusRuntimeException edited = assertThrows(StatusRuntimeException.class, () -> login("ada", "123456"));
    assertEquals("WRONG_ONE_TIME_CODE", Errors.info(edited).getReason(), "an edited value fails closed");
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void secretsLeftInTheClearBySomeOlderVersionAreSealedAtStart(String kind) throws Exception {
    start(kind);
    String plain = app.newSecret();
    storeSecret("adam", plain);
    f.db().runInTransaction(em -> em.createNativeQuery(
        "UPDATE staff_account SET two_factor_pending_secret = ? WHERE username = 'ada'")
        .setParameter(1, plain).executeUpdate());
    SecretSealer sealer = SecretSealer.inKeysDirectory(f.config.keysDir());

    SecretsAtStart.check(f.db(), sealer);

    String stored = storedSecret("adam");
    assertTrue(stored.startsWith(SecretSealer.PREFIX), stored);
    String pending = f.db().inTransaction(em -> (String) em.createNativeQuery(
        "SELECT two_factor_pending_secret FROM staff_account WHERE username = 'ada'").getSingleResult());
    assertTrue(pending.startsWith(SecretSealer.PREFIX), pending);
    f.clock.advance(Duration.ofSeconds(60));
    assertFalse(login("adam", codeNow(plain)).getSessionToken().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aServerWhoseKeyIsGoneRefusesToStartRatherThanLockEveryoneOut(String kind) throws Exception {
    start(kind);
    setUp("adam");
    Path elsewhere = Files.createTempDirectory("hospital-keys-");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SecretsAtStart.check(f.db(), SecretSealer.inKeysDirectory(elsewhere)));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    assertFalse(Files.exists(elsewhere.resolve("two-factor.key")), "no new key is made");
  }
}
