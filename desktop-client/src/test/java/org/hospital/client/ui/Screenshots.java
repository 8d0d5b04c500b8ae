package org.hospital.client.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what is on screen, for people to look at: target/screenshots/{name}.png, dialogs as {name}-1.png. */
public final class Screenshots {

  static final Path DIRECTORY = Path.of("target", "screenshots");

  private Screenshots() {
  }

  public static void save(String name) {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      Files.createDirectories(DIRECTORY);
      var scenes = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing)
          .map(Window::getScene).toList()).get(10, TimeUnit.SECONDS);
      int index = 0;
      for (Scene scene : scenes) {
        BufferedImage image = WaitForAsyncUtils.asyncFx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null))
            .get(10, TimeUnit.SECONDS);
        ImageIO.write(image, "png", DIRECTORY.resolve(index == 0 ? name + ".png" : name + "-" + index + ".png")
            .toFile());
        index++;
      }
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new AssertionError("screenshot " + name + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("screenshot " + name + " interrupted", e);
    }
  }
}
