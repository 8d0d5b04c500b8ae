package org.hospital.server.demo.synthea;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The demo's outside records as shipped: tab-separated tables (gzip) with a header row, and the small mapping
 * files beside them, whose lines starting with # are comments.
 */
final class SyntheaFiles {

  private SyntheaFiles() {}

  /** Rows of one exported table ("patients", "encounters" ...), each by column name. */
  static List<Map<String, String>> table(String name) {
    List<String[]> lines = lines(name + ".tsv.gz", true);
    String[] header = lines.getFirst();
    List<Map<String, String>> rows = new ArrayList<>(lines.size());
    for (String[] cells : lines.subList(1, lines.size())) {
      Map<String, String> row = HashMap.newHashMap(header.length);
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < cells.length ? cells[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /** A mapping file (a header, then rows): its first column to its second. */
  static Map<String, String> mapping(String file) {
    List<String[]> lines = lines(file, false);
    Map<String, String> map = new HashMap<>();
    for (String[] cells : lines.subList(1, lines.size())) {
      map.put(cells[0], cells[1]);
    }
    return map;
  }

  private static List<String[]> lines(String file, boolean gzip) {
    try (InputStream raw = SyntheaFiles.class.getResourceAsStream(file)) {
      if (raw == null) {
        throw new IllegalStateException(file + " missing from the server's resources");
      }
      InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.split("\t", -1));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
