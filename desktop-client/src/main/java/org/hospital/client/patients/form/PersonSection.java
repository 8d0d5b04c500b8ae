package org.hospital.client.patients.form;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.ui.FieldBox;
import org.hospital.proto.patients.v1.Sex;

/** Who the patient is: names, birth date, sex (all required). */
final class PersonSection extends FormSection {

  final TextField familyName;

  PersonSection(PatientFields fields, I18n i18n, PatientText text) {
    super(i18n.get("patients.form.person"), 2);
    familyName = FormControls.text("familyName", fields.familyName());
    place(new FieldBox(i18n.get("patients.field.familyName"), familyName, fields.familyName().errorProperty()),
        0, 0, 1);
    TextField given = FormControls.text("givenNames", fields.givenNames());
    place(new FieldBox(i18n.get("patients.field.givenNames"), given, fields.givenNames().errorProperty()), 1, 0, 1);

    BirthDatePicker birthDate = new BirthDatePicker(fields);
    birthDate.setId("birthDate");
    place(new FieldBox(i18n.get("patients.field.birthDate"), birthDate, fields.birthDate().errorProperty()),
        0, 1, 1);

    ComboBox<Sex> sex = new ComboBox<>();
    sex.setId("sex");
    sex.getItems().setAll(Sex.SEX_FEMALE, Sex.SEX_MALE, Sex.SEX_OTHER, Sex.SEX_UNKNOWN);
    sex.setPromptText(i18n.get("patients.form.choose"));
    sex.setConverter(new StringConverter<>() {
      @Override
      public String toString(Sex value) {
        return value == null ? "" : text.sex(value);
      }

      @Override
      public Sex fromString(String string) {
        return null;
      }
    });
    sex.valueProperty().bindBidirectional(fields.sex().valueProperty());
    place(new FieldBox(i18n.get("patients.field.sex"), sex, fields.sex().errorProperty()), 1, 1, 1);
  }
}
