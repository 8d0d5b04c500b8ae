package org.hospital.server.wards;

import org.hospital.proto.wards.v1.Bed;
import org.hospital.proto.wards.v1.BedState;
import org.hospital.proto.wards.v1.DischargeDestination;
import org.hospital.proto.wards.v1.Escalation;
import org.hospital.proto.wards.v1.News2;
import org.hospital.proto.wards.v1.News2Parts;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.proto.wards.v1.VitalSigns;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.wards.beds.BedRow;
import org.hospital.server.wards.stays.StayRow;
import org.hospital.server.wards.vitals.Observations;
import org.hospital.server.wards.vitals.VitalsRecord;

/** The wards' values as the wire's messages. */
final class WardMapper {

  private WardMapper() {}

  static Stay stay(StayRow s) {
    Stay.Builder b = Stay.newBuilder().setId(s.id()).setPatientId(s.patientId()).setEncounterId(s.encounterId())
        .setWardId(s.wardId()).setBedId(s.bedId()).setAdmittingDoctorId(s.doctorId())
        .setAdmittingDoctorName(s.doctorName()).setReason(s.reason())
        .setAdmittedAt(ProtoDates.timestamp(s.admittedAt())).setSpo2Scale(s.spo2Scale()).setVersion(s.version());
    if (s.discharged()) {
      b.setDischargedAt(ProtoDates.timestamp(s.dischargedAt()))
          .setDestination(DischargeDestination.valueOf(s.destination()));
    }
    return b.build();
  }

  static Bed bed(BedRow b) {
    Bed.Builder out = Bed.newBuilder().setId(b.id()).setWardId(b.wardId()).setRoom(b.room()).setLabel(b.label())
        .setState(BedState.valueOf(b.state().name())).setVersion(b.version());
    if (b.note() != null) {
      out.setNote(b.note());
    }
    return out.build();
  }

  static VitalSigns vitals(VitalsRecord r) {
    Observations o = r.observations();
    org.hospital.proto.wards.v1.Observations.Builder ob = org.hospital.proto.wards.v1.Observations.newBuilder()
        .setTemperatureDecicelsius(o.temperatureDecicelsius()).setPulsePerMinute(o.pulse())
        .setSystolicMmhg(o.systolic()).setDiastolicMmhg(o.diastolic())
        .setRespiratoryRatePerMinute(o.respiratoryRate()).setSpo2Percent(o.spo2()).setOnOxygen(o.onOxygen())
        .setConsciousness(org.hospital.proto.wards.v1.Consciousness.valueOf(o.consciousness().name()));
    if (o.painScore() != null) {
      ob.setPainScore(o.painScore());
    }
    var s = r.score();
    return VitalSigns.newBuilder().setId(r.id()).setStayId(r.stayId()).setPatientId(r.patientId())
        .setObservations(ob).setTakenAt(ProtoDates.timestamp(r.takenAt())).setRecordedBy(r.recordedBy())
        .setNews2(News2.newBuilder().setTotal(s.total()).setEscalation(Escalation.valueOf(s.escalation().name()))
            .setSpo2Scale(r.spo2Scale()).setRecordedAt(ProtoDates.timestamp(r.takenAt())))
        .setParts(News2Parts.newBuilder().setRespiration(s.respiration()).setSpo2(s.spo2())
            .setAirOrOxygen(s.airOrOxygen()).setSystolic(s.systolic()).setPulse(s.pulse())
            .setConsciousness(s.consciousness()).setTemperature(s.temperature()))
        .build();
  }
}
