package org.hospital.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client's house rules, as tests, so they hold without anyone remembering them. */
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.hospital.client");

  @Test
  void viewModelsKnowNothingOfTheSceneGraph() {
    classes().that().haveSimpleNameEndingWith("ViewModel")
        .should().onlyDependOnClassesThat().resideOutsideOfPackage("javafx.scene..")
        .because("ViewModels are tested without the JavaFX toolkit")
        .check(MAIN);
  }

  @Test
  void servicesAndFormModelsKnowNothingOfTheSceneGraphEither() {
    noClasses().that().resideInAnyPackage("..client.connection..", "..client.errors..", "..client.i18n..",
            "..client.session..", "..client.tasks..")
        .or().haveSimpleNameEndingWith("Model")
        .or().haveSimpleNameEndingWith("Validator")
        .or().haveSimpleName("PatientFields")
        .or().haveSimpleName("IdleTimer")
        .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
        .check(MAIN);
  }

  @Test
  void theClientDependsOnTheContractOnly() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.hospital.server..", "jakarta.persistence..", "org.eclipse.persistence..")
        .check(MAIN);
  }

  @Test
  void onlyTheTaskAndConnectionPlumbingTouchesThreadsDirectly() {
    noClasses().that().haveSimpleNameEndingWith("ViewModel")
        .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
        .because("ViewModels get their UI executor injected")
        .check(MAIN);
  }
}
