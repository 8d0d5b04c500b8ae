package org.hospital.server.clinical.reference;

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
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The ICD-10-CM category and header codes with their titles (CDC/CMS, FY2018; US government work in the public
 * domain), shipped inside the server so that an installed server needs no file beside it. The code set is small
 * (about 25,000 codes) and changes once a year with a release of the server, so it is held in memory: the chart
 * checks a code and the search ranks titles without a round trip to the database.
 */
public final class Icd10cmCodes implements DiagnosisCodeBook {

  static final String RESOURCE = "icd10cm-categories.csv.gz";

  /** One code without its dot ("E119") and its title. */
  public record Code(String code, String title) {

    /** The code as people write it, with the dot after the category ("E11.9"). */
    public String dotted() {
      return code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }
  }

  private final List<Code> codes;
  private final Map<String, Code> byCode;

  private Icd10cmCodes(List<Code> codes) {
    this.codes = List.copyOf(codes);
    this.byCode = new HashMap<>(codes.size() * 2);
    for (Code c : codes) {
      byCode.put(c.code(), c);
    }
  }

  /** The code set shipped with the server. */
  public static Icd10cmCodes shipped() {
    try (InputStream in = Icd10cmCodes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("ICD-10-CM code set missing from the server's resources");
      }
      return read(new GZIPInputStream(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads lines of {@code CODE,"Title"}; a byte-order mark on the first line is ignored. */
  static Icd10cmCodes read(InputStream in) throws IOException {
    List<Code> codes = new ArrayList<>(25_000);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      int comma = line.indexOf(',');
      if (comma <= 0) {
        continue;
      }
      String code = line.substring(0, comma).replace("\uFEFF", "").trim();
      String title = line.substring(comma + 1).trim();
      if (title.length() >= 2 && title.startsWith("\"") && title.endsWith("\"")) {
        title = title.substring(1, title.length() - 1).replace("\"\"", "\"");
      }
      codes.add(new Code(code, title));
    }
    return new Icd10cmCodes(codes);
  }

  @Override
  public Optional<String> title(String code) {
    return Optional.ofNullable(byCode.get(code)).map(Code::title);
  }

  List<Code> all() {
    return codes;
  }

  public int size() {
    return codes.size();
  }
}
