package org.hospital.server.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hospital.server.billing.PriceList;
import org.hospital.server.billing.PriceRow;
import org.hospital.server.billing.PriceRow.Category;
import org.hospital.server.persistence.Database;

/**
 * The demo hospital's price list: a consultation per visit type and a few procedures, in the configured
 * currency. Medical care is tax-exempt here; the certificate and the cosmetic procedure carry 21 %.
 */
public final class DemoPrices {

  static final LocalDate FROM = LocalDate.of(2020, 1, 1);

  private DemoPrices() {}

  public static void seedIfEmpty(Database db, Clock clock) {
    PriceList.seedIfEmpty(db, prices(), clock);
  }

  static List<PriceRow> prices() {
    return List.of(
        price("CONS-NEW", "Consultation, new patient", Category.CONSULTATION, "95.00", "0"),
        price("CONS-FOLLOW", "Consultation, follow-up", Category.CONSULTATION, "55.00", "0"),
        price("CONS-GEN", "Consultation", Category.CONSULTATION, "70.00", "0"),
        price("CONS-PROC", "Procedure visit", Category.CONSULTATION, "120.00", "0"),
        price("CONS-URG", "Urgent consultation", Category.CONSULTATION, "140.00", "0"),
        price("PROC-ECG", "Electrocardiogram, 12 leads", Category.PROCEDURE, "48.50", "0"),
        price("PROC-SUTURE", "Wound suture (up to 5 cm)", Category.PROCEDURE, "85.00", "0"),
        price("PROC-INJ", "Intramuscular injection", Category.PROCEDURE, "12.00", "0"),
        price("PROC-DRESS", "Wound dressing and débridement", Category.PROCEDURE, "32.40", "0"),
        price("CERT-MED", "Medical certificate", Category.PROCEDURE, "25.00", "21"),
        price("PROC-COSM", "Cosmetic mole removal", Category.PROCEDURE, "180.00", "21"));
  }

  private static PriceRow price(String code, String description, Category category, String price, String tax) {
    return new PriceRow(code, description, category, new BigDecimal(price).setScale(2),
        new BigDecimal(tax).setScale(2), FROM, null);
  }
}
