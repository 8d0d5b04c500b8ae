package org.hospital.server.clinical.medication;

import java.time.LocalDate;
import org.hospital.proto.clinical.v1.AlertKind;
import org.hospital.proto.clinical.v1.MedicationSetting;
import org.hospital.proto.clinical.v1.OverrideRecord;
import org.hospital.proto.clinical.v1.PrescriptionStatus;
import org.hospital.proto.clinical.v1.StopReason;
import org.hospital.proto.common.v1.Date;
import org.hospital.server.errors.ProtoDates;

/** Medication records as the wire shows them. */
final class MedicationMapper {

  private MedicationMapper() {}

  static org.hospital.proto.clinical.v1.FormularyProduct product(FormularyProduct p) {
    var b = org.hospital.proto.clinical.v1.FormularyProduct.newBuilder().setId(p.id()).setCode(p.code())
        .setName(p.name()).addAllIngredients(p.ingredients());
    if (p.rxnorm() != null) b.setRxnorm(p.rxnorm());
    if (p.strength() != null) b.setStrength(p.strength());
    if (p.form() != null) b.setForm(p.form());
    if (p.route() != null) b.setRoute(p.route());
    if (p.barcode() != null) b.setBarcode(p.barcode());
    if (p.doseUnit() != null) b.setDoseUnit(p.doseUnit());
    if (p.doseMin() != null) b.setDoseMin(p.doseMin().doubleValue());
    if (p.doseMax() != null) b.setDoseMax(p.doseMax().doubleValue());
    if (p.doseMaxDaily() != null) b.setDoseMaxDaily(p.doseMaxDaily().doubleValue());
    return b.build();
  }

  static org.hospital.proto.clinical.v1.PrescribingAlert alert(PrescribingAlert a) {
    return org.hospital.proto.clinical.v1.PrescribingAlert.newBuilder().setKey(a.key())
        .setKind(AlertKind.valueOf(a.kind().name())).setInterruptive(a.interruptive()).setIngredient(a.ingredient())
        .setOther(a.other()).setOtherId(a.otherId()).setDetail(a.detail()).setSource(a.source())
        .setSummary(a.summary()).build();
  }

  static org.hospital.proto.clinical.v1.Prescription prescription(PrescriptionView v, LocalDate today) {
    Prescription p = v.prescription();
    var b = org.hospital.proto.clinical.v1.Prescription.newBuilder().setId(p.id()).setPatientId(p.patientId())
        .setProduct(product(v.product()))
        .setSetting(p.setting() == Prescription.Setting.OUTPATIENT ? MedicationSetting.MEDICATION_OUTPATIENT
            : MedicationSetting.MEDICATION_INPATIENT)
        .setDose(p.dose().doubleValue()).setDoseUnit(p.doseUnit()).setRoute(p.route())
        .setFrequency(org.hospital.proto.clinical.v1.Frequency.valueOf(p.frequency().name()))
        .setStart(date(p.startDate())).setRefills(p.refills())
        .setStatus(p.status() == Prescription.Status.STOPPED ? PrescriptionStatus.PRESCRIPTION_STOPPED
            : p.activeOn(today) ? PrescriptionStatus.PRESCRIPTION_ACTIVE : PrescriptionStatus.PRESCRIPTION_ENDED)
        .setPrescriber(p.prescriberName()).setSignedAt(ProtoDates.timestamp(p.signedAt()))
        .setDirections(PrescriptionOrder.directions(p.dose(), p.doseUnit(), p.route(), p.frequency(),
            p.prnIndication(), p.prnMinIntervalHours(), p.startDate(), p.endDate()))
        .setPrintCount(p.printCount()).setVersion(p.version());
    if (p.encounterId() != null) b.setEncounterId(p.encounterId());
    if (p.prnIndication() != null) b.setPrnIndication(p.prnIndication());
    if (p.prnMinIntervalHours() != null) b.setPrnMinIntervalHours(p.prnMinIntervalHours());
    if (p.endDate() != null) b.setEnd(date(p.endDate()));
    if (p.quantity() != null) b.setQuantity(p.quantity().doubleValue());
    if (p.quantityUnit() != null) b.setQuantityUnit(p.quantityUnit());
    if (p.instructions() != null) b.setInstructions(p.instructions());
    if (p.stopReason() != null) b.setStopReason(StopReason.valueOf("STOP_" + p.stopReason().name()));
    if (p.stopNote() != null) b.setStopNote(p.stopNote());
    if (p.stoppedBy() != null) b.setStoppedBy(p.stoppedBy());
    if (p.stoppedAt() != null) b.setStoppedAt(ProtoDates.timestamp(p.stoppedAt()));
    if (p.replacesId() != null) b.setReplacesId(p.replacesId());
    for (PrescriptionView.Override o : v.overrides()) {
      b.addOverrides(OverrideRecord.newBuilder().setAlertKey(o.alertKey()).setKind(AlertKind.valueOf(o.kind().name()))
          .setSummary(o.summary()).setReason(o.reason()));
    }
    return b.build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }
}
