package org.hospital.server.wards.vitals;

/**
 * The National Early Warning Score 2 (Royal College of Physicians, 2017): points per parameter from the
 * chart's bands, their total, and the escalation it calls for. SpO2 scale 2 is for patients with hypercapnic
 * respiratory failure whom a clinician has put on it: 88-92 % scores 0 there, and on oxygen higher
 * saturations score again (93-94: 1, 95-96: 2, 97 or more: 3). Tested band by band in News2Test.
 */
public final class News2 {

  /** Points per parameter, in the chart's order, and what they add up to. */
  public record Score(int respiration, int spo2, int airOrOxygen, int systolic, int pulse, int consciousness,
      int temperature) {

    public int total() {
      return respiration + spo2 + airOrOxygen + systolic + pulse + consciousness + temperature;
    }

    /** Whether any single parameter scores 3 (a "red score"). */
    public boolean anyThree() {
      return respiration == 3 || spo2 == 3 || systolic == 3 || pulse == 3 || consciousness == 3
          || temperature == 3;
    }

    public Escalation escalation() {
      int total = total();
      if (total >= 7) {
        return Escalation.HIGH;
      }
      if (total >= 5) {
        return Escalation.MEDIUM;
      }
      return anyThree() ? Escalation.LOW_MEDIUM : Escalation.LOW;
    }

    /** The points as stored with the observations: "r,s,o,bp,p,c,t". */
    public String encoded() {
      return respiration + "," + spo2 + "," + airOrOxygen + "," + systolic + "," + pulse + "," + consciousness
          + "," + temperature;
    }

    public static Score decode(String encoded) {
      String[] p = encoded.split(",");
      return new Score(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
          Integer.parseInt(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]), Integer.parseInt(p[6]));
    }
  }

  private News2() {}

  /** Scores the observations on the given SpO2 scale (1 or 2). */
  public static Score score(Observations o, int spo2Scale) {
    return new Score(respiration(o.respiratoryRate()),
        spo2Scale == 2 ? spo2Scale2(o.spo2(), o.onOxygen()) : spo2Scale1(o.spo2()),
        o.onOxygen() ? 2 : 0, systolic(o.systolic()), pulse(o.pulse()),
        o.consciousness() == Consciousness.ALERT ? 0 : 3, temperature(o.temperatureDecicelsius()));
  }

  static int respiration(int perMinute) {
    if (perMinute <= 8) {
      return 3;
    }
    if (perMinute <= 11) {
      return 1;
    }
    if (perMinute <= 20) {
      return 0;
    }
    return perMinute <= 24 ? 2 : 3;
  }

  static int spo2Scale1(int percent) {
    if (percent <= 91) {
      return 3;
    }
    if (percent <= 93) {
      return 2;
    }
    return percent <= 95 ? 1 : 0;
  }

  static int spo2Scale2(int percent, boolean onOxygen) {
    if (percent <= 83) {
      return 3;
    }
    if (percent <= 85) {
      return 2;
    }
    if (percent <= 87) {
      return 1;
    }
    if (percent <= 92 || !onOxygen) {
      return 0; // 88-92, and 93 or more on air
    }
    if (percent <= 94) {
      return 1;
    }
    return percent <= 96 ? 2 : 3;
  }

  static int systolic(int mmHg) {
    if (mmHg <= 90) {
      return 3;
    }
    if (mmHg <= 100) {
      return 2;
    }
    if (mmHg <= 110) {
      return 1;
    }
    return mmHg <= 219 ? 0 : 3;
  }

  static int pulse(int perMinute) {
    if (perMinute <= 40) {
      return 3;
    }
    if (perMinute <= 50) {
      return 1;
    }
    if (perMinute <= 90) {
      return 0;
    }
    if (perMinute <= 110) {
      return 1;
    }
    return perMinute <= 130 ? 2 : 3;
  }

  static int temperature(int decicelsius) {
    if (decicelsius <= 350) {
      return 3;
    }
    if (decicelsius <= 360) {
      return 1;
    }
    if (decicelsius <= 380) {
      return 0;
    }
    return decicelsius <= 390 ? 1 : 2;
  }
}
