package org.hospital.client.patients;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hospital.client.connection.ServerConnection;
import org.hospital.proto.patients.v1.GetPatientRequest;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.RegisterPatientResponse;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.proto.patients.v1.SearchPatientsResponse;
import org.hospital.proto.patients.v1.UpdatePatientRequest;

/** {@link PatientDirectory} over the PatientService RPCs. */
public final class GrpcPatientDirectory implements PatientDirectory {

  /** Search runs while the user types: a slow answer is worth less than the next keystroke's. */
  static final Duration SEARCH_DEADLINE = Duration.ofSeconds(3);

  private final ServerConnection connection;

  public GrpcPatientDirectory(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public SearchPatientsResponse search(String query, String pageToken) {
    return stub().withDeadlineAfter(SEARCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .searchPatients(SearchPatientsRequest.newBuilder()
            .setQuery(query).setPageSize(PAGE_SIZE).setPageToken(pageToken).build());
  }

  @Override
  public Patient get(long id) {
    return stub().getPatient(GetPatientRequest.newBuilder().setId(id).build()).getPatient();
  }

  @Override
  public RegisterPatientResponse register(PatientDemographics demographics, boolean confirmedNew, String requestId) {
    return stub().registerPatient(RegisterPatientRequest.newBuilder()
        .setDemographics(demographics).setConfirmedNew(confirmedNew).setRequestId(requestId).build());
  }

  @Override
  public Patient update(long id, long expectedVersion, PatientDemographics demographics) {
    return stub().updatePatient(UpdatePatientRequest.newBuilder()
        .setId(id).setExpectedVersion(expectedVersion).setDemographics(demographics).build()).getPatient();
  }

  private PatientServiceGrpc.PatientServiceBlockingStub stub() {
    // the channel's interceptor adds the session token and the default deadline
    return PatientServiceGrpc.newBlockingStub(connection.channel());
  }
}
