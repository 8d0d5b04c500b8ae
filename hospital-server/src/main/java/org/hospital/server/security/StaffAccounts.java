package org.hospital.server.security;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.persistence.Database;

/**
 * Creates staff accounts (demo data, the create-admin command, administrators). Usernames are lower case
 * ASCII so that "Alice" and "alice" can never be two people.
 */
public final class StaffAccounts {

  public static final int USERNAME_MIN = 3;
  public static final int USERNAME_MAX = 64;
  public static final int DISPLAY_NAME_MAX = 100;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]+");

  private final Database db;
  private final StaffAccountRepository repository;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Clock clock;

  public StaffAccounts(Database db, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
    this.db = db;
    this.repository = new StaffAccountRepository(db);
    this.hasher = hasher;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Creates an enabled account and returns its id. Fails with INVALID_ARGUMENT (fields {@code username},
   * {@code display_name}, {@code roles}, {@code password}) or ALREADY_EXISTS (field {@code username}).
   */
  public long create(String username, String displayName, String password, Set<Role> roles) {
    return insert(username, displayName, password, roles, "password", false, em -> { });
  }

  /**
   * Creates an account whose password, given by an administrator, must be changed at the first sign-in;
   * {@code alsoWithin} runs in the insert's transaction (the audit entry). Fails as {@link #create} does,
   * the password's field being {@code passwordField}.
   */
  StaffAccount createWithPasswordToChange(String username, String displayName, String password, Set<Role> roles,
      String passwordField, Consumer<EntityManager> alsoWithin) {
    long id = insert(username, displayName, password, roles, passwordField, true, alsoWithin);
    return repository.findById(id).orElseThrow();
  }

  private long insert(String username, String displayName, String password, Set<Role> roles,
      String passwordField, boolean mustChange,
      Consumer<EntityManager> alsoWithin) {
    Violations v = new Violations();
    checkUsername(username, v);
    checkDisplayName(displayName, v);
    if (roles == null || roles.isEmpty()) {
      v.add("roles", FieldViolationCode.REQUIRED);
    }
    policy.check(username, password, passwordField, v);
    v.throwIfAny();
    if (repository.exists(username)) {
      throw DomainException.alreadyExists("username");
    }
    StaffAccount account = StaffAccount.create(username, displayName, hasher.hash(password), roles,
        clock.instant());
    if (mustChange) {
      account.requirePasswordChange();
    }
    try {
      db.runInTransaction(em -> {
        StaffAccountRepository.insert(em, account);
        alsoWithin.accept(em);
      });
    } catch (PersistenceException e) {
      if (UniqueViolation.of(e, "staff_account_username_unique")) {
        // someone else took the name between our check and the insert
        throw DomainException.alreadyExists("username");
      }
      throw e;
    }
    return account.id();
  }

  /**
   * Whether the account exists, is enabled and still opens with this password: used at start to find accounts
   * that still have a published password (the demo accounts').
   */
  public boolean opensWith(String username, String password) {
    return repository.findByUsername(username)
        .filter(StaffAccount::enabled)
        .map(a -> hasher.verify(password, a.passwordHash()))
        .orElse(false);
  }

  public boolean exists(String username) {
    return repository.exists(username);
  }

  private static void checkUsername(String username, Violations v) {
    if (username == null || username.isEmpty()) {
      v.add("username", FieldViolationCode.REQUIRED);
    } else if (username.length() > USERNAME_MAX) {
      v.addTooLong("username", USERNAME_MAX);
    } else if (!USERNAME.matcher(username).matches()) {
      v.add("username", FieldViolationCode.INVALID_CHARACTERS);
    } else if (username.length() < USERNAME_MIN) {
      v.add("username", FieldViolationCode.TOO_SHORT);
    }
  }

  private static void checkDisplayName(String displayName, Violations v) {
    if (displayName == null || displayName.isBlank()) {
      v.add("display_name", FieldViolationCode.REQUIRED);
    } else if (displayName.codePointCount(0, displayName.length()) > DISPLAY_NAME_MAX) {
      v.addTooLong("display_name", DISPLAY_NAME_MAX);
    } else if (displayName.codePoints().anyMatch(Character::isISOControl)) {
      v.add("display_name", FieldViolationCode.INVALID_CHARACTERS);
    }
  }
}
