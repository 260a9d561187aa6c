package dev.switchboard.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules every connector module passes: subclass it in the connector's tests and
 * name the connector's package. A connector declares and wires; the runtime owns Kafka.
 */
public abstract class ConnectorArchitectureRules {
  private static final String[] OTHER_CONNECTORS = {"dev.switchboard.iqreseller..",
      "dev.switchboard.accountsiq..", "dev.switchboard.accengage.."};

  /** The connector's root package, e.g. {@code dev.switchboard.iqreseller}. */
  protected abstract String connectorPackage();

  private JavaClasses classes() {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(connectorPackage());
  }

  @Test
  void connectorsNeverTouchKafkaOrTheRuntime() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
            "dev.switchboard.runtime..", "dev.switchboard.kafka..", "dev.switchboard.launcher..",
            "dev.switchboard.sandbox..")
        .because("the runtime in common owns Kafka, dispatch, retries and commits; a connector "
            + "only declares operations and calls its provider (use the SPI in dev.switchboard.spi)")
        .check(classes());
  }

  @Test
  void connectorsNeverDependOnEachOther() {
    String own = connectorPackage() + "..";
    String[] others = java.util.Arrays.stream(OTHER_CONNECTORS).filter(p -> !p.equals(own))
        .toArray(String[]::new);
    noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
        .because("connectors are independent plugins; share code through common instead")
        .check(classes());
  }

  @Test
  void connectorsNeverBlockTheEventLoop() {
    noClasses().should().callMethod(Thread.class, "sleep", long.class)
        .orShould().callMethod(Object.class, "wait")
        .because("connector code runs on a Vert.x event loop: use timers or Rx delays")
        .check(classes());
  }
}
