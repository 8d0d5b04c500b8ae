package org.hospital.client.patients.form;

import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.FieldBox;

/** How to reach the patient, and their national identifier. */
final class ContactSection extends FormSection {

  ContactSection(PatientFields fields, I18n i18n) {
    super(i18n.get("patients.form.contact"), 3);
    place(new FieldBox(i18n.get("patients.field.phone"), FormControls.text("phone", fields.phone()),
        fields.phone().errorProperty()), 0, 0, 1);
    place(new FieldBox(i18n.get("patients.field.email"), FormControls.text("email", fields.email()),
        fields.email().errorProperty()), 1, 0, 1);
    place(new FieldBox(i18n.get("patients.field.nationalId"), FormControls.text("nationalId", fields.nationalId()),
        fields.nationalId().errorProperty()), 2, 0, 1);
  }
}
