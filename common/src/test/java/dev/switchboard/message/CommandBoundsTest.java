package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.message.CommandParser.Invalid;
import dev.switchboard.message.CommandParser.Parsed;
import dev.switchboard.message.CommandParser.Unanswerable;
import dev.switchboard.message.CommandParser.Valid;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a command may expand to (issue: a 119-byte {@code {"query":{"Foo":1e999999999}}} took 13 s
 * and 6 GB). Every over-bound command is answered {@code INVALID_COMMAND}, quickly, with a message
 * that names the JSON Pointer of the value and never echoes it. The timeouts are generous guards
 * against a hang (the old code took 13 s and gigabytes), not timing assertions.
 */
class CommandBoundsTest {
  private static final Duration QUICK = Duration.ofSeconds(5);
  private final CommandParser parser = new CommandParser(1024 * 1024);

  private static String command(String id, String params) {
    return "{\"id\":\""
        + id
        + "\",\"operation\":\"invoices.query\",\"connection\":\"acme\","
        + "\"params\":"
        + params
        + "}";
  }

  private Parsed parse(String json, String headerReplyTo) {
    return assertTimeoutPreemptively(
        QUICK, () -> parser.parse(json.getBytes(StandardCharsets.UTF_8), headerReplyTo));
  }

  private Invalid invalid(String json) {
    Parsed p = parse(json, null);
    assertThat(p).as("outcome of a command over a bound").isInstanceOf(Invalid.class);
    Invalid i = (Invalid) p;
    assertThat(i.code()).isEqualTo("INVALID_COMMAND");
    assertThat(i.message().length()).as(i.message()).isLessThan(400);
    return i;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e999999999",
        "1E+999999999",
        "1e100000000",
        "-1e-999999999",
        "1e101",
        "0.5e-100",
        "123456789e95"
      })
  void aDecimalWhosePlainNotationIsOverTheBoundIsAnInvalidCommand(String number) {
    Invalid i = invalid(command("c-1", "{\"query\":{\"Foo\":" + number + "}}"));
    assertThat(i.id()).isEqualTo("c-1");
    assertThat(i.message())
        .startsWith("/params/query/Foo: number of ")
        .contains("plain notation; the limit is 100");
  }

  @Test
  void theIssuesCommandIsRefusedAndItsIdAnswered() {
    String json =
        "{\"id\":\"aiq-1\",\"operation\":\"invoices.query\",\"connection\":\"acme\","
            + "\"params\":{\"query\":{\"Foo\":1e999999999}},\"replyTo\":\"my.replies\"}";
    Invalid i = invalid(json);
    assertThat(i.replyTo()).isEqualTo("my.replies");
    assertThat(i.message())
        .isEqualTo(
            "/params/query/Foo: number of 1000000000 characters in plain notation; the limit is 100");
  }

  @Test
  void numbersWithinTheBoundStayExact() {
    Parsed p =
        parse(
            command(
                "ok",
                "{\"a\":578.6800,\"b\":1e2,\"c\":1e99,\"d\":-1e-97,"
                    + "\"e\":"
                    + "9".repeat(100)
                    + ",\"f\":0e999999999,\"g\":[1.5E+3]}"),
            null);
    assertThat(p).isInstanceOf(Valid.class);
    ObjectNode params = ((Valid) p).command().params();
    assertThat(params.get("a").decimalValue()).isEqualTo(new BigDecimal("578.6800"));
    assertThat(params.get("c").decimalValue().toPlainString()).hasSize(100);
    assertThat(params.get("d").decimalValue().toPlainString()).hasSize(100);
    assertThat(params.get("e").bigIntegerValue().toString()).hasSize(100);
  }

  @Test
  void aTwoThousandDigitIntegerIsAnInvalidCommandNotADeadLetter() {
    Invalid i =
        invalid(command("c-2", "{\"query\":{\"AccountIDsFilter\":[1," + "7".repeat(2_000) + "]}}"));
    assertThat(i.id()).isEqualTo("c-2");
    assertThat(i.message())
        .isEqualTo("/params/query/AccountIDsFilter/1: number longer than 100 characters");
  }

  @Test
  void aLongDigitStringIsRefusedEvenWithADecimalPoint() {
    Invalid i = invalid(command("c-3", "{\"x\":0." + "1".repeat(500) + "}"));
    assertThat(i.message()).isEqualTo("/params/x: number longer than 100 characters");
  }

  @Test
  void nestingDeeperThan64LevelsIsAnInvalidCommand() {
    // the command is level 1 and params level 2: 62 more arrays reach 64, one more is over
    String within = "[".repeat(62) + "]".repeat(62);
    assertThat(parse(command("ok", "{\"d\":" + within + "}"), null)).isInstanceOf(Valid.class);

    Invalid i = invalid(command("c-4", "{\"d\":" + "[".repeat(63) + "]".repeat(63) + "}"));
    assertThat(i.id()).isEqualTo("c-4");
    assertThat(i.message()).startsWith("/params/d/0/0/").endsWith(": nested deeper than 64 levels");

    Invalid deep =
        invalid(
            command("c-5", "{\"d\":" + "{\"x\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}"));
    assertThat(deep.id()).isEqualTo("c-5");
    assertThat(deep.message())
        .startsWith("/params/d/x/x/")
        .endsWith(": nested deeper than 64 levels");
  }

  @Test
  void nestingBeyondWhatTheLenientReadFollowsIsStillADeadLetterAndQuick() {
    String json = command("c-6", "[".repeat(200_000) + "]".repeat(200_000));
    assertThat(parse(json, null))
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith("NOT_JSON"));
  }

  @Test
  void aHugeStringIsAnInvalidCommandThatDoesNotEchoIt() {
    String huge = "z".repeat(200_000);
    Invalid i = invalid(command("c-7", "{\"note\":\"" + huge + "\"}"));
    assertThat(i.message())
        .isEqualTo("/params/note: string longer than 65536 characters")
        .doesNotContain("zzz");
    assertThat(parse(command("ok", "{\"note\":\"" + "z".repeat(65_536) + "\"}"), null))
        .isInstanceOf(Valid.class);
  }

  @Test
  void aHugeMemberNameIsAnInvalidCommand() {
    Invalid i = invalid(command("c-8", "{\"query\":{\"a\":1,\"" + "k".repeat(300) + "\":1}}"));
    assertThat(i.message()).isEqualTo("/params/query: member name longer than 256 characters");
  }

  @Test
  void paramsThatWouldBeWrittenOutLongerThanTheCommandLimitAreAnInvalidCommand() {
    // 300 numbers of 4 characters each (about 1.5 kB) that are 100 characters each in plain
    // notation: 30 kB of params from a command under the parser's 10 kB limit
    CommandParser small = new CommandParser(10_000);
    String params = "{\"lines\":[" + "1e99,".repeat(299) + "1e99]}";
    byte[] bytes = command("c-9", params).getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isLessThan(10_000);
    Parsed p = assertTimeoutPreemptively(QUICK, () -> small.parse(bytes, null));
    assertThat(p)
        .isInstanceOfSatisfying(
            Invalid.class,
            i -> {
              assertThat(i.code()).isEqualTo("INVALID_COMMAND");
              assertThat(i.message())
                  .isEqualTo(
                      "/params: over 10000 characters when written out with "
                          + "numbers in plain notation; the limit is the command's size limit");
            });
  }

  @Test
  void paramsWithoutExponentsAlwaysFitUnderTheCommandLimit() {
    String params =
        "{\"s\":\"caf\u00e9 \\\"q\\\" \\u0001\",\"n\":-12.50,\"t\":true,\"f\":false,"
            + "\"z\":null,\"a\":[],\"o\":{},\"l\":[1,{\"k\":[2,3]}]}";
    byte[] json = command("ok", params).getBytes(StandardCharsets.UTF_8);
    assertThat(new CommandParser(json.length).parse(json, null)).isInstanceOf(Valid.class);
  }

  @Test
  void theWrittenOutSizeIsCountedExactlyWithoutRendering() {
    Parsed p =
        parse(
            command(
                "ok",
                "{\"s\":\"caf\u00e9\",\"n\":-12.50,\"e\":1e3,\"t\":true,"
                    + "\"f\":false,\"z\":null,\"a\":[],\"o\":{},\"l\":[1,{\"k\":[2,3]}]}"),
            null);
    ObjectNode params = ((Valid) p).command().params();
    long written = Json.text(params).length();
    assertThat(CommandBounds.problem(params, "/params", written)).isNull();
    assertThat(CommandBounds.problem(params, "/params", written - 1)).isNotNull();
  }

  @Test
  void aCommandOverABoundIsStillAnsweredToItsReplyTopicWhateverTheFieldOrder() {
    String json =
        "{\"params\":{\"x\":"
            + "1".repeat(500)
            + "},\"operation\":\"o\","
            + "\"connection\":\"c\",\"replyTo\":\"field.replies\",\"id\":\"late-id\"}";
    Invalid i = invalid(json);
    assertThat(i.id()).isEqualTo("late-id");
    assertThat(i.replyTo()).isEqualTo("field.replies");

    String noReply = "{\"id\":\"h-1\",\"params\":{\"x\":" + "1".repeat(500) + "}}";
    assertThat(((Invalid) parse(noReply, "hdr.replies")).replyTo()).isEqualTo("hdr.replies");
    assertThat(((Invalid) parse(noReply, "not a topic")).replyTo()).isNull();
    String badReply = "{\"id\":\"h-2\",\"replyTo\":7,\"params\":{\"x\":" + "1".repeat(500) + "}}";
    assertThat(((Invalid) parse(badReply, "hdr.replies")).replyTo()).isNull();
  }

  @Test
  void aCommandOverABoundWithoutAUsableIdOrNotJsonStillGoesToTheDlq() {
    String big = "1".repeat(500);
    assertThat(parse("{\"params\":{\"x\":" + big + "}}", null))
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith("NO_ID"));
    assertThat(parse("{\"id\":{\"x\":" + big + "}}", null))
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith("NO_ID"));
    assertThat(parse("[" + big + "]", null))
        .isInstanceOfSatisfying(
            Unanswerable.class, u -> assertThat(u.reason()).startsWith("NOT_AN_OBJECT"));
    for (String broken :
        new String[] {
          "{\"id\":\"a\",\"x\":" + big + ",", // truncated after the bound
          "{\"id\":\"a\",\"x\":" + big + "} trailing", // trailing content
          "{\"id\":\"a\",\"x\":" + big + ",\"id\":\"b\"}"
        }) { // duplicate key
      assertThat(parse(broken, null))
          .as(broken.substring(0, 10))
          .isInstanceOfSatisfying(
              Unanswerable.class, u -> assertThat(u.reason()).startsWith("NOT_JSON"));
    }
  }

  @Test
  void aCommandOverABoundAndOverTheSizeLimitIsTooLarge() {
    CommandParser small = new CommandParser(1_000);
    String json = command("c-10", "{\"x\":\"" + "y".repeat(70_000) + "\"}");
    assertThat(small.parse(json.getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOfSatisfying(
            Invalid.class, i -> assertThat(i.code()).isEqualTo("COMMAND_TOO_LARGE"));
  }

  @Test
  void plainLengthIsComputedWithoutRenderingAndMatchesToPlainString() {
    Random r = new Random(42);
    for (int n = 0; n < 5_000; n++) {
      BigInteger unscaled = new BigInteger(1 + r.nextInt(200), r);
      if (r.nextBoolean()) {
        unscaled = unscaled.negate();
      }
      BigDecimal d = new BigDecimal(unscaled, r.nextInt(400) - 200);
      assertThat(CommandBounds.plainLength(d))
          .as(d.toString())
          .isEqualTo(d.toPlainString().length());
    }
    for (String s :
        new String[] {
          "0", "0E+5", "0E-5", "-0.00", "1", "-1", "10", "0.1", "-0.01", "1E+3", "-1.5E+3",
          "123.456", "1E-1"
        }) {
      BigDecimal d = new BigDecimal(s);
      assertThat(CommandBounds.plainLength(d)).as(s).isEqualTo(d.toPlainString().length());
    }
    BigDecimal huge = new BigDecimal("1e999999999");
    assertThat(assertTimeoutPreemptively(QUICK, () -> CommandBounds.plainLength(huge)))
        .isEqualTo(1_000_000_000L);
    BigDecimal longUnscaled = new BigDecimal(BigInteger.TEN.pow(50_000), 3);
    assertThat(assertTimeoutPreemptively(QUICK, () -> CommandBounds.plainLength(longUnscaled)))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void connectorsAreRefusedAValueOverABoundAsInvalidParams() {
    ObjectNode body = Json.object().put("subject", "s");
    body.set("badge", JsonNodeFactory.instance.numberNode(new BigDecimal("1e100000")));
    assertThatThrownBy(
            () -> CommandBounds.requireWritable("accengage messages.create", body, "/message"))
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            e -> {
              assertThat(e.code()).isEqualTo("INVALID_PARAMS");
              assertThat(e.category()).isEqualTo(Category.INVALID_COMMAND);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "accengage messages.create cannot send "
                          + "/message/badge: number of 100001 characters in plain notation; the limit is 100");
            });
    ObjectNode deep = Json.object();
    ObjectNode at = deep;
    for (int level = 0; level < 70; level++) {
      at = at.putObject("n");
    }
    assertThatThrownBy(() -> CommandBounds.requireWritable("x", deep, ""))
        .hasMessageContaining("nested deeper than 64 levels");
    CommandBounds.requireWritable(
        "x",
        Json.object().put("badge", 3).put("price", new BigDecimal("578.6800")),
        "/message"); // within bounds: nothing thrown
  }
}
