package org.hospital.client.ward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.wards.v1.BedState;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.proto.wards.v1.Census;
import org.hospital.proto.wards.v1.Escalation;
import org.hospital.proto.wards.v1.News2;

/** A bed tile in words and style classes, as the board and its tests read it. */
public final class BedTileText {

  private BedTileText() {
  }

  /** Whole days since admission; the day of admission is day 0. */
  public static long daysIn(BedTile tile, Clock clock) {
    var t = tile.getOccupant().getAdmittedAt();
    return Math.max(0, Duration.between(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()), clock.instant())
        .toDays());
  }

  /** The style class of the tile's state: free, reserved, occupied, cleaning, blocked look different. */
  public static String stateStyle(BedState state) {
    return switch (state) {
      case FREE -> "bed-free";
      case RESERVED -> "bed-reserved";
      case OCCUPIED -> "bed-occupied";
      case NEEDS_CLEANING -> "bed-cleaning";
      case BLOCKED -> "bed-blocked";
      default -> "bed-unknown";
    };
  }

  /** The NEWS2 badge's style class: the colour of its escalation. */
  public static String escalationStyle(Escalation e) {
    return switch (e) {
      case HIGH -> "news2-high";
      case MEDIUM -> "news2-medium";
      case LOW_MEDIUM -> "news2-low-medium";
      default -> "news2-low";
    };
  }

  /** "NEWS2 9 · High: emergency response". */
  public static String news2(News2 n, I18n i18n) {
    return i18n.format("ward.news2.badge", n.getTotal()) + " · " + i18n.dynamic("ward.escalation.",
        n.getEscalation().name());
  }

  /** "18 of 24 occupied · 4 free · 1 to clean · 1 blocked · 0 reserved". */
  public static String census(Census c, I18n i18n) {
    return i18n.format("ward.census", c.getOccupied(), c.getBeds(), c.getFree(), c.getNeedsCleaning(),
        c.getBlocked(), c.getReserved());
  }
}
