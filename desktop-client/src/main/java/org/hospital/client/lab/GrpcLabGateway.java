package org.hospital.client.lab;

import java.util.List;
import org.hospital.client.connection.ServerConnection;
import org.hospital.proto.lab.v1.CatalogueTest;
import org.hospital.proto.lab.v1.CollectSpecimenRequest;
import org.hospital.proto.lab.v1.CorrectLabResultRequest;
import org.hospital.proto.lab.v1.GetLabOrderRequest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.ListLabCatalogueRequest;
import org.hospital.proto.lab.v1.ListLabWorklistRequest;
import org.hospital.proto.lab.v1.ListPatientLabOrdersRequest;
import org.hospital.proto.lab.v1.PlaceLabOrderRequest;
import org.hospital.proto.lab.v1.PrintSpecimenLabelRequest;
import org.hospital.proto.lab.v1.ReceiveSpecimenRequest;
import org.hospital.proto.lab.v1.RecordLabResultsRequest;
import org.hospital.proto.lab.v1.ResultEntry;
import org.hospital.proto.lab.v1.SpecimenType;
import org.hospital.proto.reports.v1.PdfDocument;

/** {@link LabGateway} over the lab service; the channel adds the session and deadline. */
public final class GrpcLabGateway implements LabGateway {

  private final ServerConnection connection;

  public GrpcLabGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public List<CatalogueTest> catalogue() {
    return lab().listLabCatalogue(ListLabCatalogueRequest.getDefaultInstance()).getTestsList();
  }

  @Override
  public LabOrder place(String key, long encounterId, List<String> testCodes, LabPriority priority, String question,
      SpecimenType specimen) {
    return lab().placeLabOrder(PlaceLabOrderRequest.newBuilder().setIdempotencyKey(key).setEncounterId(encounterId)
        .addAllTestCodes(testCodes).setPriority(priority).setClinicalQuestion(question).setSpecimenType(specimen)
        .build());
  }

  @Override
  public LabOrder collect(LabOrder order) {
    return lab().collectSpecimen(CollectSpecimenRequest.newBuilder().setOrderId(order.getId())
        .setExpectedVersion(order.getVersion()).build());
  }

  @Override
  public LabOrder cancel(LabOrder order, String reason) {
    return lab().cancelLabOrder(org.hospital.proto.lab.v1.CancelLabOrderRequest.newBuilder()
        .setOrderId(order.getId()).setExpectedVersion(order.getVersion()).setReason(reason).build());
  }

  @Override
  public LabOrder receive(LabOrder order) {
    return lab().receiveSpecimen(ReceiveSpecimenRequest.newBuilder().setOrderId(order.getId())
        .setExpectedVersion(order.getVersion()).build());
  }

  @Override
  public LabOrder byAccession(String accession) {
    return lab().getLabOrder(GetLabOrderRequest.newBuilder().setAccession(accession).build());
  }

  @Override
  public LabOrder order(long orderId) {
    return lab().getLabOrder(GetLabOrderRequest.newBuilder().setOrderId(orderId).build());
  }

  @Override
  public List<LabOrder> worklist() {
    return lab().listLabWorklist(ListLabWorklistRequest.getDefaultInstance()).getOrdersList();
  }

  @Override
  public List<LabOrder> ofPatient(long patientId) {
    return lab().listPatientLabOrders(ListPatientLabOrdersRequest.newBuilder().setPatientId(patientId).build())
        .getOrdersList();
  }

  @Override
  public LabOrder record(LabOrder order, List<ResultEntry> entries, boolean isFinal) {
    return lab().recordLabResults(RecordLabResultsRequest.newBuilder().setOrderId(order.getId())
        .setExpectedVersion(order.getVersion()).addAllEntries(entries).setFinal(isFinal).build());
  }

  @Override
  public LabOrder correct(LabOrder order, ResultEntry entry, String reason) {
    return lab().correctLabResult(CorrectLabResultRequest.newBuilder().setOrderId(order.getId())
        .setExpectedVersion(order.getVersion()).setEntry(entry).setReason(reason).build());
  }

  @Override
  public PdfDocument label(long orderId) {
    return lab().printSpecimenLabel(PrintSpecimenLabelRequest.newBuilder().setOrderId(orderId).build());
  }

  private LabServiceGrpc.LabServiceBlockingStub lab() {
    return LabServiceGrpc.newBlockingStub(connection.channel());
  }
}
