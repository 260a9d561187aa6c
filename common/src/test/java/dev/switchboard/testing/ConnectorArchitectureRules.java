package dev.switchboard.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.switchboard.spi.ProviderConnector;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules every connector module passes: subclass it in the connector's tests, in the
 * connector's package. A connector declares and wires; the runtime owns Kafka.
 *
 * <p>The connectors are the ones {@link ServiceLoader} finds: the connector under test is the one
 * in the subclass's package, and every other one on the class path is a connector it must not
 * depend on (a connector module depending on another would bring that one's services file).
 */
public abstract class ConnectorArchitectureRules {

  /** Packages of the connectors on the class path, by {@link ServiceLoader}. */
  @SuppressWarnings("rawtypes")
  private static List<String> connectorPackages() {
    return ServiceLoader.load(ProviderConnector.class).stream()
        .map(p -> p.type().getPackageName())
        .distinct()
        .toList();
  }

  /** The connector's root package: where its {@link ProviderConnector} is, this test's package. */
  protected String connectorPackage() {
    String own = getClass().getPackageName();
    assertThat(connectorPackages())
        .as(
            "a connector registered in META-INF/services/%s in the " + "package of %s",
            ProviderConnector.class.getName(), getClass().getSimpleName())
        .contains(own);
    return own;
  }

  private JavaClasses classes() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(connectorPackage());
  }

  @Test
  void connectorsNeverTouchKafkaOrTheRuntime() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "dev.switchboard.runtime..",
            "dev.switchboard.kafka..",
            "dev.switchboard.launcher..",
            "dev.switchboard.sandbox..")
        .because(
            "the runtime in common owns Kafka, dispatch, retries and commits; a connector "
                + "only declares operations and calls its provider (use the SPI in dev.switchboard.spi)")
        .check(classes());
  }

  @Test
  void connectorsNeverDependOnEachOther() {
    String own = connectorPackage();
    String[] others =
        connectorPackages().stream()
            .filter(p -> !p.equals(own))
            .map(p -> p + "..")
            .toArray(String[]::new);
    if (others.length == 0) {
      return; // no other connector on the class path: none to depend on
    }
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("connectors are independent plugins; share code through common instead")
        .check(classes());
  }

  @Test
  void connectorsNeverBlockTheEventLoop() {
    noClasses()
        .should()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callMethod(Object.class, "wait")
        .because("connector code runs on a Vert.x event loop: use timers or Rx delays")
        .check(classes());
  }
}
