package org.hospital.client.lab;

import org.hospital.proto.lab.v1.ResultFlag;

/** How a result's flag is shown: a short mark and the style class that colours it (critical in red). */
public final class Flags {

  private Flags() {}

  public static boolean isAbnormal(ResultFlag f) {
    return f != ResultFlag.NORMAL && f != ResultFlag.RESULT_FLAG_UNSPECIFIED && f != ResultFlag.UNRECOGNIZED;
  }

  public static boolean isCritical(ResultFlag f) {
    return f == ResultFlag.CRITICAL_LOW || f == ResultFlag.CRITICAL_HIGH;
  }

  /** "flag-critical", "flag-abnormal" or "flag-normal". */
  public static String styleClass(ResultFlag f) {
    return isCritical(f) ? "flag-critical" : isAbnormal(f) ? "flag-abnormal" : "flag-normal";
  }
}
