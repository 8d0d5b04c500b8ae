package org.hospital.server.patients;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.errors.TextRules;
import org.hospital.server.errors.Violations;

/**
 * Reads what a receptionist types into one search box: an MRN, a name, a birth date, a phone number, in any
 * order. Day/month order is only accepted where it is unambiguous (ISO 1980-03-02, or 02.03.1980).
 */
final class SearchQueryParser {

  static final int QUERY_MAX = 200;
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
  private static final Pattern SLASH_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{2,4}");
  private static final Pattern NUMBERISH = Pattern.compile("[+0-9()\\-./]+");

  private SearchQueryParser() {}

  static SearchCriteria parse(SearchPatientsRequest request) {
    Violations v = new Violations();
    String query = TextRules.optional(v, "query", request.getQuery(), QUERY_MAX).orElse("");
    Optional<LocalDate> birthDate = Optional.empty();
    if (request.hasBirthDate()) {
      birthDate = Optional.ofNullable(ProtoDates.required(v, "birth_date", request.getBirthDate()));
    }
    String phone = TextRules.optional(v, "phone", request.getPhone(), 30).map(NameKeys::phoneKey).orElse("");
    if (!request.getPhone().isBlank() && phone.length() < 5 && !v.has("phone")) {
      v.add("phone", FieldViolationCode.INVALID_FORMAT);
    }
    v.throwIfAny();

    boolean familyFirst = query.contains(",");
    List<String> names = new ArrayList<>();
    StringBuilder digits = new StringBuilder();
    Optional<String> mrn = Optional.empty();
    for (String token : query.split("[\\s,]+")) {
      if (token.isEmpty()) {
        continue;
      }
      Optional<LocalDate> date = date(v, token);
      if (date.isPresent()) {
        birthDate = date;
      } else if (SLASH_DATE.matcher(token).matches()) {
        v.add("query", FieldViolationCode.INVALID_FORMAT);
      } else if (NUMBERISH.matcher(token).matches() && token.chars().anyMatch(Character::isDigit)) {
        digits.append(token.replaceAll("\\D", ""));
      } else {
        String key = NameKeys.fold(token);
        if (!key.isEmpty()) {
          names.add(key);
        }
      }
    }
    v.throwIfAny();
    String number = digits.toString();
    if (!number.isEmpty() && Mrn.isValid(number) && number.length() == 8 && names.isEmpty()) {
      mrn = Optional.of(number);
    } else if (!number.isEmpty()) {
      if (number.length() < 5) {
        v.add("query", FieldViolationCode.TOO_SHORT);
      }
      phone = phone.isEmpty() ? NameKeys.phoneKey(number) : phone;
    }
    if (names.size() == 1 && names.get(0).length() < 2 && mrn.isEmpty()) {
      v.add("query", FieldViolationCode.TOO_SHORT);
    }
    if (names.isEmpty() && mrn.isEmpty() && birthDate.isEmpty() && phone.isEmpty() && v.isEmpty()) {
      v.add("query", FieldViolationCode.REQUIRED);
    }
    v.throwIfAny();
    return new SearchCriteria(mrn, List.copyOf(names), familyFirst, birthDate,
        phone.isEmpty() ? Optional.empty() : Optional.of(phone));
  }

  private static Optional<LocalDate> date(Violations v, String token) {
    Matcher iso = ISO_DATE.matcher(token);
    Matcher dotted = DOTTED_DATE.matcher(token);
    try {
      if (iso.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3))));
      }
      if (dotted.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(dotted.group(3)), Integer.parseInt(dotted.group(2)),
            Integer.parseInt(dotted.group(1))));
      }
    } catch (DateTimeException e) {
      v.add("query", FieldViolationCode.INVALID_DATE);
    }
    return Optional.empty();
  }
}
