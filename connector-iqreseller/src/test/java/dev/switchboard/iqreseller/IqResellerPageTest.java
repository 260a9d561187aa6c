package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.json.Json;
import dev.switchboard.json.RawJson;
import dev.switchboard.message.ResultEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The token-to-bytes page reader writes exactly what parsing into a tree and normalising did. */
class IqResellerPageTest {
  private static final String[] STRINGS = {
    "ABC-123   ",
    "  lead and trail  ",
    "",
    "   ",
    "3/7/2024 1:05:09 PM",
    "12/31/1999 11:59:59 PM   ",
    "1/1/1900 12:00:00 AM",
    "2/30/2020 1:00:00 AM",
    "13/1/2020 1:00:00 AM",
    "caf\u00e9 \u2603 \ud83d\ude00",
    "quote \" backslash \\ tab \t newline \n",
    "\u0000 control",
    "2024-03-07T13:05:09",
  };
  private static final String[] NUMBERS = {
    "0", "-17", "2147483648", "9223372036854775808", "578.6800", "0.10", "1E+2", "-3.5e-3", "12.0",
  };

  @Test
  void everyRecordIsTheBytesTheTreePathWrote() throws Exception {
    Random random = new Random(42);
    for (int page = 0; page < 200; page++) {
      String body = page(random, random.nextInt(30));
      ArrayNode tree = (ArrayNode) Json.parse(body.getBytes(StandardCharsets.UTF_8));
      for (boolean normalize : new boolean[] {true, false}) {
        List<JsonNode> records =
            IqResellerPage.records("GetX", body.getBytes(StandardCharsets.UTF_8), normalize);
        assertThat(records).hasSize(tree.size());
        for (int i = 0; i < tree.size(); i++) {
          JsonNode expected = tree.get(i).deepCopy();
          if (normalize) {
            expected = IqResellerRecords.normalize(expected);
          }
          assertThat(new String(((RawJson) records.get(i)).utf8(), StandardCharsets.UTF_8))
              .as("page %d record %d normalize %s", page, i, normalize)
              .isEqualTo(new String(Json.bytes(expected), StandardCharsets.UTF_8));
          assertThat(Json.bytes(ResultEvents.record("cmd", i, records.get(i))))
              .as("the record event's bytes")
              .isEqualTo(Json.bytes(ResultEvents.record("cmd", i, expected)));
        }
      }
    }
  }

  @Test
  void aPageThatIsNotOneJsonArrayIsABadResponse() {
    assertBad("{\"a\":1}", false);
    assertBad("\"text\"", false);
    assertBad("", true);
    assertBad("[{\"a\":1},{\"b\"", true); // cut short
    assertBad("[{\"a\":1}] []", true);
    assertBad("[{\"a\":1,\"a\":2}]", true); // one meaning per record: duplicate keys refused
    assertThat(IqResellerPage.records("GetX", "[]".getBytes(StandardCharsets.UTF_8), true))
        .isEmpty();
    assertThat(
            IqResellerPage.records(
                "GetX", "[1,\"x \",null]".getBytes(StandardCharsets.UTF_8), true))
        .extracting(n -> ((RawJson) n).asText())
        .containsExactly("1", "\"x\"", "null");
  }

  private static void assertBad(String body, boolean retryable) {
    assertThatThrownBy(
            () -> IqResellerPage.records("GetX", body.getBytes(StandardCharsets.UTF_8), true))
        .as(body)
        .isInstanceOfSatisfying(
            ProviderCallException.class,
            e -> {
              assertThat(e.code()).isEqualTo("PROVIDER_BAD_RESPONSE");
              assertThat(e.retryable()).isEqualTo(retryable);
              assertThat(e.getMessage()).doesNotContain("\"a\"");
            });
  }

  private static String page(Random r, int records) {
    ArrayNode page = Json.array();
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < records; i++) {
      b.append(i == 0 ? "" : ",").append(value(r, 0));
    }
    return b.append(']').toString();
  }

  private static String value(Random r, int depth) {
    int kind = depth == 0 ? 6 : r.nextInt(depth > 2 ? 5 : 7);
    switch (kind) {
      case 0:
        return Json.text(Json.MAPPER.getNodeFactory().textNode(STRINGS[r.nextInt(STRINGS.length)]));
      case 1:
        return NUMBERS[r.nextInt(NUMBERS.length)];
      case 2:
        return r.nextBoolean() ? "true" : "false";
      case 3:
        return "null";
      case 4:
        return Json.text(Json.MAPPER.getNodeFactory().textNode(STRINGS[r.nextInt(STRINGS.length)]));
      case 5:
        {
          StringBuilder a = new StringBuilder("[");
          int n = r.nextInt(4);
          for (int i = 0; i < n; i++) {
            a.append(i == 0 ? "" : ",").append(value(r, depth + 1));
          }
          return a.append(']').toString();
        }
      default:
        {
          StringBuilder o = new StringBuilder("{");
          int n = 1 + r.nextInt(8);
          for (int i = 0; i < n; i++) {
            o.append(i == 0 ? "" : ",")
                .append("\"f")
                .append(i)
                .append("\":")
                .append(value(r, depth + 1));
          }
          return o.append('}').toString();
        }
    }
  }
}
