package org.hospital.client.admin;

import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;

/**
 * Failed sign-ins the server is counting: which name at which address, or which address, how many failures,
 * and until when attempts are not checked. An administrator clears one when the person behind it is known
 * (a user who forgot the password and has a new one); the server audits each clearing.
 */
public final class SignInThrottlesViewModel {

  private final SignInThrottleGateway gateway;
  private final I18n i18n;
  private final ZoneId zone;
  private final ActionStatus status;
  private final ObservableList<ThrottleRow> rows = FXCollections.observableArrayList();
  private final ObjectProperty<ThrottleRow> selected = new SimpleObjectProperty<>();

  public SignInThrottlesViewModel(SignInThrottleGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks,
      ZoneId zone) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.zone = zone;
    this.status = new ActionStatus(tasks, errors);
  }

  public void refresh() {
    status.run(gateway::list, list -> {
      rows.setAll(list.stream().map(t -> ThrottleRow.of(t, i18n, zone)).toList());
      return rows.isEmpty() ? i18n.get("throttles.none") : i18n.format("throttles.count", rows.size());
    });
  }

  public void clearSelected() {
    ThrottleRow row = selected.get();
    if (row == null) {
      status.refuse(i18n.get("throttles.selectFirst"));
      return;
    }
    status.run(() -> gateway.clear(row.key()), cleared -> {
      rows.remove(row);
      selected.set(null);
      return i18n.format(cleared ? "throttles.cleared" : "throttles.alreadyGone", describe(row));
    });
  }

  private String describe(ThrottleRow row) {
    return row.name() + " @ " + row.address();
  }

  public ObservableList<ThrottleRow> rows() {
    return rows;
  }

  public ObjectProperty<ThrottleRow> selectedProperty() {
    return selected;
  }

  public ActionStatus status() {
    return status;
  }
}
