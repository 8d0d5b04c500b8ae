package org.hospital.client.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the client ships bundles for. */
public enum Language {
  ENGLISH("en", "English"),
  SPANISH("es", "Español");

  private final String code;
  private final String nativeName;

  Language(String code, String nativeName) {
    this.code = code;
    this.nativeName = nativeName;
  }

  public String code() {
    return code;
  }

  /** Shown in its own language, so a user can find it whatever the current language is. */
  public String nativeName() {
    return nativeName;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  public static Optional<Language> fromCode(String code) {
    for (Language language : values()) {
      if (language.code.equalsIgnoreCase(code)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
