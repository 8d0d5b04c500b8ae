package org.hospital.client.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.reports.v1.PdfDocument;

/** Prints a clinician's day list: asks the server for the PDF, saves it, opens it, says where it is. */
public final class DayListPrintViewModel {

  private final I18n i18n;
  private final ErrorMessages errors;
  private final TaskRunner tasks;
  private final ReportGateway gateway;
  private final Printouts printouts;
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty notice = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");

  public DayListPrintViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks, ReportGateway gateway,
      Printouts printouts) {
    this.i18n = i18n;
    this.errors = errors;
    this.tasks = tasks;
    this.gateway = gateway;
    this.printouts = printouts;
  }

  /** Asked to print with no clinician chosen: says how to choose one. */
  public void nothingChosen() {
    notice.set("");
    error.set(i18n.get("print.chooseClinician"));
  }

  /** Prints {@code clinicianName}'s list for {@code day}: fetched and saved off the FX thread, then opened. */
  public void print(long clinicianId, String clinicianName, LocalDate day) {
    notice.set("");
    error.set("");
    busy.set(true);
    tasks.run(() -> {
      PdfDocument pdf = gateway.printDayList(clinicianId, day);
      return printouts.save(pdf.getFileName(), pdf.getContent().toByteArray());
    }, (Path file) -> {
      busy.set(false);
      printouts.open(file);
      notice.set(i18n.format("print.saved", clinicianName, file.toString()));
    }, failure -> {
      busy.set(false);
      error.set(failure instanceof java.io.IOException
          ? i18n.format("print.cannotSave", failure.getMessage()) : errors.describe(failure));
    });
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty noticeProperty() {
    return notice;
  }

  public StringProperty errorProperty() {
    return error;
  }
}
