package org.hospital.client.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Localized texts of one language. Keys are always string literals at the call site (get, format) or a
 * literal prefix plus a code sent by the server (dynamic), so that a test can prove every key used exists
 * and every key in the bundles is used.
 */
public final class I18n {

  private static final String BUNDLE = "org.hospital.client.i18n.messages";

  private final Language language;
  private final ResourceBundle bundle;

  private I18n(Language language, ResourceBundle bundle) {
    this.language = language;
    this.bundle = bundle;
  }

  public static I18n of(Language language) {
    // NoFallback: a Spanish user must never get the JVM's default locale bundle in between
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new I18n(language, bundle);
  }

  public Language language() {
    return language;
  }

  public Locale locale() {
    return language.locale();
  }

  /** A plain text (no MessageFormat processing, so apostrophes need no escaping). */
  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
  }

  /** A text with {0}-style arguments (MessageFormat: a literal apostrophe is written twice). */
  public String format(String key, Object... arguments) {
    return new MessageFormat(get(key), locale()).format(arguments);
  }

  /** A key built from a literal prefix and a code sent by the server (an enum value's name). */
  public String dynamic(String prefix, String code) {
    return get(prefix + code);
  }

  /** Whether a dynamic key exists, for codes newer than this client. */
  public boolean hasDynamic(String prefix, String code) {
    return bundle.containsKey(prefix + code);
  }
}
