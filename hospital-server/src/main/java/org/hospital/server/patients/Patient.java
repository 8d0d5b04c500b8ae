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
@Table(name = "patient")
public class Patient {

  @Id
  @SequenceGenerator(name = "patient_id", sequenceName = "patient_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patient_id")
  private long id;

  @Column(name = "mrn", nullable = false, updatable = false)
  private String mrn;

  @Column(name = "family_name") private String familyName;
  @Column(name = "given_names") private String givenNames;
  @Column(name = "family_key") private String familyKey;
  @Column(name = "given_key") private String givenKey;
  @Column(name = "family_sound") private String familySound;
  @Column(name = "given_sound") private String givenSound;
  @Column(name = "birth_date") private LocalDate birthDate;
  @Column(name = "sex") private String sex;
  @Column(name = "phone") private String phone;
  @Column(name = "phone_key") private String phoneKey;
  @Column(name = "national_id") private String nationalId;
  @Column(name = "email") private String email;
  @Column(name = "address_line1") private String addressLine1;
  @Column(name = "address_line2") private String addressLine2;
  @Column(name = "city") private String city;
  @Column(name = "region") private String region;
  @Column(name = "postal_code") private String postalCode;
  @Column(name = "country") private String country;
  @Column(name = "request_id", updatable = false) private String requestId;

  @Version
  @Column(name = "version")
  private long version;

  // OffsetDateTime at UTC: EclipseLink converts it reliably on both databases, Instant it does not.
  @Column(name = "created_at", updatable = false) private OffsetDateTime createdAt;
  @Column(name = "created_by", updatable = false) private String createdBy;
  @Column(name = "updated_at") private OffsetDateTime updatedAt;
  @Column(name = "updated_by") private String updatedBy;

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
