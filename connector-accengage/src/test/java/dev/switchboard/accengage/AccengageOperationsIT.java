package dev.switchboard.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation through the real broker and the verifying simulator. */
class AccengageOperationsIT {
  static AccengageFixture acc;
  static RuntimeHarness platform;

  @BeforeAll
  static void start() throws Exception {
    acc = new AccengageFixture(250, 30, 1_000);
    platform = RuntimeHarness.start("accengage", acc.connections(), s -> s);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    assertThat(acc.sim().stats().expectContinueRejected()).isZero();
    assertThat(acc.sim().stats().signatureFailures()).isZero(); // every request was signed right
    acc.close();
  }

  static List<JsonNode> run(String op, ObjectNode params) throws Exception {
    String id = platform.send(RuntimeHarness.command(op, "shop", params));
    try (TopicReader r = platform.results()) {
      r.untilTerminal(List.of(id), Duration.ofSeconds(90));
      return r.events(id);
    }
  }

  static JsonNode completed(List<JsonNode> events) {
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("type").asText()).as(last.toString()).isEqualTo("completed");
    return last;
  }

  static List<JsonNode> records(List<JsonNode> events) {
    return events.stream()
        .filter(e -> e.path("type").asText().equals("record"))
        .map(e -> e.path("data"))
        .toList();
  }

  @Test
  void singleReads() throws Exception {
    assertThat(completed(run("me.get", null)).path("data").path("message").asText())
        .contains(AccengageFixture.EMAIL);
    assertThat(completed(run("apps.get", null)).path("data").toString())
        .contains(AccengageFixture.APP);
    assertThat(
            completed(run("apps.get", Json.object().put("partnerId", "87654321")))
                .path("data")
                .toString())
        .contains("87654321");
  }

  @Test
  void pagedListsArriveWhole() throws Exception {
    assertThat(records(run("apps.list", null))).hasSize(2);
    List<JsonNode> messages = records(run("messages.list", null));
    assertThat(messages).hasSize(250);
    Set<String> ids = new HashSet<>();
    messages.forEach(m -> ids.add(m.path("id").asText()));
    assertThat(ids).hasSize(250);
    assertThat(completed(run("segments.list", null)).path("records").asLong()).isEqualTo(30);
    JsonNode one =
        completed(
                run(
                    "messages.get",
                    Json.object().put("messageId", messages.get(7).path("id").asText())))
            .path("data");
    assertThat(one.path("id").asText()).isEqualTo(messages.get(7).path("id").asText());
  }

  @Test
  void theDeviceExportStreamsCsvRowsAsRecordsAndFiltersByLastOpen() throws Exception {
    List<JsonNode> all = records(run("devices.export", null));
    assertThat(all).hasSize(1_000);
    assertThat(all.get(0).has("deviceId")).isTrue();
    List<JsonNode> recent =
        records(run("devices.export", Json.object().put("lastOpen", "2025-06-01")));
    assertThat(recent.size()).isLessThan(1_000);
    assertThat(recent)
        .allSatisfy(
            d -> assertThat(d.path("lastOpen").asText()).isGreaterThanOrEqualTo("2025-06-01"));
    JsonNode device =
        completed(
                run(
                    "devices.get",
                    Json.object().put("deviceId", all.get(3).path("deviceId").asText())))
            .path("data");
    assertThat(device.toString()).contains(all.get(3).path("deviceId").asText());
  }

  @Test
  void writesCreateAndSendAMessage() throws Exception {
    ObjectNode message = Json.object().put("subject", "Sale").put("text", "50% off today");
    ObjectNode p = Json.object();
    p.set("message", message);
    JsonNode created = completed(run("messages.create", p)).path("data");
    String id = created.path("id").asText();
    assertThat(id).isNotBlank();
    String segment = records(run("segments.list", null)).get(0).path("id").asText();
    ObjectNode send = Json.object().put("messageId", id);
    send.putObject("target").put("segmentId", segment);
    assertThat(completed(run("messages.send", send)).path("data").isObject()).isTrue();
  }
}
