package org.hospital.server.clinical.medication;

import java.math.BigDecimal;

/** How often a dose is given, with the number of doses a day the daily dose check counts. */
public enum Frequency {
  ONCE(1, "once"),
  DAILY(1, "once a day"),
  BID(2, "twice a day"),
  TID(3, "three times a day"),
  QID(4, "four times a day"),
  Q4H(6, "every 4 hours"),
  Q6H(4, "every 6 hours"),
  Q8H(3, "every 8 hours"),
  AT_NIGHT(1, "at night"),
  PRN(0, "as needed"),
  STAT(1, "immediately, once");

  private final int perDay;
  private final String words;

  Frequency(int perDay, String words) {
    this.perDay = perDay;
    this.words = words;
  }

  /** Doses in a day; for PRN the most the minimum interval allows. */
  public BigDecimal dosesPerDay(Integer prnMinIntervalHours) {
    if (this == PRN) {
      return BigDecimal.valueOf(prnMinIntervalHours == null || prnMinIntervalHours <= 0 ? 1
          : Math.max(1, 24 / prnMinIntervalHours));
    }
    return BigDecimal.valueOf(perDay);
  }

  /** The English words printed in the directions. */
  public String words() {
    return words;
  }
}
