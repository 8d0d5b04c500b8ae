package org.hospital.client.reports;

import java.nio.file.Path;
import java.io.IOException;
import java.time.LocalDate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.reports.v1.PdfDocument;

/** Prints a clinician's day list: asks the server for the PDF, saves it, opens it, says where it is. */
public final class DayListPrintViewModel {

  private final I18n i18n;
  private final ErrorMessages errors;
  private final ActionStatus status;
  private final ReportGateway gateway;
  private final Printouts printouts;

  public DayListPrintViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks, ReportGateway gateway,
      Printouts printouts) {
    this.i18n = i18n;
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
    this.gateway = gateway;
    this.printouts = printouts;
  }

  /** Asked to print with no clinician chosen: says how to choose one. */
  public void nothingChosen() {
    status.refuse(i18n.get("print.chooseClinician"));
  }

  /** Prints {@code clinicianName}'s list for {@code day}: fetched and saved off the FX thread, then opened. */
  public void print(long clinicianId, String clinicianName, LocalDate day) {
    status.run(() -> {
      PdfDocument pdf = gateway.printDayList(clinicianId, day);
      return printouts.save(pdf.getFileName(), pdf.getContent().toByteArray());
    }, (Path file) -> {
      printouts.open(file);
      return i18n.format("print.saved", clinicianName, file.toString());
    }, failure -> failure instanceof IOException
        ? i18n.format("print.cannotSave", failure.getMessage()) : errors.describe(failure));
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }

  public StringProperty noticeProperty() {
    return status.noticeProperty();
  }

  public StringProperty errorProperty() {
    return status.errorProperty();
  }
}
