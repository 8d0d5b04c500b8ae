package org.hospital.client.patients.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hospital.client.errors.FieldProblem;
import org.hospital.proto.common.v1.FieldViolationCode;

/**
 * Checks the form before it is sent, for comfort only: the server checks again and its answer is shown the
 * same way. Limits mirror the server's.
 */
final class PatientFormValidator {

  static final int NAME_MAX = 100;
  static final int PHONE_MAX = 30;
  static final int NATIONAL_ID_MAX = 40;
  static final int EMAIL_MAX = 120;
  static final int ADDRESS_LINE_MAX = 200;
  static final int CITY_MAX = 100;
  static final int REGION_MAX = 100;
  static final int POSTAL_CODE_MAX = 20;
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final Supplier<LocalDate> today;

  PatientFormValidator(Supplier<LocalDate> today) {
    this.today = today;
  }

  List<FieldProblem> validate(PatientFields f) {
    List<FieldProblem> problems = new ArrayList<>();
    required(f.familyName, NAME_MAX, problems);
    required(f.givenNames, NAME_MAX, problems);
    if (f.birthDateUnreadable.get()) {
      problems.add(new FieldProblem(f.birthDate.path(), FieldViolationCode.INVALID_DATE));
    } else if (f.birthDate.get() == null) {
      problems.add(new FieldProblem(f.birthDate.path(), FieldViolationCode.REQUIRED));
    } else if (f.birthDate.get().isAfter(today.get())) {
      problems.add(new FieldProblem(f.birthDate.path(), FieldViolationCode.IN_FUTURE));
    }
    if (f.sex.get() == null) {
      problems.add(new FieldProblem(f.sex.path(), FieldViolationCode.REQUIRED));
    }
    optional(f.phone, PHONE_MAX, problems);
    optional(f.nationalId, NATIONAL_ID_MAX, problems);
    if (optional(f.email, EMAIL_MAX, problems) && !EMAIL.matcher(text(f.email)).matches()) {
      problems.add(new FieldProblem(f.email.path(), FieldViolationCode.INVALID_FORMAT));
    }
    optional(f.line1, ADDRESS_LINE_MAX, problems);
    optional(f.line2, ADDRESS_LINE_MAX, problems);
    optional(f.city, CITY_MAX, problems);
    optional(f.region, REGION_MAX, problems);
    optional(f.postalCode, POSTAL_CODE_MAX, problems);
    if (!text(f.country).isEmpty() && !COUNTRY.matcher(text(f.country)).matches()) {
      problems.add(new FieldProblem(f.country.path(), FieldViolationCode.INVALID_FORMAT));
    }
    return problems;
  }

  private static void required(FieldModel<String> field, int max, List<FieldProblem> problems) {
    if (text(field).isEmpty()) {
      problems.add(new FieldProblem(field.path(), FieldViolationCode.REQUIRED));
    } else {
      optional(field, max, problems);
    }
  }

  /** @return true when the field has a value of acceptable length */
  private static boolean optional(FieldModel<String> field, int max, List<FieldProblem> problems) {
    String value = text(field);
    if (value.length() > max) {
      problems.add(new FieldProblem(field.path(), FieldViolationCode.TOO_LONG, max));
      return false;
    }
    return !value.isEmpty();
  }

  private static String text(FieldModel<String> field) {
    return field.get() == null ? "" : field.get().strip();
  }
}
