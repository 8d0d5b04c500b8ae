package org.hospital.client.patients;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.Address;
import org.hospital.proto.patients.v1.Sex;

/** How patient data reads on screen, the same in every table, form and dialog. */
public final class PatientText {

  private final I18n i18n;
  private final DateTimeFormatter dateFormat;

  public PatientText(I18n i18n) {
    this.i18n = i18n;
    this.dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
  }

  /** "FAMILY, Given" as hospitals file names. */
  public String name(String familyName, String givenNames) {
    if (givenNames.isBlank()) {
      return familyName;
    }
    return familyName + ", " + givenNames;
  }

  public String date(Date date) {
    return toLocalDate(date).map(dateFormat::format).orElse("");
  }

  public String sex(Sex sex) {
    if (sex == Sex.UNRECOGNIZED) {
      return "";
    }
    return i18n.dynamic("sex.", sex.name());
  }

  public String matchReasons(java.util.List<String> reasons) {
    return reasons.stream()
        .map(reason -> i18n.hasDynamic("match.", reason) ? i18n.dynamic("match.", reason) : reason)
        .collect(Collectors.joining(", "));
  }

  public String address(Address address) {
    String cityLine = Stream.of(address.getPostalCode(), address.getCity())
        .filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
    return Stream.of(address.getLine1(), address.getLine2(), cityLine, address.getRegion(), address.getCountry())
        .filter(s -> !s.isBlank()).collect(Collectors.joining("\n"));
  }

  public static Optional<LocalDate> toLocalDate(Date date) {
    if (date == null || (date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(date.getYear(), date.getMonth(), date.getDay()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  public static Date toProto(LocalDate date) {
    if (date == null) {
      return Date.getDefaultInstance();
    }
    return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth())
        .build();
  }
}
