package org.hospital.client.staff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.auth.v1.StaffAccountSummary;

/** One account in the staff table, its texts already in the user's language. */
public record StaffRow(StaffAccountSummary account, String rolesText, String state, String lastSignIn) {

  static StaffRow of(StaffAccountSummary a, I18n i18n, ZoneId zone) {
    String roles = a.getRolesList().stream().map(r -> i18n.dynamic("role.", r.name()))
        .collect(Collectors.joining(", "));
    String state = a.getLocked() ? i18n.get("staff.state.locked")
        : a.getPasswordMustChange() ? i18n.get("staff.state.mustChange") : i18n.get("staff.state.active");
    if (a.getTwoFactorEnabled() && !a.getLocked()) {
      state += " \u00b7 " + i18n.get("staff.state.twoFactor");
    }
    String last = a.hasLastSignIn()
        ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(i18n.locale())
            .withZone(zone).format(Instant.ofEpochSecond(a.getLastSignIn().getSeconds()))
        : i18n.get("staff.neverSignedIn");
    return new StaffRow(a, roles, state, last);
  }

  public String username() {
    return account.getUsername();
  }

  public String displayName() {
    return account.getDisplayName();
  }

  public boolean locked() {
    return account.getLocked();
  }

  public int openSessions() {
    return account.getOpenSessions();
  }

  public Set<Role> roles() {
    return Set.copyOf(account.getRolesList());
  }
}
