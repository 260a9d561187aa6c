package dev.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of one command's result events, as {@link TopicReader#events} gives them. */
public final class StreamAssertions {
  private StreamAssertions() {}

  /**
   * A whole stream, exactly once: {@code expected} record events with {@code seq} 0, 1, … in order,
   * whose {@code data.<idField>} are all different (none lost, none repeated), then one {@code
   * completed} event, last.
   */
  public static void assertCompleteStream(List<JsonNode> events, long expected, String idField) {
    List<JsonNode> records =
        events.stream().filter(e -> e.path("type").asText().equals("record")).toList();
    assertThat(records).hasSize((int) expected);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).path("seq").asLong()).isEqualTo(i);
      ids.add(records.get(i).path("data").path(idField).asText());
    }
    assertThat(ids).hasSize((int) expected); // no record lost, none repeated
    assertThat(events.stream().filter(e -> !e.path("type").asText().equals("record")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("type").asText()).as(e.toString()).isEqualTo("completed");
              assertThat(e.path("records").asLong()).isEqualTo(expected);
            });
    assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("completed");
  }
}
