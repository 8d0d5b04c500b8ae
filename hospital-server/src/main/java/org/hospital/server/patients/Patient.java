package org.hospital.server.patients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hospital.server.persistence.DbTime;

/** A registered patient. Demographics change only through {@link #apply}, which keeps the search keys in step. */
@Entity
@Table(name = PatientColumns.TABLE)
public class Patient {

  @Id
  @SequenceGenerator(name = "patient_id", sequenceName = "patient_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patient_id")
  private long id;

  @Column(name = PatientColumns.MRN, nullable = false, updatable = false)
  private String mrn;

  @Column(name = PatientColumns.FAMILY_NAME) private String familyName;
  @Column(name = PatientColumns.GIVEN_NAMES) private String givenNames;
  @Column(name = PatientColumns.FAMILY_KEY) private String familyKey;
  @Column(name = PatientColumns.GIVEN_KEY) private String givenKey;
  @Column(name = PatientColumns.FAMILY_SOUND) private String familySound;
  @Column(name = PatientColumns.GIVEN_SOUND) private String givenSound;
  @Column(name = PatientColumns.BIRTH_DATE) private LocalDate birthDate;
  @Column(name = PatientColumns.SEX) private String sex;
  @Column(name = PatientColumns.PHONE) private String phone;
  @Column(name = PatientColumns.PHONE_KEY) private String phoneKey;
  @Column(name = PatientColumns.NATIONAL_ID) private String nationalId;
  @Column(name = PatientColumns.EMAIL) private String email;
  @Column(name = PatientColumns.ADDRESS_LINE1) private String addressLine1;
  @Column(name = PatientColumns.ADDRESS_LINE2) private String addressLine2;
  @Column(name = PatientColumns.CITY) private String city;
  @Column(name = PatientColumns.REGION) private String region;
  @Column(name = PatientColumns.POSTAL_CODE) private String postalCode;
  @Column(name = PatientColumns.COUNTRY) private String country;
  @Column(name = PatientColumns.REQUEST_ID, updatable = false) private String requestId;

  @Version
  @Column(name = PatientColumns.VERSION)
  private long version;

  // OffsetDateTime at UTC: EclipseLink converts it reliably on both databases, Instant it does not.
  @Column(name = PatientColumns.CREATED_AT, updatable = false) private OffsetDateTime createdAt;
  @Column(name = PatientColumns.CREATED_BY, updatable = false) private String createdBy;
  @Column(name = PatientColumns.UPDATED_AT) private OffsetDateTime updatedAt;
  @Column(name = PatientColumns.UPDATED_BY) private String updatedBy;

  protected Patient() {}

  public static Patient register(String mrn, PatientDraft draft, String requestId, String by, Instant at) {
    Patient p = new Patient();
    p.mrn = mrn;
    p.requestId = requestId;
    p.createdAt = DbTime.toDb(at);
    p.createdBy = by;
    p.apply(draft, by, at);
    return p;
  }

  void apply(PatientDraft d, String by, Instant at) {
    familyName = d.familyName();
    givenNames = d.givenNames();
    familyKey = NameKeys.fold(familyName);
    givenKey = NameKeys.fold(givenNames);
    familySound = NameKeys.sound(familyKey);
    givenSound = NameKeys.sound(NameKeys.firstToken(givenNames));
    birthDate = d.birthDate();
    sex = d.sex().name();
    phone = d.phone().orElse(null);
    phoneKey = d.phone().map(NameKeys::phoneKey).orElse(null);
    nationalId = d.nationalId().orElse(null);
    email = d.email().orElse(null);
    addressLine1 = d.address().line1().orElse(null);
    addressLine2 = d.address().line2().orElse(null);
    city = d.address().city().orElse(null);
    region = d.address().region().orElse(null);
    postalCode = d.address().postalCode().orElse(null);
    country = d.address().country().orElse(null);
    updatedAt = DbTime.toDb(at);
    updatedBy = by;
  }

  public long id() { return id; }
  public String mrn() { return mrn; }
  public String familyName() { return familyName; }
  public String givenNames() { return givenNames; }
  public String familyKey() { return familyKey; }
  public String givenKey() { return givenKey; }
  public LocalDate birthDate() { return birthDate; }
  public Sex sex() { return Sex.valueOf(sex); }
  public String phone() { return phone; }
  public String nationalId() { return nationalId; }
  public String email() { return email; }
  public String addressLine1() { return addressLine1; }
  public String addressLine2() { return addressLine2; }
  public String city() { return city; }
  public String region() { return region; }
  public String postalCode() { return postalCode; }
  public String country() { return country; }
  public long version() { return version; }
  String familySound() { return familySound; }
  String givenSound() { return givenSound; }
  String phoneKey() { return phoneKey; }
  String requestId() { return requestId; }
  String createdBy() { return createdBy; }
  public Instant createdAt() { return createdAt.toInstant(); }
  public Instant updatedAt() { return updatedAt.toInstant(); }
  public String updatedBy() { return updatedBy; }
}
