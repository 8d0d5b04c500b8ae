package org.hospital.installer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

/**
 * A Java agent that the package check attaches to the installed workstation (through JAVA_TOOL_OPTIONS, so
 * the image under test is started unchanged): once the sign-in screen is up it writes a screenshot
 * ({@code screen.png}) and the texts on screen ({@code screen.txt}, "id=text" per line, "[read-only]" after a field that cannot be typed in) into the folder named
 * by the agent's argument. It writes its own PNG because the workstation's runtime has no Swing bridge.
 */
public final class ScreenshotAgent {

  private ScreenshotAgent() {}

  public static void premain(String folder) {
    Path out = Path.of(folder);
    Thread.ofPlatform().daemon().name("screenshot-agent").start(() -> watch(out));
  }

  private static void watch(Path out) {
    for (int attempt = 0; attempt < 600; attempt++) {
      sleep(200);
      try {
        Platform.runLater(() -> captureIfSignInShows(out));
      } catch (IllegalStateException toolkitNotStartedYet) {
        continue;
      }
      if (Files.exists(out.resolve("screen.png"))) {
        return;
      }
    }
  }

  private static void captureIfSignInShows(Path out) {
    if (Files.exists(out.resolve("screen.png"))) {
      return;
    }
    for (Window window : Window.getWindows()) {
      Scene scene = window.getScene();
      if (window.isShowing() && scene != null && scene.lookup("#signIn") != null) {
        List<String> texts = new ArrayList<>();
        collect(scene.getRoot(), texts);
        try {
          Files.write(out.resolve("screen.txt"), texts, StandardCharsets.UTF_8);
          Files.write(out.resolve("screen.tmp"), png(scene.snapshot(null)));
          Files.move(out.resolve("screen.tmp"), out.resolve("screen.png"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return;
      }
    }
  }

  private static void collect(Node node, List<String> texts) {
    String id = node.getId() == null ? "" : node.getId();
    if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
      texts.add(id + "=" + labeled.getText());
    } else if (node instanceof TextInputControl input) {
      texts.add(id + "=" + input.getText() + (input.isEditable() ? "" : " [read-only]"));
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
    }
  }

  /** An 8-bit RGBA PNG (RFC 2083): signature, IHDR, one zlib-compressed IDAT, IEND. */
  static byte[] png(WritableImage image) throws IOException {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    PixelReader pixels = image.getPixelReader();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflated = new DeflaterOutputStream(raw)) {
      byte[] row = new byte[1 + width * 4];
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int argb = pixels.getArgb(x, y);
          row[1 + x * 4] = (byte) (argb >> 16);
          row[2 + x * 4] = (byte) (argb >> 8);
          row[3 + x * 4] = (byte) argb;
          row[4 + x * 4] = (byte) (argb >>> 24);
        }
        deflated.write(row);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
    chunk(png, "IDAT", raw.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    png.write(ByteBuffer.allocate(4).putInt(data.length).array());
    png.write(typeBytes);
    png.write(data);
    png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
