package org.hospital.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server's arrows go one way: gRPC adapter, then application service, then domain and persistence. */
@AnalyzeClasses(packages = "org.hospital.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

  @ArchTest
  static final ArchRule adaptersAreWiredOnlyByCompositionRoots = noClasses()
      .that().haveSimpleNameNotEndingWith("GrpcService")
      .and().haveSimpleNameNotEndingWith("Module")
      .and().doNotHaveFullyQualifiedName("org.hospital.server.HospitalServer")
      .should().dependOnClassesThat().haveSimpleNameEndingWith("GrpcService")
      .because("only the composition root (and a feature's own module) knows the transport adapters");

  @ArchTest
  static final ArchRule applicationServicesDoNotSpeakProtobuf = noClasses()
      .that().haveSimpleNameEndingWith("Service").and().haveSimpleNameNotEndingWith("GrpcService")
      .should().dependOnClassesThat().resideInAnyPackage("org.hospital.proto..", "io.grpc.stub..")
      .because("wire formats are translated in the gRPC adapters and mappers");

  @ArchTest
  static final ArchRule entitiesStayOnTheServer = noClasses()
      .that().resideInAPackage("org.hospital.server..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.hospital.client..");

  @ArchTest
  static final ArchRule featuresDoNotReachIntoTheCompositionRoot = noClasses()
      .that().resideInAnyPackage("org.hospital.server.patients..", "org.hospital.server.audit..",
          "org.hospital.server.security..", "org.hospital.server.persistence..")
      .should().dependOnClassesThat().haveFullyQualifiedName("org.hospital.server.HospitalServer");
}
