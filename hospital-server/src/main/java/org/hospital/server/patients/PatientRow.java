package org.hospital.server.patients;

import java.time.LocalDate;

/** The columns a search result shows, read straight from the table without building entities. */
record PatientRow(long id, String mrn, String familyName, String givenNames, LocalDate birthDate, Sex sex,
    String phone, String city, String familyKey, String givenKey, String familySound, String givenSound) {

  /** The columns {@link #read} reads, in its order. */
  static final String COLUMNS = String.join(", ", PatientColumns.ID, PatientColumns.MRN, PatientColumns.FAMILY_NAME,
      PatientColumns.GIVEN_NAMES, PatientColumns.BIRTH_DATE, PatientColumns.SEX, PatientColumns.PHONE,
      PatientColumns.CITY, PatientColumns.FAMILY_KEY, PatientColumns.GIVEN_KEY, PatientColumns.FAMILY_SOUND,
      PatientColumns.GIVEN_SOUND);

  static PatientRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new PatientRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, LocalDate.class), Sex.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
  }
}
