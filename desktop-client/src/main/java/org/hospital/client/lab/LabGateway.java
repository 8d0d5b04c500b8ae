package org.hospital.client.lab;

import java.util.List;
import org.hospital.proto.lab.v1.CatalogueTest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.ResultEntry;
import org.hospital.proto.lab.v1.SpecimenType;
import org.hospital.proto.reports.v1.PdfDocument;

/** What the lab screens ask of the server; blocking, called off the FX thread. */
public interface LabGateway {

  List<CatalogueTest> catalogue();

  LabOrder place(String key, long encounterId, List<String> testCodes, LabPriority priority, String question,
      SpecimenType specimen);

  LabOrder collect(LabOrder order);

  /** Cancels an order without results, with the reason the chart keeps. */
  LabOrder cancel(LabOrder order, String reason);

  LabOrder receive(LabOrder order);

  /** The order a label's accession number names (what a scanner types). */
  LabOrder byAccession(String accession);

  LabOrder order(long orderId);

  List<LabOrder> worklist();

  List<LabOrder> ofPatient(long patientId);

  LabOrder record(LabOrder order, List<ResultEntry> entries, boolean isFinal);

  LabOrder correct(LabOrder order, ResultEntry entry, String reason);

  PdfDocument label(long orderId);
}
