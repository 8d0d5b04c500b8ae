package org.hospital.client.ward;

import java.util.List;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.connection.ServerStreams;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.wards.v1.AdmitPatientRequest;
import org.hospital.proto.wards.v1.Bed;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BlockBedRequest;
import org.hospital.proto.wards.v1.DischargePatientRequest;
import org.hospital.proto.wards.v1.MarkBedCleanRequest;
import org.hospital.proto.wards.v1.Observations;
import org.hospital.proto.wards.v1.RecordVitalsRequest;
import org.hospital.proto.wards.v1.ReleaseBedRequest;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.TransferPatientRequest;
import org.hospital.proto.wards.v1.VitalSigns;
import org.hospital.proto.wards.v1.WardServiceGrpc;

/** {@link WardGateway} over the WardService; the channel adds the session and the deadline. */
public final class GrpcWardGateway implements WardGateway {

  private final ServerConnection connection;

  public GrpcWardGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public Cancellable subscribe(SubscribeBedBoardRequest request, FeedObserver<BedBoardUpdate> observer) {
    return ServerStreams.open(stream -> WardServiceGrpc.newStub(connection.channel()).subscribeBedBoard(request,
        stream), observer);
  }

  @Override
  public Stay admit(AdmitPatientRequest request) {
    return blocking().admitPatient(request);
  }

  @Override
  public Stay transfer(TransferPatientRequest request) {
    return blocking().transferPatient(request);
  }

  @Override
  public Stay discharge(DischargePatientRequest request) {
    return blocking().dischargePatient(request);
  }

  @Override
  public Bed markClean(long bedId, long expectedVersion) {
    return blocking().markBedClean(MarkBedCleanRequest.newBuilder().setBedId(bedId)
        .setExpectedVersion(expectedVersion).build());
  }

  @Override
  public Bed block(long bedId, long expectedVersion, String reason) {
    return blocking().blockBed(BlockBedRequest.newBuilder().setBedId(bedId).setExpectedVersion(expectedVersion)
        .setReason(reason).build());
  }

  @Override
  public Bed release(long bedId, long expectedVersion) {
    return blocking().releaseBed(ReleaseBedRequest.newBuilder().setBedId(bedId)
        .setExpectedVersion(expectedVersion).build());
  }

  @Override
  public VitalSigns recordVitals(long stayId, Observations observations) {
    return blocking().recordVitals(RecordVitalsRequest.newBuilder().setStayId(stayId).setObservations(observations)
        .build());
  }

  @Override
  public List<Clinician> doctors() {
    return SchedulingServiceGrpc.newBlockingStub(connection.channel())
        .listClinicians(ListCliniciansRequest.getDefaultInstance()).getCliniciansList();
  }

  private WardServiceGrpc.WardServiceBlockingStub blocking() {
    return WardServiceGrpc.newBlockingStub(connection.channel());
  }

  @Override
  public org.hospital.proto.reports.v1.PdfDocument wristband(long stayId) {
    return blocking().printWristband(org.hospital.proto.wards.v1.PrintWristbandRequest.newBuilder()
        .setStayId(stayId).build());
  }

  @Override
  public org.hospital.proto.reports.v1.PdfDocument labels(long stayId, int count) {
    return blocking().printPatientLabels(org.hospital.proto.wards.v1.PrintPatientLabelsRequest.newBuilder()
        .setStayId(stayId).setCount(count).build());
  }
}
