package dev.switchboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering inside common: the SPI and the contract never reach into the runtime. */
class CommonArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "dev.switchboard.spi",
              "dev.switchboard.message",
              "dev.switchboard.auth",
              "dev.switchboard.paging",
              "dev.switchboard.retry",
              "dev.switchboard.error",
              "dev.switchboard.http",
              "dev.switchboard.json",
              "dev.switchboard.metrics",
              "dev.switchboard.runtime");

  @Test
  void spiContractAuthPagingAndRetryDoNotDependOnTheRuntime() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.switchboard.spi..",
            "dev.switchboard.message..",
            "dev.switchboard.auth..",
            "dev.switchboard.paging..",
            "dev.switchboard.retry..",
            "dev.switchboard.error..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.switchboard.runtime..")
        .because("connectors compile against these; the runtime is free to change behind them")
        .check(MAIN);
  }

  @Test
  void nothingInCommonSleeps() {
    noClasses()
        .should()
        .callMethod(Thread.class, "sleep", long.class)
        .because("common runs on Vert.x event loops: use timers or Rx delays")
        .check(MAIN);
  }
}
