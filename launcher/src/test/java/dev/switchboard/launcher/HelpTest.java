package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --help} on every subcommand, and every option saying its default. */
class HelpTest {
  static List<String> subcommands() {
    return List.copyOf(Main.commandLine().getSubcommands().keySet());
  }

  @Test
  void everySubcommandIsListed() {
    assertThat(subcommands())
        .containsExactlyInAnyOrder("run", "send", "tail", "replay", "operations", "sandbox");
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void helpExitsZeroAndShowsEveryOptionWithItsDescription(String name) {
    CliRun r = CliRun.of(name, "--help");

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    String help = words(r.out());
    assertThat(help).startsWith("Usage: switchboard " + name);
    for (OptionSpec o : Main.commandLine().getSubcommands().get(name).getCommandSpec().options()) {
      assertThat(help).contains(o.longestName());
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String description = String.join(" ", o.description());
      assertThat(description)
          .as("%s %s says its default", name, o.longestName())
          .containsAnyOf("(default: ", "required)");
      // the text before the first variable, as printed (help wraps lines: compare words)
      String fixed = words(description.split("\\$\\{")[0]);
      // without spaces: help may also wrap after a dot inside a word ("http. port")
      assertThat(help.replace(" ", ""))
          .as("%s %s", name, o.longestName())
          .contains(fixed.replace(" ", ""));
    }
  }

  @Test
  void defaultsAreShownResolved() {
    String help = words(CliRun.of("send", "--help").out());

    assertThat(help)
        .contains("(default: 120s)")
        .contains("(default: switchboard)")
        .contains("(default: {})")
        .doesNotContain("${");
  }

  @Test
  void runAndSandboxHelpNoLongerFail() {
    assertThat(CliRun.of("run", "--help").code()).isZero();
    assertThat(CliRun.of("sandbox", "-h").code()).isZero();
  }

  @Test
  void topLevelHelpListsSubcommandsAndExitCodes() {
    CliRun r = CliRun.of("--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("operations", "send", "tail", "Exit codes:", "64", "69");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithAHint() {
    CliRun r = CliRun.of("tail", "iqreseller", "--nope");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unknown option: '--nope'", "switchboard tail --help");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void noSubcommandIsAUsageError() {
    CliRun r = CliRun.of();

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Missing subcommand");
  }

  private static String words(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
