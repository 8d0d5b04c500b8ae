package org.hospital.client.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hospital.client.connection.ConnectionState;
import org.hospital.client.shell.WorkspaceArea;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.patients.v1.Sex;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.VisitType;
import org.junit.jupiter.api.Test;

/**
 * Every bundle has the same keys; every key used in the code exists; every key in the bundles is used, either
 * as a string literal in the main sources or as a dynamic prefix plus a code listed here.
 */
class BundleConsistencyTest {

  private static final Path MAIN_SOURCES = Path.of("src/main/java");
  private static final Pattern LITERAL_KEY_CALL =
      Pattern.compile("\\b(?:get|format)\\(\"([a-zA-Z][\\w.]*)\"");
  private static final Pattern DYNAMIC_CALL = Pattern.compile("\\b(?:dynamic|hasDynamic)\\(\"([\\w.]+\\.)\"");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"([a-zA-Z][\\w.]*)\"");

  /** The codes each dynamic prefix is completed with. */
  private static final Map<String, Set<String>> DYNAMIC = Map.ofEntries(
      Map.entry("area.", names(WorkspaceArea.values())),
      Map.entry("connection.", names(ConnectionState.values())),
      Map.entry("role.", names(Role.values())),
      Map.entry("sex.", names(Sex.values())),
      Map.entry("error.reason.", names(ErrorReason.values())),
      Map.entry("error.field.", names(FieldViolationCode.values())),
      Map.entry("appointment.status.", names(AppointmentStatus.values())),
      Map.entry("visit.", names(VisitType.values())),
      Map.entry("finder.scope.", names(org.hospital.client.schedule.finder.FreeSlotFinderViewModel.Scope.values())),
      // PatientSummary.match_reasons is a string list; these are the values the contract documents
      Map.entry("match.", Set.of("MRN", "NAME_EXACT", "NAME_PREFIX", "NAME_SIMILAR", "BIRTH_DATE", "PHONE",
          "NATIONAL_ID")),
      // the request fields staff administration and the password change name in the server's answers
      Map.entry("staff.field.", Set.of("username", "display_name", "roles", "password", "initial_password",
          "new_password", "staff_id", "version")),
      Map.entry("password.field.", Set.of("current_password", "new_password")),
      Map.entry("chart.med.", names(org.hospital.proto.clinical.v1.PrescriptionStatus.values())),
      Map.entry("chart.stop.", names(org.hospital.proto.clinical.v1.StopReason.values())),
      Map.entry("frequency.", names(org.hospital.proto.clinical.v1.Frequency.values())),
      Map.entry("chart.kind.", names(org.hospital.proto.clinical.v1.EncounterKind.values())),
      Map.entry("chart.problem.", names(org.hospital.proto.clinical.v1.ProblemStatus.values())),
      Map.entry("chart.allergy.", union(org.hospital.proto.clinical.v1.AllergyCategory.values(),
          org.hospital.proto.clinical.v1.AllergySeverity.values(), org.hospital.proto.clinical.v1.AllergyType.values())),
      Map.entry("lab.priority.", names(org.hospital.proto.lab.v1.LabPriority.values())),
      Map.entry("lab.status.", names(org.hospital.proto.lab.v1.LabOrderStatus.values())),
      Map.entry("lab.specimen.", names(org.hospital.proto.lab.v1.SpecimenType.values())),
      Map.entry("lab.flag.", names(org.hospital.proto.lab.v1.ResultFlag.values())),
      Map.entry("lab.resultStatus.", names(org.hospital.proto.lab.v1.ResultStatus.values())),
      Map.entry("billing.origin.", names(org.hospital.proto.billing.v1.ChargeOrigin.values())),
      Map.entry("billing.method.", names(org.hospital.proto.billing.v1.PaymentMethod.values())),
      // the request fields the billing desk's calls name in the server's answers
      Map.entry("billing.field.", Set.of("amount", "reference", "reason", "quantity", "item_code", "method",
          "patient_id", "appointment_id", "invoice_id")),
      Map.entry("ward.state.", names(org.hospital.proto.wards.v1.BedState.values())),
      Map.entry("ward.escalation.", names(org.hospital.proto.wards.v1.Escalation.values())),
      Map.entry("ward.destination.", names(org.hospital.proto.wards.v1.DischargeDestination.values())),
      Map.entry("ward.acvpu.", names(org.hospital.proto.wards.v1.Consciousness.values())),
      // the vitals form's fields, named as the server names them in its answers
      Map.entry("ward.vitals.", Set.of("temperature_decicelsius", "pulse_per_minute", "systolic_mmhg",
          "diastolic_mmhg", "respiratory_rate_per_minute", "spo2_percent", "pain_score", "consciousness")));

  private static Set<String> union(Enum<?>[]... lists) {
    Set<String> all = new TreeSet<>();
    for (Enum<?>[] list : lists) {
      all.addAll(names(list));
    }
    return all;
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name)
        .filter(name -> !name.equals("UNRECOGNIZED") && !name.endsWith("_UNSPECIFIED") || name.startsWith("SEX_"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<Language, Properties> bundles() throws IOException {
    Map<Language, Properties> bundles = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      String name = language == Language.ENGLISH ? "messages.properties" : "messages_" + language.code() + ".properties";
      Properties properties = new Properties();
      try (InputStream in = I18n.class.getResourceAsStream(name);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      bundles.put(language, properties);
    }
    return bundles;
  }

  private static String mainSources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    }
  }

  @Test
  void everyBundleHasTheSameKeys() throws IOException {
    Map<Language, Properties> bundles = bundles();
    Set<String> english = bundles.get(Language.ENGLISH).stringPropertyNames();
    for (var entry : bundles.entrySet()) {
      assertEquals(new TreeSet<>(english), new TreeSet<>(entry.getValue().stringPropertyNames()),
          "keys of " + entry.getKey());
    }
  }

  @Test
  void everyKeyUsedInTheCodeExists() throws IOException {
    Set<String> keys = bundles().get(Language.ENGLISH).stringPropertyNames();
    String sources = mainSources();
    Set<String> missing = new TreeSet<>();
    Matcher literal = LITERAL_KEY_CALL.matcher(sources);
    while (literal.find()) {
      String key = literal.group(1);
      if (key.contains(".") && !keys.contains(key)) {
        missing.add(key);
      }
    }
    Matcher dynamic = DYNAMIC_CALL.matcher(sources);
    while (dynamic.find()) {
      String prefix = dynamic.group(1);
      assertTrue(DYNAMIC.containsKey(prefix), "dynamic prefix without its list of codes in this test: " + prefix);
      DYNAMIC.get(prefix).stream().map(code -> prefix + code).filter(k -> !keys.contains(k)).forEach(missing::add);
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyKeyInTheBundlesIsUsed() throws IOException {
    String sources = mainSources();
    Set<String> literals = new TreeSet<>();
    Matcher literal = STRING_LITERAL.matcher(sources);
    while (literal.find()) {
      literals.add(literal.group(1));
    }
    Set<String> unused = new TreeSet<>();
    for (String key : bundles().get(Language.ENGLISH).stringPropertyNames()) {
      boolean dynamic = DYNAMIC.entrySet().stream()
          .anyMatch(e -> key.startsWith(e.getKey()) && e.getValue().contains(key.substring(e.getKey().length()))
              && sources.contains("\"" + e.getKey() + "\""));
      if (!literals.contains(key) && !dynamic) {
        unused.add(key);
      }
    }
    assertEquals(Set.of(), unused);
  }

  @Test
  void formattedTextsAreValidPatterns() throws IOException {
    for (Language language : Language.values()) {
      I18n i18n = I18n.of(language);
      assertTrue(i18n.format("stale.header", "Nora", "9:30").contains("Nora"), language.name());
      assertTrue(i18n.format("lock.explanation", "Nora", "nurse").contains("nurse"), language.name());
    }
  }
}
