package org.hospital.client.patients;

import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.RegisterPatientResponse;
import org.hospital.proto.patients.v1.SearchPatientsResponse;

/** The patient calls the client makes. Blocking: always run through the TaskRunner. */
public interface PatientDirectory {

  int PAGE_SIZE = 25;

  /** One page of matches for the text as typed; an empty token asks for the first page. */
  SearchPatientsResponse search(String query, String pageToken);

  Patient get(long id);

  RegisterPatientResponse register(PatientDemographics demographics, boolean confirmedNew, String requestId);

  Patient update(long id, long expectedVersion, PatientDemographics demographics);
}
