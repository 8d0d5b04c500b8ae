package org.hospital.client.ui;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.Address;
import org.hospital.proto.patients.v1.GetPatientRequest;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.Sex;
import org.hospital.proto.patients.v1.UpdatePatientRequest;

/**
 * A second workstation, talking to the server through plain gRPC stubs: prepares data for a UI test, or
 * changes a record behind the UI's back.
 */
public final class ServerBackdoor implements AutoCloseable {

  private final ManagedChannel channel;
  private final LoginResponse login;
  private final PatientServiceGrpc.PatientServiceBlockingStub patients;

  /** Signs in to the shared test server. */
  public ServerBackdoor(String username) {
    this(LiveServer.target(), LiveServer.caCertificate(), username);
  }

  public ServerBackdoor(String target, Path caCertificate, String username) {
    channel = channel(target, caCertificate);
    login = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername(username).setPassword(LiveServer.PASSWORD)
            .setWorkstation("test-backdoor").build());
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + login.getSessionToken());
    patients = PatientServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /** One sign-in attempt with a wrong password, as a careless colleague at another desk would make. */
  public static void failSignIn(String target, Path caCertificate, String username) {
    ManagedChannel channel = channel(target, caCertificate);
    try {
      AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .login(LoginRequest.newBuilder().setUsername(username).setPassword("not-" + LiveServer.PASSWORD)
              .setWorkstation("test-backdoor").build());
      throw new AssertionError("a wrong password was accepted");
    } catch (StatusRuntimeException expected) {
      // refused, as it should be
    } finally {
      channel.shutdownNow();
    }
  }

  private static ManagedChannel channel(String target, Path caCertificate) {
    try {
      return Grpc.newChannelBuilder(target,
          TlsChannelCredentials.newBuilder().trustManager(caCertificate.toFile()).build()).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String displayName() {
    return login.getUser().getDisplayName();
  }

  public static PatientDemographics person(String family, String given, int year, int month, int day, String phone) {
    return PatientDemographics.newBuilder().setFamilyName(family).setGivenNames(given)
        .setBirthDate(Date.newBuilder().setYear(year).setMonth(month).setDay(day))
        .setSex(Sex.SEX_FEMALE).setPhone(phone)
        .setAddress(Address.newBuilder().setLine1("12 Elm Street").setCity("Springfield").setPostalCode("12345")
            .setCountry("US"))
        .build();
  }

  /** Registers without asking about duplicates (the test knows who it adds). */
  public Patient register(PatientDemographics demographics) {
    return stub().registerPatient(RegisterPatientRequest.newBuilder().setDemographics(demographics)
        .setConfirmedNew(true).setRequestId(UUID.randomUUID().toString()).build()).getPatient();
  }

  public Patient get(long id) {
    return stub().getPatient(GetPatientRequest.newBuilder().setId(id).build()).getPatient();
  }

  public Patient changePhone(long id, String phone) {
    Patient current = get(id);
    return stub().updatePatient(UpdatePatientRequest.newBuilder().setId(id).setExpectedVersion(current.getVersion())
        .setDemographics(current.getDemographics().toBuilder().setPhone(phone)).build()).getPatient();
  }

  private PatientServiceGrpc.PatientServiceBlockingStub stub() {
    return patients.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
