package org.hospital.server.clinical.medication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A checked order: every field valid, the product known. */
public record PrescriptionOrder(long patientId, Long encounterId, FormularyProduct product,
    Prescription.Setting setting, BigDecimal dose, String doseUnit, String route, Frequency frequency,
    String prnIndication, Integer prnMinIntervalHours, LocalDate start, LocalDate end, BigDecimal quantity,
    String quantityUnit, int refills, String instructions) {

  /** Everything the order asks for, for an idempotency fingerprint (the product by id). */
  public String fingerprint() {
    return String.join("|", Long.toString(patientId), String.valueOf(encounterId), Long.toString(product.id()),
        setting.name(), dose.toPlainString(), doseUnit, route, frequency.name(), String.valueOf(prnIndication),
        String.valueOf(prnMinIntervalHours), start.toString(), String.valueOf(end), String.valueOf(quantity),
        String.valueOf(quantityUnit), Integer.toString(refills), String.valueOf(instructions));
  }

  public String directions() {
    return directions(dose, doseUnit, route, frequency, prnIndication, prnMinIntervalHours, start, end);
  }

  /** "500 mg oral three times a day for 7 days": what is printed and shown. */
  public static String directions(BigDecimal dose, String unit, String route, Frequency frequency,
      String prnIndication, Integer prnMinIntervalHours, LocalDate start, LocalDate end) {
    StringBuilder b = new StringBuilder().append(plain(dose)).append(' ').append(unit).append(' ').append(route)
        .append(' ').append(frequency.words());
    if (frequency == Frequency.PRN) {
      b.append(" for ").append(prnIndication).append(", at least ").append(prnMinIntervalHours)
          .append(" hours apart");
    }
    if (end != null) {
      long days = java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
      b.append(" for ").append(days).append(days == 1 ? " day" : " days").append(" (until ")
          .append(end.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH))).append(')');
    }
    return b.toString();
  }

  /** A decimal as people write it: 2.5, not 2.5000. */
  public static String plain(BigDecimal d) {
    BigDecimal s = d.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }
}
