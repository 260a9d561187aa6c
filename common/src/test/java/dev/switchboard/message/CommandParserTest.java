package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.CommandParser.Parsed;
import dev.switchboard.message.CommandParser.Unanswerable;
import dev.switchboard.message.CommandParser.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {
  private final CommandParser parser = new CommandParser(10_000);

  private Parsed parse(String json) {
    return parse(json, null);
  }

  private Parsed parse(String json, String headerReplyTo) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), headerReplyTo);
  }

  @Test
  void validCommandCarriesEveryField() {
    Parsed p =
        parse(
            """
        {"id":"cmd-1","operation":"salesOrders.list","connection":"acme",
         "params":{"pageSize":50},"replyTo":"my.replies","deadline":"2026-11-23T10:00:00Z"}""");

    assertThat(p).isInstanceOf(Valid.class);
    Command c = ((Valid) p).command();
    assertThat(c.id()).isEqualTo("cmd-1");
    assertThat(c.operation()).isEqualTo("salesOrders.list");
    assertThat(c.connection()).isEqualTo("acme");
    assertThat(c.params().get("pageSize").asInt()).isEqualTo(50);
    assertThat(c.params().size()).isEqualTo(1);
    assertThat(c.replyTo()).isEqualTo("my.replies");
    assertThat(c.deadline()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Test
  void absentOrNullParamsDefaultToEmptyObjectAndOptionalFieldsToNull() {
    for (String json :
        new String[] {
          "{\"id\":\"a\",\"operation\":\"op\",\"connection\":\"c\"}",
          "{\"id\":\"a\",\"operation\":\"op\",\"connection\":\"c\",\"params\":null}"
        }) {
      Command c = ((Valid) parse(json)).command();
      assertThat(c.params().isObject()).isTrue();
      assertThat(c.params().isEmpty()).isTrue();
      assertThat(c.replyTo()).isNull();
      assertThat(c.deadline()).isNull();
    }
  }

  @Test
  void nullOrZeroLengthValueIsUnanswerableEmptyValue() {
    assertThat(parser.parse(null, "replies"))
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith("EMPTY_VALUE"));
    assertThat(parser.parse(new byte[0], "replies"))
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith("EMPTY_VALUE"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "hello                                              | NOT_JSON",
        "'{\"id\":\"a\",\"operation\":\"o\",\"connection\":\"c\"} garbage' | NOT_JSON",
        "'{\"id\":\"a\"}{\"x\":1}'                     | NOT_JSON",
        "'{\"id\":\"a\",'                                   | NOT_JSON",
        "'{\"id\":\"a\",\"id\":\"b\",\"operation\":\"o\",\"connection\":\"c\"}' | NOT_JSON",
        "'[{\"id\":\"a\"}]'                                 | NOT_AN_OBJECT",
        "'\"just a string\"'                               | NOT_AN_OBJECT",
        "null                                               | NOT_AN_OBJECT",
        "'{\"operation\":\"o\",\"connection\":\"c\"}'       | NO_ID",
        "'{\"id\":42,\"operation\":\"o\",\"connection\":\"c\"}' | NO_ID",
        "'{\"id\":null,\"operation\":\"o\",\"connection\":\"c\"}' | NO_ID",
        "'{\"id\":\"\",\"operation\":\"o\",\"connection\":\"c\"}' | NO_ID",
        "'{\"id\":\"has space\",\"operation\":\"o\",\"connection\":\"c\"}' | NO_ID",
        "'{\"id\":\"caf\u00e9\",\"operation\":\"o\",\"connection\":\"c\"}' | NO_ID"
      })
  void recordsWithoutUsableIdAreUnanswerable(String json, String prefix) {
    assertThat(parse(json, "replies"))
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith(prefix + ":"));
  }

  @Test
  void idLengthIsBoundedAt200() {
    String ok = "x".repeat(200);
    String tooLong = "x".repeat(201);
    assertThat(parse("{\"id\":\"" + ok + "\",\"operation\":\"o\",\"connection\":\"c\"}"))
        .isInstanceOf(Valid.class);
    assertThat(parse("{\"id\":\"" + tooLong + "\",\"operation\":\"o\",\"connection\":\"c\"}"))
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith("NO_ID"));
  }
}
