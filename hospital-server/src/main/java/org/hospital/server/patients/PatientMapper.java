package org.hospital.server.patients;

import java.time.LocalDate;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.Address;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientSummary;

/** Domain to wire. Absent optional values become empty strings, as proto3 expects. */
final class PatientMapper {

  private PatientMapper() {}

  static org.hospital.proto.patients.v1.Patient toProto(Patient p) {
    PatientDemographics d = PatientDemographics.newBuilder()
        .setFamilyName(p.familyName())
        .setGivenNames(p.givenNames())
        .setBirthDate(date(p.birthDate()))
        .setSex(sex(p.sex()))
        .setPhone(text(p.phone()))
        .setNationalId(text(p.nationalId()))
        .setEmail(text(p.email()))
        .setAddress(Address.newBuilder()
            .setLine1(text(p.addressLine1()))
            .setLine2(text(p.addressLine2()))
            .setCity(text(p.city()))
            .setRegion(text(p.region()))
            .setPostalCode(text(p.postalCode()))
            .setCountry(text(p.country())))
        .build();
    return org.hospital.proto.patients.v1.Patient.newBuilder()
        .setId(p.id())
        .setMrn(p.mrn())
        .setDemographics(d)
        .setVersion(p.version())
        .setCreatedAt(p.createdAt().toString())
        .setUpdatedAt(p.updatedAt().toString())
        .setUpdatedBy(p.updatedBy())
        .build();
  }

  static PatientSummary toSummary(PatientMatch m) {
    PatientRow r = m.row();
    return PatientSummary.newBuilder()
        .setId(r.id())
        .setMrn(r.mrn())
        .setFamilyName(r.familyName())
        .setGivenNames(r.givenNames())
        .setBirthDate(date(r.birthDate()))
        .setSex(sex(r.sex()))
        .setPhone(text(r.phone()))
        .setCity(text(r.city()))
        .addAllMatchReasons(m.reasons())
        .build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  static org.hospital.proto.patients.v1.Sex sex(Sex s) {
    return switch (s) {
      case FEMALE -> org.hospital.proto.patients.v1.Sex.SEX_FEMALE;
      case MALE -> org.hospital.proto.patients.v1.Sex.SEX_MALE;
      case OTHER -> org.hospital.proto.patients.v1.Sex.SEX_OTHER;
      case UNKNOWN -> org.hospital.proto.patients.v1.Sex.SEX_UNKNOWN;
    };
  }

  /** Wire to domain; null for UNSPECIFIED and for numbers this server does not know. */
  static Sex sex(int wireValue) {
    org.hospital.proto.patients.v1.Sex s = org.hospital.proto.patients.v1.Sex.forNumber(wireValue);
    if (s == null) {
      return null;
    }
    return switch (s) {
      case SEX_FEMALE -> Sex.FEMALE;
      case SEX_MALE -> Sex.MALE;
      case SEX_OTHER -> Sex.OTHER;
      case SEX_UNKNOWN -> Sex.UNKNOWN;
      case SEX_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
