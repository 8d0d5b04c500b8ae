package org.hospital.client.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.auth.v1.SignInThrottle;
import org.hospital.proto.auth.v1.ThrottleScope;

/** One throttle as the administrator's table shows it. */
public record ThrottleRow(String key, String counts, String name, String address, String workstation,
    int failures, String delayedUntil) {

  static ThrottleRow of(SignInThrottle t, I18n i18n, ZoneId zone) {
    boolean address = t.getScope() == ThrottleScope.THROTTLE_SCOPE_ADDRESS;
    String until;
    if (t.getCapped()) {
      until = i18n.format("throttles.capped", time(t.getWindowStart().getSeconds() + 86_400, i18n, zone));
    } else if (t.hasBlockedUntil()) {
      until = time(t.getBlockedUntil().getSeconds(), i18n, zone);
    } else {
      until = i18n.get("throttles.notDelayed");
    }
    return new ThrottleRow(t.getKey(), i18n.get(address ? "throttles.scope.address" : "throttles.scope.name"),
        address ? i18n.get("throttles.allNames") : t.getUsername(), t.getAddress(), t.getLastWorkstation(),
        t.getFailures(), until);
  }

  private static String time(long epochSecond, I18n i18n, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withLocale(i18n.locale())
        .withZone(zone).format(Instant.ofEpochSecond(epochSecond));
  }
}
