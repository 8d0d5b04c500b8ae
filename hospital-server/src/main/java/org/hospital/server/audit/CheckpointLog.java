package org.hospital.server.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** The append-only file of checkpoints, one line each. Written only by appending, each append forced to disk. */
public final class CheckpointLog {

  public static final String FILE = "checkpoints.log";

  /** One line of the file and its 1-based number; {@code terminated} is false for a last line without newline. */
  public record Line(int number, String text, boolean terminated) {}

  private final Path file;

  public CheckpointLog(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Appends the line and forces it to disk before returning. */
  public void append(Checkpoint checkpoint) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((checkpoint.line() + "\n").getBytes(StandardCharsets.US_ASCII));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        ch.write(bytes);
      }
      ch.force(true);
    }
  }

  /** Every line; empty when the file is missing or empty. */
  public List<Line> read() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String all = Files.readString(file, StandardCharsets.US_ASCII);
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    while (start < all.length()) {
      int nl = all.indexOf('\n', start);
      if (nl < 0) {
        lines.add(new Line(number, all.substring(start), false));
        break;
      }
      lines.add(new Line(number++, all.substring(start, nl), true));
      start = nl + 1;
    }
    return lines;
  }
}
