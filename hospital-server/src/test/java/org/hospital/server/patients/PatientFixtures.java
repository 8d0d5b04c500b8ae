package org.hospital.server.patients;

import java.util.UUID;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.Address;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.Sex;

/** Requests for tests, valid unless a test spoils them. */
final class PatientFixtures {

  private PatientFixtures() {}

  static PatientDemographics.Builder person(String family, String given, int year, int month, int day) {
    return PatientDemographics.newBuilder()
        .setFamilyName(family).setGivenNames(given)
        .setBirthDate(Date.newBuilder().setYear(year).setMonth(month).setDay(day))
        .setSex(Sex.SEX_FEMALE)
        .setPhone("+1 617 555 " + String.format("%04d", Math.abs((family + given).hashCode()) % 10000))
        .setAddress(Address.newBuilder().setLine1("1 Main St").setCity("Boston").setCountry("US"));
  }

  static RegisterPatientRequest confirmed(PatientDemographics.Builder d) {
    return RegisterPatientRequest.newBuilder().setDemographics(d).setConfirmedNew(true)
        .setRequestId(UUID.randomUUID().toString()).build();
  }
}
