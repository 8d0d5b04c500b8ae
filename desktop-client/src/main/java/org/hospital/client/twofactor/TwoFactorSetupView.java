package org.hospital.client.twofactor;

import atlantafx.base.theme.Styles;
import java.io.ByteArrayInputStream;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.FieldBox;

/**
 * Setting up two-step sign-in. Forced after signing in when the hospital requires it for one of the user's
 * roles (then the way on is the set-up, or signing out); otherwise opened from the header and left with "Back".
 */
public final class TwoFactorSetupView extends VBox {

  private final TextField code = new TextField();
  private final TextField newCodesCode = new TextField();

  /**
   * @param forced the hospital requires it before the workspace opens
   * @param leave "Back" (not forced) or "Sign out" (forced)
   */
  public TwoFactorSetupView(TwoFactorSetupViewModel vm, I18n i18n, boolean forced, Runnable leave) {
    setId("twoFactorSetup");
    getStyleClass().add("area");
    setMaxWidth(680);
    setSpacing(10);
    Label title = new Label(i18n.get("twoFactor.title"));
    title.getStyleClass().add("screen-title");
    Label why = wrapped(i18n.get(forced ? "twoFactor.forcedExplanation" : "twoFactor.explanation"), "hint");

    VBox scan = scanStep(vm, i18n);
    VBox codes = recoveryStep(vm, i18n);
    VBox alreadyOn = alreadyOnStep(vm, i18n);
    alreadyOn.visibleProperty().bind(vm.stepProperty().isEqualTo(TwoFactorSetupViewModel.Step.ALREADY_ON));
    alreadyOn.managedProperty().bind(alreadyOn.visibleProperty());
    scan.visibleProperty().bind(vm.stepProperty().isEqualTo(TwoFactorSetupViewModel.Step.SCAN));
    scan.managedProperty().bind(scan.visibleProperty());
    codes.visibleProperty().bind(vm.stepProperty().isEqualTo(TwoFactorSetupViewModel.Step.RECOVERY_CODES));
    codes.managedProperty().bind(codes.visibleProperty());

    Button back = new Button(i18n.get(forced ? "shell.signOut" : "dialog.back"));
    back.setId(forced ? "twoFactorSignOut" : "twoFactorBack");
    back.setOnAction(e -> leave.run());
    // once the codes are shown, the only way on is to say they are kept
    back.visibleProperty().bind(codes.visibleProperty().not());
    back.managedProperty().bind(back.visibleProperty());

    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("twoFactorError");
    getChildren().addAll(title, why, scan, alreadyOn, codes, error, back);
    vm.stepProperty().addListener((obs, old, now) -> {
      if (now == TwoFactorSetupViewModel.Step.SCAN) {
        javafx.application.Platform.runLater(code::requestFocus);
      } else if (now == TwoFactorSetupViewModel.Step.ALREADY_ON) {
        javafx.application.Platform.runLater(newCodesCode::requestFocus);
      }
    });
  }

  private VBox scanStep(TwoFactorSetupViewModel vm, I18n i18n) {
    ImageView qr = new ImageView();
    qr.setId("twoFactorQr");
    qr.setFitWidth(220);
    qr.setFitHeight(220);
    qr.setPreserveRatio(true);
    qr.setSmooth(false); // a QR code's modules must stay sharp for the camera
    TextField secret = new TextField();
    secret.setId("twoFactorSecret");
    secret.setEditable(false);
    secret.getStyleClass().add("monospace");
    // the whole key in view: a field that scrolls would hide its last group from someone typing it in
    secret.setPrefColumnCount(41);
    secret.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    vm.setupProperty().subscribe(s -> {
      qr.setImage(s == null ? null : new Image(new ByteArrayInputStream(s.qrPng())));
      secret.setText(vm.secretForTyping());
    });
    VBox steps = new VBox(8, wrapped(i18n.get("twoFactor.scanStep"), null),
        new FieldBox(i18n.get("twoFactor.secret"), secret), wrapped(i18n.get("twoFactor.codeStep"), null));
    HBox.setHgrow(steps, javafx.scene.layout.Priority.ALWAYS);
    HBox top = new HBox(16, qr, steps);

    code.setId("twoFactorCode");
    code.setPromptText("123456");
    code.setPrefColumnCount(8);
    code.textProperty().bindBidirectional(vm.codeProperty());
    code.setOnAction(e -> vm.confirm());
    Button confirm = new Button(i18n.get("twoFactor.turnOn"));
    confirm.setId("twoFactorConfirm");
    confirm.getStyleClass().add(Styles.ACCENT);
    confirm.setDefaultButton(true);
    confirm.disableProperty().bind(vm.status().busyProperty());
    confirm.setOnAction(e -> vm.confirm());
    HBox entry = new HBox(8, new Label(i18n.get("twoFactor.code")), code, confirm);
    entry.setAlignment(Pos.CENTER_LEFT);
    return new VBox(12, top, entry);
  }

  private VBox alreadyOnStep(TwoFactorSetupViewModel vm, I18n i18n) {
    Banner on = Banner.fixed(Banner.Kind.SUCCESS, i18n.get("twoFactor.alreadyOn"));
    on.setId("twoFactorAlreadyOn");
    Label how = wrapped(i18n.get("twoFactor.newCodesStep"), null);
    newCodesCode.setId("twoFactorNewCodesCode");
    newCodesCode.setPromptText("123456");
    newCodesCode.setPrefColumnCount(8);
    newCodesCode.textProperty().bindBidirectional(vm.codeProperty());
    newCodesCode.setOnAction(e -> vm.confirm());
    Button make = new Button(i18n.get("twoFactor.newCodes"));
    make.setId("twoFactorNewCodes");
    make.getStyleClass().add(Styles.ACCENT);
    make.disableProperty().bind(vm.status().busyProperty());
    make.setOnAction(e -> vm.confirm());
    HBox entry = new HBox(8, new Label(i18n.get("twoFactor.code")), newCodesCode, make);
    entry.setAlignment(Pos.CENTER_LEFT);
    return new VBox(12, on, how, entry);
  }

  private VBox recoveryStep(TwoFactorSetupViewModel vm, I18n i18n) {
    Banner on = new Banner(Banner.Kind.SUCCESS, vm.recoveryHeadlineProperty());
    on.setId("twoFactorOn");
    Label keep = wrapped(i18n.get("twoFactor.recoveryExplanation"), null);
    GridPane grid = new GridPane(24, 6);
    grid.setId("recoveryCodes");
    vm.recoveryCodes().subscribe(() -> {
      grid.getChildren().clear();
      for (int i = 0; i < vm.recoveryCodes().size(); i++) {
        Label c = new Label(vm.recoveryCodes().get(i));
        c.getStyleClass().addAll("monospace", "recovery-code");
        grid.add(c, i % 2, i / 2);
      }
    });
    Button kept = new Button(i18n.get("twoFactor.kept"));
    kept.setId("twoFactorKept");
    kept.getStyleClass().add(Styles.ACCENT);
    kept.setOnAction(e -> vm.finish());
    return new VBox(12, on, keep, grid, kept);
  }

  private static Label wrapped(String text, String style) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    if (style != null) {
      label.getStyleClass().add(style);
    }
    return label;
  }
}
