package org.hospital.server.wards.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NEWS2 against the Royal College of Physicians' 2017 chart, band by band and on both sides of every band
 * edge, then totals and escalation.
 */
class News2Test {

  @ParameterizedTest(name = "respiration {0}/min scores {1}")
  @CsvSource({"3,3", "8,3", "9,1", "11,1", "12,0", "20,0", "21,2", "24,2", "25,3", "60,3"})
  void respiration(int perMinute, int points) {
    assertEquals(points, News2.respiration(perMinute));
  }

  @ParameterizedTest(name = "SpO2 scale 1 {0}% scores {1}")
  @CsvSource({"70,3", "91,3", "92,2", "93,2", "94,1", "95,1", "96,0", "100,0"})
  void spo2Scale1(int percent, int points) {
    assertEquals(points, News2.spo2Scale1(percent));
  }

  @ParameterizedTest(name = "SpO2 scale 2 {0}% on oxygen {1} scores {2}")
  @CsvSource({"83,false,3", "83,true,3", "84,false,2", "85,true,2", "86,false,1", "87,true,1", "88,false,0",
      "92,true,0", "93,false,0", "100,false,0", "93,true,1", "94,true,1", "95,true,2", "96,true,2", "97,true,3",
      "100,true,3"})
  void spo2Scale2(int percent, boolean onOxygen, int points) {
    assertEquals(points, News2.spo2Scale2(percent, onOxygen));
  }

  @ParameterizedTest(name = "systolic {0} mmHg scores {1}")
  @CsvSource({"50,3", "90,3", "91,2", "100,2", "101,1", "110,1", "111,0", "219,0", "220,3", "280,3"})
  void systolic(int mmHg, int points) {
    assertEquals(points, News2.systolic(mmHg));
  }

  @ParameterizedTest(name = "pulse {0}/min scores {1}")
  @CsvSource({"30,3", "40,3", "41,1", "50,1", "51,0", "90,0", "91,1", "110,1", "111,2", "130,2", "131,3"})
  void pulse(int perMinute, int points) {
    assertEquals(points, News2.pulse(perMinute));
  }

  @ParameterizedTest(name = "temperature {0} dC scores {1}")
  @CsvSource({"320,3", "350,3", "351,1", "360,1", "361,0", "380,0", "381,1", "390,1", "391,2", "420,2"})
  void temperature(int decicelsius, int points) {
    assertEquals(points, News2.temperature(decicelsius));
  }

  @ParameterizedTest(name = "{0}: total {1}, {2}")
  @CsvSource({
      // resp, spo2, O2, systolic, pulse, ACVPU, temp, scale -> total, escalation
      "'calm',                        16, 97, false, 128, 72, ALERT, 368, 1, 0, LOW",
      "'four small ones',             10, 95, false, 105, 95, ALERT, 366, 1, 4, LOW",
      "'one red score: new confusion',16, 97, false, 128, 72, CONFUSION, 368, 1, 3, LOW_MEDIUM",
      "'red score and total 4',       10, 97, false, 128, 72, VOICE, 368, 1, 4, LOW_MEDIUM",
      "'total 5',                     22, 95, false, 108, 88, ALERT, 384, 1, 5, MEDIUM",
      "'total 6 with a red score',    25, 95, false, 120, 92, ALERT, 384, 1, 6, MEDIUM",
      "'total 7',                     22, 93, true, 120, 72, ALERT, 384, 1, 7, HIGH",
      "'septic',                      25, 92, true, 98, 118, ALERT, 392, 1, 13, HIGH",
      "'scale 2 target range on air', 16, 89, false, 128, 72, ALERT, 368, 2, 0, LOW",
      "'scale 2 over-oxygenated',     16, 98, true, 128, 72, ALERT, 368, 2, 5, MEDIUM",
      "'same sats on scale 1',        16, 89, false, 128, 72, ALERT, 368, 1, 3, LOW_MEDIUM"})
  void totalAndEscalation(String what, int resp, int spo2, boolean oxygen, int systolic, int pulse,
      Consciousness acvpu, int temperature, int scale, int total, Escalation escalation) {
    News2.Score s = News2.score(new Observations(temperature, pulse, systolic, 70, resp, spo2, oxygen, acvpu, null),
        scale);
    assertEquals(total, s.total(), what);
    assertEquals(escalation, s.escalation(), what);
    assertEquals(s, News2.Score.decode(s.encoded()), "stored and read back");
  }
}
