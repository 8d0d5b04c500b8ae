package org.hospital.client.schedule.hours;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/** Weekday names in the user's language ("Monday", "lunes"), as the template table shows them. */
public final class WeekdayNames {

  private final Locale locale;

  public WeekdayNames(Locale locale) {
    this.locale = locale;
  }

  public String name(DayOfWeek day) {
    if (day == null) {
      return "";
    }
    String name = day.getDisplayName(TextStyle.FULL_STANDALONE, locale);
    // some locales have no stand-alone form and answer with the number
    if (name.chars().allMatch(Character::isDigit)) {
      name = day.getDisplayName(TextStyle.FULL, locale);
    }
    return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }
}
