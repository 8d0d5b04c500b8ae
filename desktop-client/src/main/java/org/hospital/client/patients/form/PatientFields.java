package org.hospital.client.patients.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.hospital.client.patients.PatientText;
import org.hospital.proto.patients.v1.Address;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.Sex;

/** The demographic fields of the registration and edit form, and their conversion to and from the contract. */
public final class PatientFields {

  final FieldModel<String> familyName = text("demographics.family_name");
  final FieldModel<String> givenNames = text("demographics.given_names");
  final FieldModel<LocalDate> birthDate = new FieldModel<>("demographics.birth_date", null);
  /** Set by the view while the date field holds text that is not a date. */
  final BooleanProperty birthDateUnreadable = new SimpleBooleanProperty(false);
  final FieldModel<Sex> sex = new FieldModel<>("demographics.sex", null);
  final FieldModel<String> phone = text("demographics.phone");
  final FieldModel<String> nationalId = text("demographics.national_id");
  final FieldModel<String> email = text("demographics.email");
  final FieldModel<String> line1 = text("demographics.address.line1");
  final FieldModel<String> line2 = text("demographics.address.line2");
  final FieldModel<String> city = text("demographics.address.city");
  final FieldModel<String> region = text("demographics.address.region");
  final FieldModel<String> postalCode = text("demographics.address.postal_code");
  final FieldModel<String> country = text("demographics.address.country");

  private static FieldModel<String> text(String path) {
    return new FieldModel<>(path, "");
  }

  public List<FieldModel<?>> all() {
    return List.of(familyName, givenNames, birthDate, sex, phone, nationalId, email, line1, line2, city, region,
        postalCode, country);
  }

  public Optional<FieldModel<?>> byPath(String path) {
    return all().stream().filter(field -> field.path().equals(path)).findFirst();
  }

  public void clearErrors() {
    all().forEach(field -> field.errorProperty().set(""));
  }

  public PatientDemographics toDemographics() {
    return PatientDemographics.newBuilder()
        .setFamilyName(clean(familyName))
        .setGivenNames(clean(givenNames))
        .setBirthDate(PatientText.toProto(birthDate.get()))
        .setSex(sex.get() == null ? Sex.SEX_UNSPECIFIED : sex.get())
        .setPhone(clean(phone))
        .setNationalId(clean(nationalId))
        .setEmail(clean(email))
        .setAddress(Address.newBuilder()
            .setLine1(clean(line1)).setLine2(clean(line2)).setCity(clean(city)).setRegion(clean(region))
            .setPostalCode(clean(postalCode)).setCountry(clean(country).toUpperCase(java.util.Locale.ROOT)))
        .build();
  }

  public void fill(PatientDemographics d) {
    familyName.set(d.getFamilyName());
    givenNames.set(d.getGivenNames());
    birthDate.set(PatientText.toLocalDate(d.getBirthDate()).orElse(null));
    birthDateUnreadable.set(false);
    sex.set(d.getSex() == Sex.SEX_UNSPECIFIED || d.getSex() == Sex.UNRECOGNIZED ? null : d.getSex());
    phone.set(d.getPhone());
    nationalId.set(d.getNationalId());
    email.set(d.getEmail());
    Address a = d.getAddress();
    line1.set(a.getLine1());
    line2.set(a.getLine2());
    city.set(a.getCity());
    region.set(a.getRegion());
    postalCode.set(a.getPostalCode());
    country.set(a.getCountry());
    clearErrors();
  }

  private static String clean(FieldModel<String> field) {
    return field.get() == null ? "" : field.get().strip();
  }

  // accessors for the view's sections
  public FieldModel<String> familyName() { return familyName; }
  public FieldModel<String> givenNames() { return givenNames; }
  public FieldModel<LocalDate> birthDate() { return birthDate; }
  public BooleanProperty birthDateUnreadableProperty() { return birthDateUnreadable; }
  public FieldModel<Sex> sex() { return sex; }
  public FieldModel<String> phone() { return phone; }
  public FieldModel<String> nationalId() { return nationalId; }
  public FieldModel<String> email() { return email; }
  public FieldModel<String> line1() { return line1; }
  public FieldModel<String> line2() { return line2; }
  public FieldModel<String> city() { return city; }
  public FieldModel<String> region() { return region; }
  public FieldModel<String> postalCode() { return postalCode; }
  public FieldModel<String> country() { return country; }
}
