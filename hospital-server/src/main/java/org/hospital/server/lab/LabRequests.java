package org.hospital.server.lab;

import com.google.protobuf.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.lab.v1.PlaceLabOrderRequest;
import org.hospital.proto.lab.v1.ResultEntry;
import org.hospital.server.clinical.chart.ChartRequests;
import org.hospital.server.errors.TextRules;
import org.hospital.server.errors.Violations;

/** Checking what arrives before anything is read or written; collects every violation of a request. */
final class LabRequests {

  static final int MAX_TESTS = 10;
  static final int MAX_TEXT = 500;
  static final int MAX_ENTRIES = 100;
  private static final int MAX_CODE = 20;
  private static final int MAX_VALUE = 40;
  /** A collection time may run ahead of the server's clock by this much (a ward PC's clock). */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

  private final LabCatalogue catalogue;
  private final Clock clock;

  LabRequests(LabCatalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  LabOrderService.NewOrder order(Violations v, PlaceLabOrderRequest r) {
    ChartRequests.id(v, "encounter_id", r.getEncounterId());
    SpecimenType specimen = LabMapper.specimen(r.getSpecimenType());
    if (specimen == null) {
      v.add("specimen_type", FieldViolationCode.UNKNOWN_VALUE);
    }
    LabOrder.Priority priority = LabMapper.priority(r.getPriority());
    if (priority == null) {
      v.add("priority", FieldViolationCode.UNKNOWN_VALUE);
    }
    List<String> codes = new ArrayList<>();
    if (r.getTestCodesCount() == 0) {
      v.add("test_codes", FieldViolationCode.REQUIRED);
    } else if (r.getTestCodesCount() > MAX_TESTS) {
      v.add("test_codes", FieldViolationCode.OUT_OF_RANGE);
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < r.getTestCodesCount(); i++) {
        String field = "test_codes[" + i + "]";
        String code = r.getTestCodes(i).strip();
        var test = code.length() > MAX_CODE ? java.util.Optional.<CatalogueTest>empty() : catalogue.test(code);
        if (test.isEmpty()) {
          v.add(field, FieldViolationCode.UNKNOWN_VALUE);
        } else if (!seen.add(code)) {
          v.add(field, FieldViolationCode.DUPLICATE);
        } else if (specimen != null && !test.get().takes(specimen)) {
          v.add(field, FieldViolationCode.WRONG_SPECIMEN);
        } else {
          codes.add(code);
        }
      }
    }
    String question = ChartRequests.optionalText(v, "clinical_question", r.getClinicalQuestion(), MAX_TEXT);
    return new LabOrderService.NewOrder(r.getEncounterId(), codes, priority, question, specimen);
  }

  /** The collection time, or null for now; never in the future. */
  Instant collectedAt(Violations v, boolean given, Timestamp t) {
    if (!given) {
      return null;
    }
    if (t.getNanos() < 0 || t.getNanos() > 999_999_999 || t.getSeconds() < 0
        || t.getSeconds() > Instant.parse("9999-12-31T00:00:00Z").getEpochSecond()) {
      v.add("collected_at", FieldViolationCode.OUT_OF_RANGE);
      return null;
    }
    Instant at = Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    if (at.isAfter(clock.instant().plus(CLOCK_SLACK))) {
      v.add("collected_at", FieldViolationCode.IN_FUTURE);
    }
    return at;
  }

  static String reason(Violations v, String field, String raw) {
    String text = ChartRequests.optionalText(v, field, raw, MAX_TEXT);
    if (text == null && !v.has(field)) {
      v.add(field, FieldViolationCode.REQUIRED);
    }
    return text;
  }

  static List<LabResultService.Entry> entries(Violations v, List<ResultEntry> raw) {
    List<LabResultService.Entry> out = new ArrayList<>();
    if (raw.size() > MAX_ENTRIES) {
      v.add("entries", FieldViolationCode.OUT_OF_RANGE);
      return out;
    }
    for (int i = 0; i < raw.size(); i++) {
      out.add(entry(v, "entries[" + i + "]", raw.get(i)));
    }
    return out;
  }

  static LabResultService.Entry entry(Violations v, String field, ResultEntry e) {
    text(v, field + ".analyte_code", e.getAnalyteCode(), MAX_CODE, true);
    text(v, field + ".value", e.getValue(), MAX_VALUE, false);
    text(v, field + ".unit", e.getUnit(), MAX_CODE, false);
    return new LabResultService.Entry(e.getAnalyteCode().strip(), e.getValue(), e.getUnit());
  }

  private static void text(Violations v, String field, String raw, int max, boolean required) {
    if (raw.length() > max) {
      v.addTooLong(field, max);
    } else if (TextRules.hasForbiddenCharacters(raw)) {
      v.add(field, FieldViolationCode.INVALID_CHARACTERS);
    } else if (required && raw.isBlank()) {
      v.add(field, FieldViolationCode.REQUIRED);
    }
  }
}
