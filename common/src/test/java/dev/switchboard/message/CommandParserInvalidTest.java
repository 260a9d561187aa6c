package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.CommandParser.Invalid;
import dev.switchboard.message.CommandParser.Parsed;
import dev.switchboard.message.CommandParser.Unanswerable;
import dev.switchboard.message.CommandParser.Valid;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Commands with an id but bad fields, size limits and where replies go. */
class CommandParserInvalidTest {
  private final CommandParser parser = new CommandParser(10_000);

  private Parsed parse(String json, String headerReplyTo) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), headerReplyTo);
  }

  private Invalid invalid(String json, String headerReplyTo) {
    Parsed p = parse(json, headerReplyTo);
    assertThat(p).isInstanceOf(Invalid.class);
    return (Invalid) p;
  }

  @Test
  void everyProblemIsListedInOneInvalidCommandAnswer() {
    Invalid i =
        invalid(
            """
        {"id":"c-7","params":[1],"replyTo":"bad topic!","deadline":"tomorrow","extra":1}""",
            null);

    assertThat(i.id()).isEqualTo("c-7");
    assertThat(i.code()).isEqualTo("INVALID_COMMAND");
    assertThat(i.message())
        .isEqualTo(
            String.join(
                "; ",
                "operation is required and must be a non-empty string",
                "connection is required and must be a non-empty string",
                "params must be an object",
                "replyTo is not a valid topic name",
                "deadline must be an ISO-8601 instant such as 2026-11-23T10:00:00Z",
                "unknown field 'extra'"));
    assertThat(i.replyTo()).as("an invalid replyTo is not used to answer").isNull();
  }

  @Test
  void blankOrNonStringOperationAndConnectionAreRefused() {
    Invalid i = invalid("{\"id\":\"a\",\"operation\":\"  \",\"connection\":7}", "replies");
    assertThat(i.message()).contains("operation is required", "connection is required");
    assertThat(i.replyTo()).isEqualTo("replies");
  }

  @Test
  void singleProblemIsReportedAlone() {
    Invalid i =
        invalid(
            "{\"id\":\"a\",\"operation\":\"o\",\"connection\":\"c\",\"deadline\":"
                + "\"2026-13-01T00:00:00Z\"}",
            null);
    assertThat(i.code()).isEqualTo("INVALID_COMMAND");
    assertThat(i.message())
        .isEqualTo("deadline must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
  }

  @Test
  void oversizedCommandWithIdIsAnsweredTooLarge() {
    CommandParser small = new CommandParser(80);
    String json =
        "{\"id\":\"big-1\",\"operation\":\"o\",\"connection\":\"c\",\"params\":{\"x\":\""
            + "y".repeat(100)
            + "\"}}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    Parsed p = small.parse(bytes, "replies");

    assertThat(p)
        .isInstanceOfSatisfying(
            Invalid.class,
            i -> {
              assertThat(i.id()).isEqualTo("big-1");
              assertThat(i.code()).isEqualTo("COMMAND_TOO_LARGE");
              assertThat(i.message()).contains(String.valueOf(bytes.length), "80");
              assertThat(i.replyTo()).isEqualTo("replies");
            });
  }

  @Test
  void oversizedCommandWithoutIdIsUnanswerable() {
    CommandParser small = new CommandParser(20);
    Parsed p =
        small.parse(
            "{\"operation\":\"a-long-operation-name\"}".getBytes(StandardCharsets.UTF_8), null);
    assertThat(p)
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith("NO_ID"));
  }

  @Test
  void commandExactlyAtTheLimitIsAccepted() {
    String json = "{\"id\":\"a\",\"operation\":\"o\",\"connection\":\"c\"}";
    CommandParser exact = new CommandParser(json.getBytes(StandardCharsets.UTF_8).length);
    assertThat(exact.parse(json.getBytes(StandardCharsets.UTF_8), null)).isInstanceOf(Valid.class);
  }

  @Test
  void headerReplyToIsUsedWhenFieldAbsent() {
    Parsed p = parse("{\"id\":\"a\",\"operation\":\"o\",\"connection\":\"c\"}", "hdr.replies");
    assertThat(((Valid) p).command().replyTo()).isEqualTo("hdr.replies");
  }

  @Test
  void replyToFieldWinsOverHeader() {
    Parsed p =
        parse(
            "{\"id\":\"a\",\"operation\":\"o\",\"connection\":\"c\","
                + "\"replyTo\":\"field.replies\"}",
            "hdr.replies");
    assertThat(((Valid) p).command().replyTo()).isEqualTo("field.replies");
  }

  @Test
  void invalidCommandIsAnsweredToHeaderReplyToOnlyIfItIsAValidTopic() {
    String json = "{\"id\":\"a\",\"operation\":\"o\"}";
    assertThat(invalid(json, "hdr.replies").replyTo()).isEqualTo("hdr.replies");
    assertThat(invalid(json, "not a topic").replyTo()).isNull();
    assertThat(invalid(json, null).replyTo()).isNull();
  }

  @Test
  void aValidCommandWithAnInvalidReplyTopicHeaderIsInvalidAndAnsweredOnTheResultsTopic() {
    String json = "{\"id\":\"a\",\"operation\":\"o\",\"connection\":\"c\"}";
    Invalid i = invalid(json, "not a topic!");
    assertThat(i.message()).contains("kafka_replyTopic");
    assertThat(i.replyTo()).isNull();
  }

  @Test
  void aNonStringReplyToIsRefusedEvenWhenItsTextWouldBeATopicName() {
    Invalid i =
        invalid(
            "{\"id\":\"a\",\"operation\":\"o\",\"connection\":\"c\",\"replyTo\":42}",
            "hdr.replies");
    assertThat(i.message()).contains("replyTo");
    assertThat(i.replyTo()).isNull(); // neither the number nor the header it overrode
  }
}
