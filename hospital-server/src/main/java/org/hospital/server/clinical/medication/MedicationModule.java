package org.hospital.server.clinical.medication;

import io.grpc.BindableService;
import java.time.Clock;
import java.time.ZoneId;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.clinical.reference.CrossSensitivities;
import org.hospital.server.clinical.reference.DrugInteractions;
import org.hospital.server.clinical.reference.DrugSubstanceList;
import org.hospital.server.persistence.Database;
import org.hospital.server.reports.PdfReports;

/** The formulary and prescribing wired together; seeds the shipped formulary on start. */
public final class MedicationModule {

  private final MedicationGrpcService grpc;

  public MedicationModule(Database db, AuditTrail audit, DrugSubstanceList substances, PdfReports reports,
      String hospitalName, ZoneId zone, Clock clock) {
    Formulary formulary = new Formulary(db, clock);
    formulary.seed();
    PrescribingChecks checks = new PrescribingChecks(substances, DrugInteractions.shipped(substances),
        CrossSensitivities.shipped(substances));
    PrescriptionCodes codes = new PrescriptionCodes(db.dataSource());
    this.grpc = new MedicationGrpcService(formulary, new PrescribingService(db, audit, formulary, checks, clock, zone),
        new PrescriptionRequests(formulary, substances, clock, zone),
        new PrescriptionPrints(db, new PrescriptionReport(reports), codes, hospitalName, clock, zone), codes, audit);
  }

  public BindableService grpcService() {
    return grpc;
  }
}
