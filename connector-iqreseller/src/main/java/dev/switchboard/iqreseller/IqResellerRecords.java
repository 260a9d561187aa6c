package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises IQ Reseller records (provider-apis.md §2.3): fixed-width CHAR columns come
 * right-padded, dates are US strings {@code M/d/yyyy h:mm:ss a}, and {@code 1/1/1900 12:00:00 AM}
 * means "no date". Strings are trimmed, dates become ISO-8601 local date-times (the API gives no
 * zone), the sentinel becomes null. Everything else is kept as is.
 */
final class IqResellerRecords {
  private static final Pattern US_DATE =
      Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M");

  /** Strict: 2/30/2020 is not a date (a lenient parser would move it to 2/29). */
  private static final DateTimeFormatter US =
      DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final LocalDateTime NO_DATE = LocalDateTime.of(1900, 1, 1, 0, 0);

  private IqResellerRecords() {}

  static JsonNode normalize(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), normalize(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
      node.forEach(n -> out.add(normalize(n)));
      return out;
    }
    if (node.isTextual()) {
      return text(node.asText().strip());
    }
    return node;
  }

  private static JsonNode text(String s) {
    if (US_DATE.matcher(s).matches()) {
      try {
        LocalDateTime t = LocalDateTime.parse(s, US);
        return t.equals(NO_DATE)
            ? JsonNodeFactory.instance.nullNode()
            : JsonNodeFactory.instance.textNode(t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      } catch (DateTimeParseException e) {
        return JsonNodeFactory.instance.textNode(s); // looked like a date, was not: keep it
      }
    }
    return JsonNodeFactory.instance.textNode(s);
  }
}
