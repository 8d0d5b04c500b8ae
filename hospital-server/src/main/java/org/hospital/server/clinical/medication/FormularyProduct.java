package org.hospital.server.clinical.medication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hospital.server.persistence.DbTime;

/** A product of the formulary. Never edited once added: prescriptions name it. */
@Entity
@Table(name = "formulary_product")
public class FormularyProduct {

  @Id
  @SequenceGenerator(name = "formulary_product", sequenceName = "formulary_product_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "formulary_product")
  private long id;

  @Column(name = "code", nullable = false, updatable = false) private String code;
  @Column(name = "rxnorm", updatable = false) private String rxnorm;
  @Column(name = "name", nullable = false, updatable = false) private String name;
  @Column(name = "ingredients", nullable = false, updatable = false) private String ingredients;
  @Column(name = "strength", updatable = false) private String strength;
  @Column(name = "form", updatable = false) private String form;
  @Column(name = "route", updatable = false) private String route;
  @Column(name = "barcode", updatable = false) private String barcode;
  @Column(name = "dose_unit", updatable = false) private String doseUnit;
  @Column(name = "dose_min", updatable = false) private BigDecimal doseMin;
  @Column(name = "dose_max", updatable = false) private BigDecimal doseMax;
  @Column(name = "dose_max_daily", updatable = false) private BigDecimal doseMaxDaily;
  @Column(name = "added_by", nullable = false, updatable = false) private String addedBy;
  @Column(name = "added_at", nullable = false, updatable = false) private OffsetDateTime addedAt;

  protected FormularyProduct() {}

  /** What a product is made of; the dose fields are all null or a range with its unit. */
  public record Details(String code, String rxnorm, String name, List<String> ingredients, String strength,
      String form, String route, String barcode, String doseUnit, BigDecimal doseMin, BigDecimal doseMax,
      BigDecimal doseMaxDaily) {}

  static FormularyProduct of(Details d, String by, Instant at) {
    FormularyProduct p = new FormularyProduct();
    p.code = d.code();
    p.rxnorm = d.rxnorm();
    p.name = d.name();
    p.ingredients = String.join(";", d.ingredients());
    p.strength = d.strength();
    p.form = d.form();
    p.route = d.route();
    p.barcode = d.barcode();
    p.doseUnit = d.doseUnit();
    p.doseMin = d.doseMin();
    p.doseMax = d.doseMax();
    p.doseMaxDaily = d.doseMaxDaily();
    p.addedBy = by;
    p.addedAt = DbTime.toDb(at);
    return p;
  }

  public long id() { return id; }
  public String code() { return code; }
  public String rxnorm() { return rxnorm; }
  public String name() { return name; }
  public List<String> ingredients() { return List.of(ingredients.split(";")); }
  public String strength() { return strength; }
  public String form() { return form; }
  public String route() { return route; }
  public String barcode() { return barcode; }
  public String doseUnit() { return doseUnit; }
  public BigDecimal doseMin() { return doseMin; }
  public BigDecimal doseMax() { return doseMax; }
  public BigDecimal doseMaxDaily() { return doseMaxDaily; }
}
