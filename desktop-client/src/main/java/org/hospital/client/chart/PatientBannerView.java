package org.hospital.client.chart;

import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.clinical.v1.Allergy;
import org.hospital.proto.clinical.v1.AllergySeverity;
import org.hospital.proto.clinical.v1.AllergyState;
import org.hospital.proto.clinical.v1.ChartSummary;
import org.hospital.proto.clinical.v1.PatientBanner;

/**
 * The strip at the top of every chart screen: who the patient is, and their allergies in red (or plainly "no
 * known drug allergies", or in amber "allergies not recorded", which is not the same thing).
 */
final class PatientBannerView extends VBox {

  private final I18n i18n;
  private final Label name = new Label();
  private final Label details = new Label();
  private final Label allergies = new Label();

  PatientBannerView(I18n i18n) {
    this.i18n = i18n;
    setId("patientBanner");
    getStyleClass().add("patient-banner");
    name.setId("bannerName");
    name.getStyleClass().add("banner-name");
    details.setId("bannerDetails");
    details.getStyleClass().add("banner-details");
    allergies.setId("bannerAllergies");
    allergies.setWrapText(true);
    allergies.setMaxWidth(Double.MAX_VALUE);
    allergies.setMinHeight(Region.USE_PREF_SIZE);
    HBox who = new HBox(16, name, details);
    who.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
    HBox.setHgrow(details, Priority.ALWAYS);
    getChildren().addAll(who, allergies);
  }

  void show(ChartSummary summary) {
    PatientBanner b = summary.getBanner();
    name.setText(b.getFamilyName().toUpperCase(java.util.Locale.ROOT) + ", " + b.getGivenNames());
    details.setText(i18n.format("chart.bannerDetails", b.getMrn(), b.getAgeYears(), b.getSex(),
        String.format("%04d-%02d-%02d", b.getBirthDate().getYear(), b.getBirthDate().getMonth(),
            b.getBirthDate().getDay())));
    allergies.getStyleClass().removeAll("allergy-strip", "allergy-none", "allergy-unknown");
    if (b.getAllergyState() == AllergyState.HAS_ALLERGIES || b.getAllergiesCount() > 0) {
      allergies.getStyleClass().add("allergy-strip");
      allergies.setText(i18n.format("chart.allergies", b.getAllergiesList().stream().map(PatientBannerView::allergy)
          .collect(Collectors.joining("; "))));
    } else if (b.getAllergyState() == AllergyState.NO_KNOWN_DRUG_ALLERGIES) {
      allergies.getStyleClass().add("allergy-none");
      allergies.setText(i18n.get("chart.nkda"));
    } else {
      allergies.getStyleClass().add("allergy-unknown");
      allergies.setText(i18n.get("chart.allergiesNotRecorded"));
    }
  }

  static String allergy(Allergy a) {
    StringBuilder s = new StringBuilder(a.getSubstance());
    if (!a.getReaction().isEmpty() || a.getSeverity() != AllergySeverity.ALLERGY_SEVERITY_UNSPECIFIED) {
      s.append(" (").append(a.getReaction());
      if (a.getSeverity() != AllergySeverity.ALLERGY_SEVERITY_UNSPECIFIED) {
        s.append(a.getReaction().isEmpty() ? "" : ", ").append(a.getSeverity().name().replace("ALLERGY_", "")
            .toLowerCase(java.util.Locale.ROOT));
      }
      s.append(')');
    }
    return s.toString();
  }
}
