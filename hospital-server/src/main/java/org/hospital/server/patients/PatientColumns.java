package org.hospital.server.patients;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hospital.server.persistence.DbTime;

/**
 * The patient table's columns, named once: the entity's mapping ({@link Patient}), the bulk loader's INSERT
 * and the search's row read ({@link PatientRow}) all use these names, so that the table is never written or
 * read through two mappings that could drift apart (docs/decisions/0014-entities-and-plain-sql.md).
 */
final class PatientColumns {

  static final String TABLE = "patient";
  static final String ID = "id";
  static final String MRN = "mrn";
  static final String FAMILY_NAME = "family_name";
  static final String GIVEN_NAMES = "given_names";
  static final String FAMILY_KEY = "family_key";
  static final String GIVEN_KEY = "given_key";
  static final String FAMILY_SOUND = "family_sound";
  static final String GIVEN_SOUND = "given_sound";
  static final String BIRTH_DATE = "birth_date";
  static final String SEX = "sex";
  static final String PHONE = "phone";
  static final String PHONE_KEY = "phone_key";
  static final String NATIONAL_ID = "national_id";
  static final String EMAIL = "email";
  static final String ADDRESS_LINE1 = "address_line1";
  static final String ADDRESS_LINE2 = "address_line2";
  static final String CITY = "city";
  static final String REGION = "region";
  static final String POSTAL_CODE = "postal_code";
  static final String COUNTRY = "country";
  static final String REQUEST_ID = "request_id";
  static final String VERSION = "version";
  static final String CREATED_AT = "created_at";
  static final String CREATED_BY = "created_by";
  static final String UPDATED_AT = "updated_at";
  static final String UPDATED_BY = "updated_by";

  /** A column a plain-SQL insert writes, with the patient's value for it as JDBC takes it. */
  record Written(String name, Function<Patient, Object> value) {}

  /** Every column but the id, as the entity would write a new patient. */
  static final List<Written> WRITTEN = List.of(
      new Written(MRN, Patient::mrn),
      new Written(FAMILY_NAME, Patient::familyName),
      new Written(GIVEN_NAMES, Patient::givenNames),
      new Written(FAMILY_KEY, Patient::familyKey),
      new Written(GIVEN_KEY, Patient::givenKey),
      new Written(FAMILY_SOUND, Patient::familySound),
      new Written(GIVEN_SOUND, Patient::givenSound),
      new Written(BIRTH_DATE, Patient::birthDate),
      new Written(SEX, p -> p.sex().name()),
      new Written(PHONE, Patient::phone),
      new Written(PHONE_KEY, Patient::phoneKey),
      new Written(NATIONAL_ID, Patient::nationalId),
      new Written(EMAIL, Patient::email),
      new Written(ADDRESS_LINE1, Patient::addressLine1),
      new Written(ADDRESS_LINE2, Patient::addressLine2),
      new Written(CITY, Patient::city),
      new Written(REGION, Patient::region),
      new Written(POSTAL_CODE, Patient::postalCode),
      new Written(COUNTRY, Patient::country),
      new Written(REQUEST_ID, Patient::requestId),
      new Written(VERSION, p -> 1L),
      new Written(CREATED_AT, p -> DbTime.toDb(p.createdAt())),
      new Written(CREATED_BY, Patient::createdBy),
      new Written(UPDATED_AT, p -> DbTime.toDb(p.updatedAt())),
      new Written(UPDATED_BY, Patient::updatedBy));

  /** INSERT of a new patient with its id first, then {@link #WRITTEN} in order. */
  static final String INSERT = "INSERT INTO " + TABLE + " (" + ID + ", "
      + WRITTEN.stream().map(Written::name).collect(Collectors.joining(", ")) + ") VALUES (?"
      + ", ?".repeat(WRITTEN.size()) + ")";

  private PatientColumns() {}
}
