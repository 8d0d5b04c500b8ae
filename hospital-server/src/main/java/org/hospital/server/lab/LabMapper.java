package org.hospital.server.lab;

import static org.hospital.server.errors.ProtoDates.timestamp;

import java.util.List;
import java.util.Locale;
import org.hospital.proto.lab.v1.AnalyteKind;
import org.hospital.proto.lab.v1.LabOrderStatus;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.ResultRevision;
import org.hospital.proto.lab.v1.ResultStatus;
import org.hospital.server.patients.Patient;

/** Lab records to the contract's messages and back for the enums. */
final class LabMapper {

  private LabMapper() {}

  static org.hospital.proto.lab.v1.CatalogueTest test(CatalogueTest t) {
    org.hospital.proto.lab.v1.CatalogueTest.Builder b = org.hospital.proto.lab.v1.CatalogueTest.newBuilder()
        .setCode(t.code()).setName(t.name()).setPanel(t.panel());
    t.specimenTypes().forEach(s -> b.addSpecimenTypes(specimen(s)));
    t.analytes().forEach(a -> b.addAnalytes(org.hospital.proto.lab.v1.Analyte.newBuilder().setCode(a.code())
        .setName(a.name()).setKind(a.kind() == Analyte.Kind.NUMERIC ? AnalyteKind.NUMERIC : AnalyteKind.CODED)
        .setUnit(a.unit()).addAllCodes(a.codes())));
    return b.build();
  }

  static org.hospital.proto.lab.v1.LabOrder order(LabOrderView v, LabCatalogue catalogue) {
    LabOrder o = v.order();
    Patient p = v.patient();
    org.hospital.proto.lab.v1.LabOrder.Builder b = org.hospital.proto.lab.v1.LabOrder.newBuilder()
        .setId(o.id()).setAccession(o.accession()).setPatientId(o.patientId())
        .setPatientName(p.familyName().toUpperCase(Locale.ROOT) + ", " + p.givenNames()).setMrn(p.mrn())
        .setEncounterId(o.encounterId()).setPriority(LabPriority.valueOf(o.priority().name()))
        .setSpecimenType(specimen(o.specimenType())).setStatus(LabOrderStatus.valueOf(o.status().name()))
        .setOrderedBy(o.orderedBy()).setOrderedAt(timestamp(o.orderedAt())).setVersion(o.version());
    if (o.clinicalQuestion() != null) b.setClinicalQuestion(o.clinicalQuestion());
    if (o.collectedAt() != null) b.setCollectedBy(o.collectedBy()).setCollectedAt(timestamp(o.collectedAt()));
    if (o.receivedAt() != null) b.setReceivedBy(o.receivedBy()).setReceivedAt(timestamp(o.receivedAt()));
    if (o.cancelledAt() != null) {
      b.setCancelledBy(o.cancelledBy()).setCancelledAt(timestamp(o.cancelledAt()))
          .setCancelReason(o.cancelReason());
    }
    java.util.Map<String, Analyte> names = new java.util.LinkedHashMap<>();
    for (String code : o.testCodes()) {
      catalogue.test(code).ifPresent(t -> {
        b.addTests(test(t));
        t.analytes().forEach(a -> names.putIfAbsent(a.code(), a));
      });
    }
    for (Analyte a : names.values()) {
      v.results().stream().filter(r -> r.analyteCode().equals(a.code())).findFirst()
          .ifPresent(r -> b.addResults(result(r, a, v.revisions().getOrDefault(r.id(), List.of()))));
    }
    return b.build();
  }

  private static org.hospital.proto.lab.v1.LabResult result(LabResult r, Analyte a, List<LabResultRevision> rev) {
    org.hospital.proto.lab.v1.LabResult.Builder b = org.hospital.proto.lab.v1.LabResult.newBuilder()
        .setAnalyteCode(a.code()).setAnalyteName(a.name()).setValue(r.valueText())
        .setFlag(org.hospital.proto.lab.v1.ResultFlag.valueOf(r.flag().name()))
        .setStatus(ResultStatus.valueOf("RESULT_" + r.status().name())).setEnteredBy(r.enteredBy())
        .setEnteredAt(timestamp(r.enteredAt()));
    if (r.unit() != null) b.setUnit(r.unit());
    if (r.referenceRange() != null) b.setReferenceRange(r.referenceRange());
    for (LabResultRevision x : rev) {
      ResultRevision.Builder rb = ResultRevision.newBuilder().setValue(x.valueText())
          .setFlag(org.hospital.proto.lab.v1.ResultFlag.valueOf(x.flag().name())).setEnteredBy(x.enteredBy())
          .setEnteredAt(timestamp(x.enteredAt())).setChangedBy(x.changedBy())
          .setChangedAt(timestamp(x.changedAt())).setReason(x.reason());
      if (x.unit() != null) rb.setUnit(x.unit());
      b.addRevisions(rb);
    }
    return b.build();
  }

  static org.hospital.proto.lab.v1.SpecimenType specimen(SpecimenType s) {
    return org.hospital.proto.lab.v1.SpecimenType.valueOf(s.name());
  }

  /** Null for UNSPECIFIED and values this server does not know. */
  static SpecimenType specimen(org.hospital.proto.lab.v1.SpecimenType s) {
    return switch (s) {
      case BLOOD_EDTA -> SpecimenType.BLOOD_EDTA;
      case SERUM -> SpecimenType.SERUM;
      case PLASMA_CITRATE -> SpecimenType.PLASMA_CITRATE;
      case BLOOD_CULTURE_BOTTLES -> SpecimenType.BLOOD_CULTURE_BOTTLES;
      case URINE -> SpecimenType.URINE;
      case SPECIMEN_TYPE_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  static LabOrder.Priority priority(LabPriority p) {
    return switch (p) {
      case ROUTINE -> LabOrder.Priority.ROUTINE;
      case URGENT -> LabOrder.Priority.URGENT;
      case STAT -> LabOrder.Priority.STAT;
      case LAB_PRIORITY_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }
}
