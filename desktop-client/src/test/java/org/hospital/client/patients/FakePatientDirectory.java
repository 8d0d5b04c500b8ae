package org.hospital.client.patients;

import io.grpc.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.patients.v1.RegisterPatientResponse;
import org.hospital.proto.patients.v1.SearchPatientsResponse;

/** An in-memory stand-in for ViewModel tests: answers are scripted, requests recorded. */
public final class FakePatientDirectory implements PatientDirectory {

  public record Search(String query, String pageToken, Context context) {}

  public record Registration(PatientDemographics demographics, boolean confirmedNew, String requestId) {}

  public record Update(long id, long expectedVersion, PatientDemographics demographics) {}

  public final List<Search> searches = new ArrayList<>();
  public final List<Registration> registrations = new ArrayList<>();
  public final List<Update> updates = new ArrayList<>();
  public Function<Search, SearchPatientsResponse> searchAnswer = search -> SearchPatientsResponse.getDefaultInstance();
  public Function<Registration, RegisterPatientResponse> registerAnswer;
  public Function<Update, Patient> updateAnswer;
  public Function<Long, Patient> getAnswer;

  @Override
  public SearchPatientsResponse search(String query, String pageToken) {
    Search search = new Search(query, pageToken, Context.current());
    searches.add(search);
    return searchAnswer.apply(search);
  }

  @Override
  public Patient get(long id) {
    return getAnswer.apply(id);
  }

  @Override
  public RegisterPatientResponse register(PatientDemographics demographics, boolean confirmedNew, String requestId) {
    Registration registration = new Registration(demographics, confirmedNew, requestId);
    registrations.add(registration);
    return registerAnswer.apply(registration);
  }

  @Override
  public Patient update(long id, long expectedVersion, PatientDemographics demographics) {
    Update update = new Update(id, expectedVersion, demographics);
    updates.add(update);
    return updateAnswer.apply(update);
  }

  public static PatientSummary summary(long id, String family, String given) {
    return PatientSummary.newBuilder().setId(id).setMrn("10000" + id).setFamilyName(family).setGivenNames(given)
        .build();
  }

  public static SearchPatientsResponse page(String nextToken, PatientSummary... results) {
    return SearchPatientsResponse.newBuilder().addAllResults(List.of(results)).setNextPageToken(nextToken).build();
  }
}
