package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send} refuses what it can check before waiting. Every run points at {@link
 * CliRun#NO_BROKER}: a check that passed would go on to connect and exit 69, so a 64 proves the
 * check ran first, before any Kafka client (and so before any topic could be created).
 */
class SendCommandTest {
  @TempDir Path dir;

  private static CliRun send(String... args) {
    List<String> all = new ArrayList<>(List.of("send"));
    all.addAll(List.of(args));
    all.addAll(List.of("--bootstrap", CliRun.NO_BROKER));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static void assertUsageError(CliRun r, String... says) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("switchboard send: ").contains(says);
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownProviderNamesTheKnownOnes() {
    assertUsageError(
        send("iqresellr", "salesOrders.list", "-c", "acme"),
        "unknown provider 'iqresellr'",
        "accengage",
        "accountsiq",
        "iqreseller");
  }

  @Test
  void anUnknownOperationNamesTheProvidersOperations() {
    assertUsageError(
        send("iqreseller", "salesOrder.list", "-c", "acme"),
        "unknown operation 'salesOrder.list' for iqreseller",
        "salesOrders.list",
        "inventory.count");
  }

  @Test
  void badParamsJsonIsOneLineSayingWhatIsWrong() {
    assertUsageError(
        send("iqreseller", "items.get", "-c", "acme", "-p", "{\"itemId\":"),
        "-p/--params is not valid JSON");
    assertUsageError(
        send("iqreseller", "items.get", "-c", "acme", "-p", "[1]"),
        "-p/--params must be a JSON object, not array");
  }

  @Test
  void anUnusableIdIsRefused() {
    assertUsageError(send("iqreseller", "items.get", "-c", "acme", "--id", " "), "blank");
    assertUsageError(
        send("iqreseller", "items.get", "-c", "acme", "--id", "x".repeat(201)),
        "201 characters; the limit is 200");
    assertUsageError(send("iqreseller", "items.get", "-c", "acme", "--id", "a\u0007b"), "U+0007");
  }

  @Test
  void anUnparseableTimeoutNamesTheFormats() {
    CliRun r = send("iqreseller", "items.get", "-c", "acme", "--timeout", "soon");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("'soon'", "500ms", "30s", "20m", "PT20M");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void theSingleFormNeedsAConnectionAndTheFileFormNoOperation() throws Exception {
    assertUsageError(send("iqreseller", "items.get"), "--connection is required");
    assertUsageError(send("iqreseller"), "OPERATION", "--file");
    Path file = Files.writeString(dir.resolve("c.jsonl"), "{}\n");
    assertUsageError(
        send("iqreseller", "items.get", "-c", "acme", "--file", file.toString()),
        "do not also give OPERATION");
  }

  @Test
  void everyLineOfAFileIsCheckedBeforeAnythingIsSent() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("c.jsonl"),
            "{\"operation\":\"items.get\",\"connection\":\"acme\"}\n"
                + "\n"
                + "{\"operation\":\"items.gte\",\"connection\":\"acme\"}\n");

    assertUsageError(
        send("iqreseller", "--file", file.toString()),
        "line 3: unknown operation 'items.gte'",
        "items.get");
    assertUsageError(
        send("iqreseller", "--file", dir.resolve("missing.jsonl").toString()), "no such file");
  }

  @Test
  void stdinIsReadWithFileDash() {
    InputStream in = System.in;
    try {
      System.setIn(new ByteArrayInputStream("not json\n".getBytes(StandardCharsets.UTF_8)));
      assertUsageError(send("iqreseller", "--file", "-"), "stdin line 1 is not valid JSON");
    } finally {
      System.setIn(in);
    }
  }

  @Test
  void theCommandConfigIsReadAndGivenToTheClients() throws Exception {
    Path bad = Files.writeString(dir.resolve("client.properties"), "security.protocol=NOPE\n");

    assertUsageError(
        send("iqreseller", "items.get", "-c", "acme", "--command-config", bad.toString()),
        "security.protocol");
    assertUsageError(
        send("iqreseller", "items.get", "-c", "acme", "--command-config", "nope.properties"),
        "--command-config nope.properties: no such file");
  }

  @Test
  @Timeout(60) // the probe gives up after ~5 s; --timeout 30 would be a bug's worth of waiting
  void noBrokerIsOneLineNamingTheAddressAndABareTimeoutIsSeconds() {
    CliRun r = send("iqreseller", "items.get", "-c", "acme", "--timeout", "30");

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("cannot connect to Kafka at " + CliRun.NO_BROKER);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void noCheckSkipsTheCatalogButNotTheBrokerProbe() {
    CliRun r = send("elsewhere", "any.thing", "-c", "acme", "--no-check");

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
  }
}
