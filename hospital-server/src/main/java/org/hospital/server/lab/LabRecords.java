package org.hospital.server.lab;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.server.clinical.chart.ChartRecords;
import org.hospital.server.errors.DomainException;
import org.hospital.server.patients.Patient;

/** Loading orders for a change (locked and version-checked) and putting their views together. */
final class LabRecords {

  private LabRecords() {}

  /** The order, locked; NOT_FOUND when there is none, ABORTED STALE_VERSION when the caller saw another version. */
  static LabOrder current(EntityManager em, long orderId, long expectedVersion) {
    LabOrder o = ChartRecords.lock(em, LabOrder.class, orderId);
    if (o.version() != expectedVersion) {
      throw DomainException.stale(o.updatedBy(), o.updatedAt(), o.version());
    }
    return o;
  }

  static List<LabResult> results(EntityManager em, long orderId) {
    return em.createQuery("SELECT r FROM LabResult r WHERE r.orderId = :o ORDER BY r.id", LabResult.class)
        .setParameter("o", orderId).getResultList();
  }

  static LabOrderView view(EntityManager em, LabOrder o) {
    List<LabResult> results = results(em, o.id());
    Map<Long, List<LabResultRevision>> revisions = new HashMap<>();
    if (!results.isEmpty()) {
      for (LabResultRevision r : em.createQuery("SELECT v FROM LabResultRevision v WHERE v.resultId IN :ids"
          + " ORDER BY v.id", LabResultRevision.class).setParameter("ids", results.stream().map(LabResult::id)
          .toList()).getResultList()) {
        revisions.computeIfAbsent(r.resultId(), k -> new ArrayList<>()).add(r);
      }
    }
    return new LabOrderView(o, em.find(Patient.class, o.patientId()), results, revisions);
  }
}
