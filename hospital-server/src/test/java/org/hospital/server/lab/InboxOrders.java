package org.hospital.server.lab;

import org.hospital.proto.clinical.v1.StartEncounterRequest;
import org.hospital.proto.lab.v1.CollectSpecimenRequest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.PlaceLabOrderRequest;
import org.hospital.proto.lab.v1.ReceiveSpecimenRequest;
import org.hospital.proto.lab.v1.SpecimenType;
import org.hospital.server.clinical.chart.ChartHospital;

/** Orders made ready for results through the real RPCs: placed by a doctor, collected by a nurse, received. */
final class InboxOrders {

  static final String TSH = "3016-3";
  static final String BMP = "51990-0";

  private InboxOrders() {}

  static long encounter(ChartHospital h, String doctor, long patient) {
    return h.chart(doctor).startEncounter(StartEncounterRequest.newBuilder().setIdempotencyKey(ChartHospital.key())
        .setPatientId(patient).setReason("Results inbox").build()).getId();
  }

  /** A received order of {@code test} on serum, placed by {@code doctor} in the encounter. */
  static LabOrder received(ChartHospital h, String doctor, long encounter, String test) {
    LabOrder o = LabRpcTest.lab(h, doctor).placeLabOrder(PlaceLabOrderRequest.newBuilder()
        .setIdempotencyKey(ChartHospital.key()).setEncounterId(encounter).addTestCodes(test)
        .setPriority(LabPriority.ROUTINE).setSpecimenType(SpecimenType.SERUM).build());
    LabOrder c = LabRpcTest.lab(h, "nurse").collectSpecimen(CollectSpecimenRequest.newBuilder()
        .setOrderId(o.getId()).setExpectedVersion(o.getVersion()).build());
    return LabRpcTest.lab(h, "lab").receiveSpecimen(ReceiveSpecimenRequest.newBuilder().setOrderId(o.getId())
        .setExpectedVersion(c.getVersion()).build());
  }
}
