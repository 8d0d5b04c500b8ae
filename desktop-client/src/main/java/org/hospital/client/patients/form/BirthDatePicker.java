package org.hospital.client.patients.form;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * A DatePicker for birth dates that takes typed dates as readily as picked ones: ISO (1980-03-02) and
 * day-first with dots (02.03.1980), the same forms the patient search accepts. The typed text is checked as
 * it is typed, without reformatting under the caret; text that is no date is reported to the form, which
 * says so next to the field instead of silently dropping it.
 */
final class BirthDatePicker extends DatePicker {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final List<DateTimeFormatter> ACCEPTED = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("d.M.uuuu"));

  private boolean syncing;

  BirthDatePicker(PatientFields fields) {
    setEditable(true);
    setPromptText("yyyy-mm-dd");
    setShowWeekNumbers(false);
    setConverter(new StringConverter<>() {
      @Override
      public String toString(LocalDate date) {
        return date == null ? "" : SHOWN.format(date);
      }

      @Override
      public LocalDate fromString(String text) {
        return parse(text).orElse(null);
      }
    });
    FieldModel<LocalDate> model = fields.birthDate();
    setValue(model.get());
    getEditor().textProperty().addListener((obs, old, typed) -> {
      if (syncing) {
        return;
      }
      Optional<LocalDate> parsed = parse(typed);
      fields.birthDateUnreadableProperty().set(!typed.isBlank() && parsed.isEmpty());
      syncing = true;
      model.set(parsed.orElse(null));
      syncing = false;
    });
    valueProperty().addListener((obs, old, picked) -> {
      if (!syncing) {
        syncing = true;
        model.set(picked);
        fields.birthDateUnreadableProperty().set(false);
        syncing = false;
      }
    });
    model.valueProperty().addListener((obs, old, now) -> {
      if (!syncing) {
        syncing = true;
        setValue(now);
        getEditor().setText(now == null ? "" : SHOWN.format(now));
        syncing = false;
      }
    });
  }

  static Optional<LocalDate> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    for (DateTimeFormatter format : ACCEPTED) {
      try {
        return Optional.of(LocalDate.parse(text.strip(), format));
      } catch (DateTimeParseException e) {
        // try the next accepted form
      }
    }
    return Optional.empty();
  }
}
