package org.hospital.client.reports;

import java.time.LocalDate;
import org.hospital.proto.reports.v1.PdfDocument;

/** The server's printed forms. Blocking: call through the TaskRunner, never on the FX thread. */
public interface ReportGateway {

  PdfDocument printDayList(long clinicianId, LocalDate day);
}
