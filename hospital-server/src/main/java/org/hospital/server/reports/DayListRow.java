package org.hospital.server.reports;

/**
 * One line of a printed day list, already formatted. A JavaBean rather than a record because JasperReports
 * reads fields through {@code getX()} methods.
 */
public final class DayListRow {

  private final String time;
  private final String patient;
  private final String mrn;
  private final String born;
  private final String visit;
  private final String reason;
  private final String status;

  public DayListRow(String time, String patient, String mrn, String born, String visit, String reason,
      String status) {
    this.time = time;
    this.patient = patient;
    this.mrn = mrn;
    this.born = born;
    this.visit = visit;
    this.reason = reason;
    this.status = status;
  }

  public String getTime() {
    return time;
  }

  public String getPatient() {
    return patient;
  }

  public String getMrn() {
    return mrn;
  }

  public String getBorn() {
    return born;
  }

  public String getVisit() {
    return visit;
  }

  public String getReason() {
    return reason;
  }

  public String getStatus() {
    return status;
  }
}
