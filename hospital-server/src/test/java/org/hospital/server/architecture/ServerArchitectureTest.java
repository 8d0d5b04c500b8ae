package org.hospital.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server's house rules, checked on its classes: arrows go gRPC adapter, then application service, then
 * stores and queries; a feature uses another only through what that one offers, never its stores or its
 * transactions; nothing but the composition root reaches the demo data; the shared packages know no feature.
 */
@AnalyzeClasses(packages = "org.hospital.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

  private static final String ROOT = "org.hospital.server";
  /** Packages every feature may use, which must not know any feature in return. */
  private static final List<String> SHARED = List.of("audit", "config", "errors", "idempotency", "live",
      "persistence", "printing", "security", "tls");
  /** The simple names of a feature's internals: how it reads and writes its tables, and its transactions. */
  private static final Pattern INTERNAL = Pattern.compile(".*(Store|Reads|Repository|Writer|Rows|Tx)");

  @ArchTest
  static final ArchRule adaptersAreWiredOnlyByCompositionRoots = noClasses()
      .that().haveSimpleNameNotEndingWith("GrpcService")
      .and().haveSimpleNameNotEndingWith("Module")
      .and().doNotHaveFullyQualifiedName(ROOT + ".HospitalServer")
      .should().dependOnClassesThat().haveSimpleNameEndingWith("GrpcService")
      .because("only the composition root (and a feature's own module) knows the transport adapters");

  @ArchTest
  static final ArchRule applicationServicesDoNotSpeakProtobuf = noClasses()
      .that().haveSimpleNameEndingWith("Service").and().haveSimpleNameNotEndingWith("GrpcService")
      .should().dependOnClassesThat().resideInAnyPackage("org.hospital.proto..", "io.grpc.stub..")
      .because("wire formats are translated in the gRPC adapters and mappers");

  @ArchTest
  static final ArchRule adaptersGoThroughServices = noClasses()
      .that().haveSimpleNameEndingWith("GrpcService")
      .should().dependOnClassesThat().haveNameMatching(".*(Store|Reads|Repository|Writer)")
      .because("a gRPC adapter translates and calls a service, which owns validation, audit and transactions");

  @ArchTest
  static final ArchRule storesDoNotCallUpwards = noClasses()
      .that().haveNameMatching(".*(Store|Reads|Repository)")
      .should().dependOnClassesThat().haveNameMatching(".*(Service|GrpcService|Module)")
      .because("stores and queries are called by services, not the other way round");

  @ArchTest
  static final ArchRule featuresDoNotReachIntoEachOthersInternals = classes()
      .that().resideInAPackage(ROOT + "..")
      .should(new ArchCondition<JavaClass>("use another feature's stores, queries or transactions") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
          for (Dependency d : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = d.getTargetClass().getBaseComponentType();
            String from = feature(origin);
            String to = feature(target);
            if (to != null && from != null && !from.equals(to)
                && INTERNAL.matcher(target.getSimpleName()).matches()) {
              events.add(SimpleConditionEvent.violated(d, d.getDescription()));
            }
          }
        }
      }.as("not use another feature's stores, queries or transactions"));

  @ArchTest
  static final ArchRule nothingButTheCompositionRootUsesDemoData = noClasses()
      .that().resideOutsideOfPackage(ROOT + ".demo..")
      .and().doNotHaveFullyQualifiedName(ROOT + ".HospitalServer")
      .should().dependOnClassesThat().resideInAPackage(ROOT + ".demo..")
      .because("demo data is seeded at start in demo mode only; production code must not depend on it");

  @ArchTest
  static final ArchRule sharedPackagesKnowNoFeature = noClasses()
      .that().resideInAnyPackage(SHARED.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new))
      .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".patients..", ROOT + ".scheduling..",
          ROOT + ".clinical..", ROOT + ".reports..", ROOT + ".demo..", ROOT + ".lab..", ROOT + ".billing..")
      .because("the shared machinery (audit, live feeds, persistence, errors) serves every feature alike");

  @ArchTest
  static final ArchRule featuresDoNotReachIntoTheCompositionRoot = noClasses()
      .that().resideOutsideOfPackage(ROOT)
      .and().resideInAPackage(ROOT + "..")
      .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".HospitalServer");

  /**
   * The feature a class belongs to: the package under the root ("scheduling", "patients", "demo"), or under
   * "clinical" ("clinical.chart", "clinical.medication"); null for the shared packages, the root itself and
   * classes outside the server.
   */
  private static String feature(JavaClass c) {
    String pkg = c.getPackageName();
    if (!pkg.startsWith(ROOT + ".")) {
      return null;
    }
    String[] parts = pkg.substring(ROOT.length() + 1).split("\\.");
    if (SHARED.contains(parts[0])) {
      return null;
    }
    return parts[0].equals("clinical") && parts.length > 1 ? "clinical." + parts[1] : parts[0];
  }
}
