package org.hospital.client.patients.form;

import javafx.scene.control.TextField;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.FieldBox;

/** Postal address: two street lines side by side, then postal code, city, region and country. */
final class AddressSection extends FormSection {

  AddressSection(PatientFields fields, I18n i18n) {
    super(i18n.get("patients.form.address"), 4);
    place(new FieldBox(i18n.get("patients.field.line1"), FormControls.text("line1", fields.line1()),
        fields.line1().errorProperty()), 0, 0, 2);
    place(new FieldBox(i18n.get("patients.field.line2"), FormControls.text("line2", fields.line2()),
        fields.line2().errorProperty()), 2, 0, 2);
    place(new FieldBox(i18n.get("patients.field.postalCode"), FormControls.text("postalCode", fields.postalCode()),
        fields.postalCode().errorProperty()), 0, 1, 1);
    place(new FieldBox(i18n.get("patients.field.city"), FormControls.text("city", fields.city()),
        fields.city().errorProperty()), 1, 1, 1);
    place(new FieldBox(i18n.get("patients.field.region"), FormControls.text("region", fields.region()),
        fields.region().errorProperty()), 2, 1, 1);
    TextField country = FormControls.text("country", fields.country());
    country.setPromptText(i18n.get("patients.field.countryPrompt"));
    place(new FieldBox(i18n.get("patients.field.country"), country, fields.country().errorProperty()), 3, 1, 1);
  }
}
