package org.hospital.server.clinical.chart;

import io.grpc.BindableService;
import java.time.Clock;
import java.time.ZoneId;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.clinical.reference.DiagnosisCodeSearch;
import org.hospital.server.clinical.reference.DrugSubstanceList;
import org.hospital.server.clinical.reference.Icd10cmCodes;
import org.hospital.server.persistence.Database;

/** The chart feature wired together; the composition root gives it the reference data it checks against. */
public final class ChartModule {

  private final ChartGrpcService grpc;

  public ChartModule(Database db, AuditTrail audit, Icd10cmCodes codes, DrugSubstanceList substances,
      ZoneId zone, Clock clock) {
    EncounterService encounters = new EncounterService(db, audit, clock);
    this.grpc = new ChartGrpcService(new ChartSummaryService(db, audit, encounters), encounters,
        new NoteService(db, audit, clock), new ProblemService(db, audit, clock), new AllergyService(db, audit, clock),
        new ChartRequests(codes, substances, clock, zone), new DiagnosisCodeSearch(codes), clock, zone);
  }

  public BindableService grpcService() {
    return grpc;
  }
}
