package org.hospital.server.wards;

import java.util.List;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.FieldViolation;
import org.hospital.server.persistence.UniqueViolation;

/** The wards' failures that are not plain validation: unknown ids, and the occupancy constraints' clashes. */
public final class WardFailures {

  private WardFailures() {}

  public static DomainException unknownId(String field) {
    return DomainException.invalid(List.of(new FieldViolation(field, FieldViolationCode.UNKNOWN_ID)));
  }

  public static DomainException invalid(String field, FieldViolationCode code) {
    return DomainException.invalid(List.of(new FieldViolation(field, code)));
  }

  /** A time after the server's clock (and its allowance for skew). */
  public static DomainException inFuture(String field) {
    return invalid(field, FieldViolationCode.IN_FUTURE);
  }

  /** A time before the stay began. */
  public static DomainException beforeAdmission(String field) {
    return invalid(field, FieldViolationCode.IN_PAST);
  }

  /**
   * What a unique violation of bed_occupancy means to the caller: the patient (or stay) is in a bed already,
   * or the bed has its patient. Any other failure is returned as it is.
   */
  public static RuntimeException occupancyClash(RuntimeException e) {
    if (UniqueViolation.of(e, "bed_occupancy_one_bed_per_patient")
        || UniqueViolation.of(e, "bed_occupancy_one_bed_per_stay")) {
      return DomainException.patientAlreadyAdmitted(0);
    }
    if (UniqueViolation.of(e, "bed_occupancy")) {
      return DomainException.bedUnavailable("OCCUPIED"); // the primary key: one patient per bed
    }
    return e;
  }
}
