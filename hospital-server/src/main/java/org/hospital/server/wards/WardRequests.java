package org.hospital.server.wards;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.wards.v1.AdmitPatientRequest;
import org.hospital.proto.wards.v1.Consciousness;
import org.hospital.proto.wards.v1.DischargeDestination;
import org.hospital.server.errors.TextRules;
import org.hospital.server.errors.Violations;
import org.hospital.server.wards.stays.AdmissionService;
import org.hospital.server.wards.vitals.Observations;
import org.hospital.server.wards.vitals.VitalsRanges;

/** Checks the wards' requests field by field and turns them into the services' values. */
final class WardRequests {

  static final int REASON_MAX = 500;
  static final int NOTE_MAX = 200;
  static final int DEFAULT_VITALS = 50;
  static final int MAX_VITALS = 200;
  /** 9999-12-31T23:59:59Z: later instants are not dates anyone means, and do not fit the database. */
  static final long LATEST_SECOND = 253_402_300_799L;

  private WardRequests() {}

  static void id(Violations v, String field, long id) {
    if (id == 0) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (id < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
  }

  static void optionalId(Violations v, String field, long id) {
    if (id < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
  }

  static AdmissionService.Admission admission(AdmitPatientRequest r) {
    Violations v = new Violations();
    id(v, "patient_id", r.getPatientId());
    id(v, "bed_id", r.getBedId());
    id(v, "admitting_doctor_id", r.getAdmittingDoctorId());
    optionalId(v, "from_encounter_id", r.getFromEncounterId());
    optionalId(v, "expected_bed_version", r.getExpectedBedVersion());
    String reason = TextRules.required(v, "reason", r.getReason(), REASON_MAX);
    v.throwIfAny();
    return new AdmissionService.Admission(r.getPatientId(), r.getBedId(), r.getExpectedBedVersion(),
        r.getAdmittingDoctorId(), reason, r.getFromEncounterId());
  }

  static String requiredText(Violations v, String field, String raw, int max) {
    return TextRules.required(v, field, raw, max);
  }

  static String optionalText(Violations v, String field, String raw, int max) {
    return TextRules.optional(v, field, raw, max).orElse(null);
  }

  /** An instant that may be left unset (null: now); a malformed one is a violation. */
  static Instant optionalInstant(Violations v, String field, boolean has, Timestamp t) {
    if (!has) {
      return null;
    }
    if (t.getSeconds() <= 0 || t.getSeconds() > LATEST_SECOND || t.getNanos() < 0 || t.getNanos() > 999_999_999) {
      v.add(field, FieldViolationCode.INVALID_DATE);
      return null;
    }
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  static String destination(Violations v, DischargeDestination d) {
    if (d == DischargeDestination.DISCHARGE_DESTINATION_UNSPECIFIED || d == DischargeDestination.UNRECOGNIZED) {
      v.add("destination", FieldViolationCode.REQUIRED);
      return null;
    }
    return d.name();
  }

  static Observations observations(Violations v, boolean has, org.hospital.proto.wards.v1.Observations o) {
    if (!has) {
      v.add("observations", FieldViolationCode.REQUIRED);
      return null;
    }
    org.hospital.server.wards.vitals.Consciousness acvpu = o.getConsciousness()
        == Consciousness.CONSCIOUSNESS_UNSPECIFIED || o.getConsciousness() == Consciousness.UNRECOGNIZED ? null
        : org.hospital.server.wards.vitals.Consciousness.valueOf(o.getConsciousness().name());
    Observations out = new Observations(o.getTemperatureDecicelsius(), o.getPulsePerMinute(), o.getSystolicMmhg(),
        o.getDiastolicMmhg(), o.getRespiratoryRatePerMinute(), o.getSpo2Percent(), o.getOnOxygen(), acvpu,
        o.hasPainScore() ? o.getPainScore() : null);
    VitalsRanges.check(v, "observations.", out);
    return out;
  }

  static int vitalsLimit(Violations v, int limit) {
    int l = limit == 0 ? DEFAULT_VITALS : limit;
    if (l < 1 || l > MAX_VITALS) {
      v.add("limit", FieldViolationCode.OUT_OF_RANGE);
    }
    return l;
  }

  static void scale(Violations v, int scale) {
    if (scale != 1 && scale != 2) {
      v.add("scale", FieldViolationCode.OUT_OF_RANGE);
    }
  }
}
