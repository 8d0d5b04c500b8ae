package org.hospital.server.patients;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.errors.TextRules;
import org.hospital.server.errors.Violations;

/**
 * Turns demographics from the wire into a {@link PatientDraft}, or fails with every field violation at once.
 * Field paths are those of the request ({@code demographics.birth_date}), so the client can mark the field.
 */
final class PatientRequestValidator {

  static final int NAME_MAX = 100;
  static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.\\-]*");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./\\-]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern NATIONAL_ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} /\\-]*");

  private final Clock clock;

  PatientRequestValidator(Clock clock) {
    this.clock = clock;
  }

  PatientDraft validate(PatientDemographics d, String prefix) {
    Violations v = new Violations();
    String family = name(v, prefix + "family_name", d.getFamilyName());
    String given = name(v, prefix + "given_names", d.getGivenNames());
    LocalDate birth = birthDate(v, prefix + "birth_date", d.hasBirthDate() ? d.getBirthDate() : null);
    Sex sex = sex(v, prefix + "sex", d.getSexValue());
    Optional<String> phone = TextRules.optional(v, prefix + "phone", d.getPhone(), 30);
    phone.ifPresent(p -> {
      int digits = p.replaceAll("\\D", "").length();
      if (!PHONE.matcher(p).matches() || digits < 5 || digits > 15) {
        v.add(prefix + "phone", FieldViolationCode.INVALID_FORMAT);
      }
    });
    Optional<String> nationalId = TextRules.optional(v, prefix + "national_id", d.getNationalId(), 40);
    nationalId.ifPresent(n -> formatCheck(v, prefix + "national_id", NATIONAL_ID, n));
    Optional<String> email = TextRules.optional(v, prefix + "email", d.getEmail(), 120);
    email.ifPresent(e -> formatCheck(v, prefix + "email", EMAIL, e));
    String a = prefix + "address.";
    var address = new PatientDraft.Address(
        TextRules.optional(v, a + "line1", d.getAddress().getLine1(), 200),
        TextRules.optional(v, a + "line2", d.getAddress().getLine2(), 200),
        TextRules.optional(v, a + "city", d.getAddress().getCity(), 100),
        TextRules.optional(v, a + "region", d.getAddress().getRegion(), 100),
        TextRules.optional(v, a + "postal_code", d.getAddress().getPostalCode(), 20),
        TextRules.optional(v, a + "country", d.getAddress().getCountry(), 2).map(String::toUpperCase));
    address.country().ifPresent(c -> formatCheck(v, a + "country", COUNTRY, c));
    v.throwIfAny();
    return new PatientDraft(family, given, birth, sex, phone, nationalId.map(String::toUpperCase), email, address);
  }

  private static String name(Violations v, String field, String raw) {
    String s = TextRules.required(v, field, raw, NAME_MAX).replaceAll("\\s+", " ");
    if (!s.isEmpty() && !NAME.matcher(s).matches()) {
      v.add(field, FieldViolationCode.INVALID_CHARACTERS);
    }
    return s;
  }

  private static void formatCheck(Violations v, String field, Pattern p, String value) {
    if (!p.matcher(value).matches()) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
    }
  }

  private LocalDate birthDate(Violations v, String field, Date date) {
    LocalDate d = ProtoDates.required(v, field, date);
    if (d == null) {
      return null;
    }
    if (d.isAfter(LocalDate.now(clock))) {
      v.add(field, FieldViolationCode.IN_FUTURE);
    } else if (d.isBefore(EARLIEST_BIRTH)) {
      v.add(field, FieldViolationCode.TOO_OLD);
    }
    return d;
  }

  private static Sex sex(Violations v, String field, int wireValue) {
    Sex sex = PatientMapper.sex(wireValue);
    if (sex == null) {
      v.add(field, wireValue == 0 ? FieldViolationCode.REQUIRED : FieldViolationCode.UNKNOWN_VALUE);
    }
    return sex;
  }
}
