package org.hospital.client.staff;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.auth.v1.StaffAccountSummary;
import org.hospital.proto.common.v1.FieldViolationCode;

/**
 * Staff accounts for administrators: the table, and a form that creates an account or edits the selected one
 * (roles, a new password the user must change, lock, unlock, end sessions). Every change carries the version
 * the administrator saw; the server refuses stale ones and audits the rest. After each change the table is read
 * again, so that it shows what the server holds.
 */
public final class StaffViewModel {

  /** The roles offered, in the order the form shows them. */
  public static final List<Role> ROLES = List.of(Role.ROLE_RECEPTION, Role.ROLE_NURSE, Role.ROLE_DOCTOR,
      Role.ROLE_BILLING, Role.ROLE_ADMIN, Role.ROLE_LAB);

  private final StaffGateway gateway;
  private final I18n i18n;
  private final ErrorMessages errors;
  private final ZoneId zone;
  private final ActionStatus status;
  private final ObservableList<StaffRow> rows = FXCollections.observableArrayList();
  private final ObjectProperty<StaffRow> selected = new SimpleObjectProperty<>();
  private final StringProperty username = new SimpleStringProperty("");
  private final StringProperty displayName = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);

  public StaffViewModel(StaffGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks, ZoneId zone) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.errors = errors;
    this.zone = zone;
    this.status = new ActionStatus(tasks, errors);
    ROLES.forEach(r -> roles.put(r, new SimpleBooleanProperty(false)));
    selected.addListener((obs, old, now) -> fillForm(now));
  }

  public void refresh() {
    status.run(gateway::list, list -> {
      show(list);
      return i18n.format("staff.count", list.size());
    });
  }

  /** A new account from the form; its user must change the password at the first sign-in. */
  public void create() {
    String name = username.get().trim();
    String display = displayName.get().trim();
    String initial = password.get();
    Set<Role> chosen = chosenRoles();
    change(() -> gateway.create(name, display, chosen, initial),
        a -> i18n.format("staff.created", a.getUsername()));
  }

  public void saveRoles() {
    StaffRow row = selectedOrRefuse();
    if (row != null) {
      Set<Role> chosen = chosenRoles();
      change(() -> gateway.updateRoles(row.account().getStaffId(), row.account().getVersion(), chosen),
          a -> i18n.format("staff.rolesSaved", a.getUsername()));
    }
  }

  public void resetPassword() {
    StaffRow row = selectedOrRefuse();
    if (row != null) {
      String next = password.get();
      change(() -> gateway.resetPassword(row.account().getStaffId(), row.account().getVersion(), next),
          a -> i18n.format("staff.passwordReset", a.getUsername()));
    }
  }

  public void resetTwoFactor() {
    StaffRow row = selectedOrRefuse();
    if (row != null) {
      change(() -> gateway.resetTwoFactor(row.account().getStaffId(), row.account().getVersion()),
          a -> i18n.format("staff.twoFactorReset", a.getUsername()));
    }
  }

  public void toggleLock() {
    StaffRow row = selectedOrRefuse();
    if (row != null) {
      boolean lock = !row.locked();
      change(() -> gateway.setLocked(row.account().getStaffId(), row.account().getVersion(), lock),
          a -> i18n.format(lock ? "staff.locked" : "staff.unlocked", a.getUsername()));
    }
  }

  public void endSessions() {
    StaffRow row = selectedOrRefuse();
    if (row != null) {
      status.call(() -> gateway.endSessions(row.account().getStaffId()), ended -> {
        status.say(i18n.format("staff.sessionsEnded", ended, row.username()));
        status.reload(gateway::list, this::show);
      }, failure -> status.refuse(describe(failure)));
    }
  }

  /** Clears the selection and the form, to create a new account. */
  public void newAccount() {
    selected.set(null);
  }

  private void change(Callable<StaffAccountSummary> work, Function<StaffAccountSummary, String> success) {
    status.call(work, account -> {
      password.set("");
      status.say(success.apply(account));
      status.reload(gateway::list, list -> {
        show(list);
        rows.stream().filter(r -> r.account().getStaffId() == account.getStaffId()).findFirst()
            .ifPresent(selected::set);
      });
    }, failure -> {
      status.refuse(describe(failure));
      // a stale edit: show what the server holds now, so the next try starts from it
      if (RpcFailure.of(failure).is(org.hospital.proto.common.v1.ErrorReason.STALE_VERSION)) {
        status.reload(gateway::list, this::show);
      }
    });
  }

  private void show(List<StaffAccountSummary> list) {
    long keep = selected.get() == null ? -1 : selected.get().account().getStaffId();
    rows.setAll(list.stream().map(a -> StaffRow.of(a, i18n, zone)).toList());
    rows.stream().filter(r -> r.account().getStaffId() == keep).findFirst().ifPresentOrElse(selected::set,
        () -> selected.set(null));
  }

  private void fillForm(StaffRow row) {
    username.set(row == null ? "" : row.username());
    displayName.set(row == null ? "" : row.displayName());
    password.set("");
    roles.forEach((role, chosen) -> chosen.set(row != null && row.roles().contains(role)));
  }

  private StaffRow selectedOrRefuse() {
    StaffRow row = selected.get();
    if (row == null) {
      status.refuse(i18n.get("staff.selectFirst"));
    }
    return row;
  }

  private Set<Role> chosenRoles() {
    Set<Role> chosen = EnumSet.noneOf(Role.class);
    roles.forEach((role, on) -> {
      if (on.get()) {
        chosen.add(role);
      }
    });
    return chosen;
  }

  /** The server's refusal, with each field it names, in the user's words. */
  private String describe(Throwable failure) {
    return errors.describeByField(failure, "staff.field.", p -> p.code() == FieldViolationCode.WEAK_PASSWORD
        ? i18n.get("password.rules") : errors.fieldMessage(p));
  }

  public ObservableList<StaffRow> rows() {
    return rows;
  }

  public ObjectProperty<StaffRow> selectedProperty() {
    return selected;
  }

  public StringProperty usernameProperty() {
    return username;
  }

  public StringProperty displayNameProperty() {
    return displayName;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public BooleanProperty roleProperty(Role role) {
    return roles.get(role);
  }

  public ActionStatus status() {
    return status;
  }
}
