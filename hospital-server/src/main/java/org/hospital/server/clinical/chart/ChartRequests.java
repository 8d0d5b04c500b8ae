package org.hospital.server.clinical.chart;

import org.hospital.server.clinical.reference.DiagnosisCodeBook;
import org.hospital.server.clinical.reference.DrugSubstances;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hospital.proto.clinical.v1.AllergyCategory;
import org.hospital.proto.clinical.v1.AllergySeverity;
import org.hospital.proto.clinical.v1.AllergyStatus;
import org.hospital.proto.clinical.v1.AllergyType;
import org.hospital.proto.clinical.v1.ProblemStatus;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.errors.TextRules;
import org.hospital.server.errors.Violations;

/** Checks the chart's request fields and turns them into the services' values; every problem is reported at once. */
public final class ChartRequests {

  static final int REASON_MAX = 500;
  static final int MAX_SECONDARY = 12;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]{8,64}");
  /** ICD-10-CM: a letter, two characters, then up to four more; the dot after the third is optional. */
  private static final Pattern ICD = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");

  private final DiagnosisCodeBook codes;
  private final DrugSubstances substances;
  private final Clock clock;
  private final ZoneId zone;

  ChartRequests(DiagnosisCodeBook codes, DrugSubstances substances, Clock clock, ZoneId zone) {
    this.codes = codes;
    this.substances = substances;
    this.clock = clock;
    this.zone = zone;
  }

  public static long id(Violations v, String field, long value) {
    if (value == 0) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (value < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return value;
  }

  public static long optionalId(Violations v, String field, long value) {
    if (value < 0) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
    }
    return value;
  }

  public static String key(Violations v, String field, String raw) {
    if (raw.isEmpty()) {
      v.add(field, FieldViolationCode.REQUIRED);
    } else if (!KEY.matcher(raw).matches()) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
    }
    return raw;
  }

  public static String optionalText(Violations v, String field, String raw, int max) {
    return TextRules.optional(v, field, raw, max).orElse(null);
  }

  public static String paragraphs(Violations v, String field, String raw, int max) {
    return TextRules.optionalMultiline(v, field, raw, max).orElse(null);
  }

  /** A known ICD-10-CM code, written with or without its dot, in any case; null (and a violation) otherwise. */
  EncounterDiagnoses.Diagnosis code(Violations v, String field, String raw) {
    String c = raw.strip().toUpperCase(Locale.ROOT);
    if (c.isEmpty()) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    if (c.length() > 8 || !ICD.matcher(c).matches()) {
      v.add(field, FieldViolationCode.INVALID_FORMAT);
      return null;
    }
    String bare = c.replace(".", "");
    return codes.title(bare).map(t -> new EncounterDiagnoses.Diagnosis(bare, t)).orElseGet(() -> {
      v.add(field, FieldViolationCode.UNKNOWN_VALUE);
      return null;
    });
  }

  /** Primary first, then the secondaries; empty when both are empty (the diagnoses are cleared). */
  List<EncounterDiagnoses.Diagnosis> diagnoses(Violations v, String primary, List<String> secondary) {
    List<EncounterDiagnoses.Diagnosis> out = new ArrayList<>();
    if (primary.isBlank() && secondary.isEmpty()) {
      return out;
    }
    EncounterDiagnoses.Diagnosis first = code(v, "primary_code", primary);
    if (first != null) {
      out.add(first);
    }
    if (secondary.size() > MAX_SECONDARY) {
      v.add("secondary_codes", FieldViolationCode.OUT_OF_RANGE);
      return out;
    }
    Set<String> seen = new HashSet<>();
    if (first != null) {
      seen.add(first.code());
    }
    for (int i = 0; i < secondary.size(); i++) {
      String field = "secondary_codes[" + i + "]";
      EncounterDiagnoses.Diagnosis d = code(v, field, secondary.get(i));
      if (d != null && !seen.add(d.code())) {
        v.add(field, FieldViolationCode.DUPLICATE);
      } else if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  /** At least one part, each within length; line breaks allowed. */
  static NoteContent note(Violations v, org.hospital.proto.clinical.v1.NoteContent c) {
    NoteContent n = new NoteContent(
        paragraphs(v, "content.presenting_complaint", c.getPresentingComplaint(), NoteContent.MAX_PART),
        paragraphs(v, "content.findings", c.getFindings(), NoteContent.MAX_PART),
        paragraphs(v, "content.assessment", c.getAssessment(), NoteContent.MAX_PART),
        paragraphs(v, "content.plan", c.getPlan(), NoteContent.MAX_PART),
        paragraphs(v, "content.free_text", c.getFreeText(), NoteContent.MAX_PART));
    boolean empty = n.presentingComplaint() == null && n.findings() == null && n.assessment() == null
        && n.plan() == null && n.freeText() == null;
    if (empty && v.isEmpty()) {
      v.add("content", FieldViolationCode.REQUIRED);
    }
    return n;
  }

  ProblemChange problemChange(Violations v, ProblemStatus status, boolean statusRequired, Date onset,
      String note) {
    Problem.Status s = switch (status) {
      case PROBLEM_ACTIVE -> Problem.Status.ACTIVE;
      case PROBLEM_RESOLVED -> Problem.Status.RESOLVED;
      case PROBLEM_INACTIVE -> Problem.Status.INACTIVE;
      case PROBLEM_STATUS_UNSPECIFIED -> {
        if (statusRequired) {
          v.add("status", FieldViolationCode.REQUIRED);
        }
        yield Problem.Status.ACTIVE;
      }
      default -> {
        v.add("status", FieldViolationCode.UNKNOWN_VALUE);
        yield Problem.Status.ACTIVE;
      }
    };
    return new ProblemChange(s, onset(v, onset), paragraphs(v, "note", note, ProblemChange.MAX_NOTE));
  }

  private LocalDate onset(Violations v, Date onset) {
    if (ProtoDates.isEmpty(onset)) {
      return null;
    }
    LocalDate d = ProtoDates.required(v, "onset", onset);
    if (d != null && d.isAfter(LocalDate.now(clock.withZone(zone)))) {
      v.add("onset", FieldViolationCode.IN_FUTURE);
    } else if (d != null && d.getYear() < 1900) {
      v.add("onset", FieldViolationCode.TOO_OLD);
    }
    return d;
  }

  AllergyDraft allergy(Violations v, AllergyCategory category, AllergyType type, String substanceCode,
      String substance, String reaction, AllergySeverity severity, boolean verified) {
    Allergy.Category c = switch (category) {
      case ALLERGY_DRUG -> Allergy.Category.DRUG;
      case ALLERGY_FOOD -> Allergy.Category.FOOD;
      case ALLERGY_ENVIRONMENT -> Allergy.Category.ENVIRONMENT;
      case ALLERGY_OTHER -> Allergy.Category.OTHER;
      case ALLERGY_CATEGORY_UNSPECIFIED -> {
        v.add("category", FieldViolationCode.REQUIRED);
        yield Allergy.Category.OTHER;
      }
      default -> {
        v.add("category", FieldViolationCode.UNKNOWN_VALUE);
        yield Allergy.Category.OTHER;
      }
    };
    Allergy.Type t = switch (type) {
      case ALLERGY, ALLERGY_TYPE_UNSPECIFIED -> Allergy.Type.ALLERGY;
      case INTOLERANCE -> Allergy.Type.INTOLERANCE;
      default -> {
        v.add("type", FieldViolationCode.UNKNOWN_VALUE);
        yield Allergy.Type.ALLERGY;
      }
    };
    String code = null;
    String shown;
    if (c == Allergy.Category.DRUG) {
      code = substanceCode.strip().toLowerCase(Locale.ROOT);
      if (code.isEmpty()) {
        v.add("substance_code", FieldViolationCode.REQUIRED);
      } else if (code.length() > 100) {
        v.addTooLong("substance_code", 100);
      }
      shown = code.isEmpty() || code.length() > 100 ? null : substances.displayName(code).orElse(null);
      if (shown == null && !code.isEmpty() && code.length() <= 100) {
        v.add("substance_code", FieldViolationCode.UNKNOWN_VALUE);
      }
    } else {
      if (!substanceCode.isEmpty()) {
        v.add("substance_code", FieldViolationCode.OUT_OF_RANGE);
      }
      shown = TextRules.required(v, "substance", substance, AllergyDraft.MAX_SUBSTANCE);
    }
    return new AllergyDraft(c, t, code, shown, optionalText(v, "reaction", reaction, AllergyDraft.MAX_REACTION),
        severity(v, severity), verified);
  }

  static Allergy.Severity severity(Violations v, AllergySeverity s) {
    return switch (s) {
      case ALLERGY_SEVERITY_UNSPECIFIED -> null;
      case ALLERGY_MILD -> Allergy.Severity.MILD;
      case ALLERGY_MODERATE -> Allergy.Severity.MODERATE;
      case ALLERGY_SEVERE -> Allergy.Severity.SEVERE;
      default -> {
        v.add("severity", FieldViolationCode.UNKNOWN_VALUE);
        yield null;
      }
    };
  }

  static Allergy.Status allergyStatus(Violations v, AllergyStatus s) {
    return switch (s) {
      case ALLERGY_ACTIVE -> Allergy.Status.ACTIVE;
      case ALLERGY_RESOLVED -> Allergy.Status.RESOLVED;
      case ALLERGY_ENTERED_IN_ERROR -> Allergy.Status.ENTERED_IN_ERROR;
      case ALLERGY_STATUS_UNSPECIFIED -> {
        v.add("status", FieldViolationCode.REQUIRED);
        yield Allergy.Status.ACTIVE;
      }
      default -> {
        v.add("status", FieldViolationCode.UNKNOWN_VALUE);
        yield Allergy.Status.ACTIVE;
      }
    };
  }
}
