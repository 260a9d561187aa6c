package dev.switchboard.launcher.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON object per log event, one per line. The platform logs {@code key=value} templates
 * ({@code "event=command.completed provider={} command={}"}); each key becomes a field of its own
 * with its value filled in, so a log pipeline filters on {@code command} or {@code event} without
 * parsing text. Other messages (a library's) go in {@code message}. Jackson writes every value, so
 * no input can break out of its field or its line.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
  /** A template made only of {@code key=value} tokens separated by spaces. */
  private static final Pattern KEY_VALUES =
      Pattern.compile("(?:[A-Za-z][\\w.]*=\\S*)(?: +[A-Za-z][\\w.]*=\\S*)*");

  private static final Pattern TOKEN = Pattern.compile("([A-Za-z][\\w.]*)=(\\S*)");
  private static final byte[] NEWLINE = {'\n'};

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ObjectNode line =
        Json.object()
            .put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString())
            .put("level", event.getLevel().toString())
            .put("logger", shortName(event.getLoggerName()))
            .put("thread", event.getThreadName());
    String template = event.getMessage() == null ? "" : event.getMessage();
    Object[] args = event.getArgumentArray() == null ? new Object[0] : event.getArgumentArray();
    if (KEY_VALUES.matcher(template).matches()) {
      fields(line, template, args);
    } else {
      line.put("message", event.getFormattedMessage());
    }
    if (event.getThrowableProxy() != null) {
      line.put("exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    byte[] json = Json.bytes(line);
    byte[] out = new byte[json.length + 1];
    System.arraycopy(json, 0, out, 0, json.length);
    System.arraycopy(NEWLINE, 0, out, json.length, 1);
    return out;
  }

  /** Each {@code key=value} token a field; its {@code {}} placeholders take the next arguments. */
  private static void fields(ObjectNode line, String template, Object[] args) {
    int next = 0;
    Matcher m = TOKEN.matcher(template);
    while (m.find()) {
      StringBuilder value = new StringBuilder();
      String v = m.group(2);
      int from = 0;
      for (int at = v.indexOf("{}"); at >= 0; at = v.indexOf("{}", from)) {
        value.append(v, from, at).append(next < args.length ? args[next++] : "{}");
        from = at + 2;
      }
      line.put(m.group(1), value.append(v.substring(from)).toString());
    }
  }

  private static String shortName(String logger) {
    return logger == null ? "" : logger.substring(logger.lastIndexOf('.') + 1);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  /** For tests and callers that want text. */
  public String encodeToString(ILoggingEvent event) {
    return new String(encode(event), StandardCharsets.UTF_8);
  }
}
