package org.hospital.client.ui;

import org.hospital.client.i18n.Language;

/** The layout check with the workstation in Spanish, whose words run longer than the English ones. */
class EveryScreenLayoutSpanishUiTest extends EveryScreenLayoutUiTest {

  @Override
  protected Language language() {
    return Language.SPANISH;
  }
}
