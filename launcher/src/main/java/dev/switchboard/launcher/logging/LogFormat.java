package dev.switchboard.launcher.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * The log format of a running platform: {@code text} (the default, {@code logback.xml}'s pattern)
 * or {@code json} ({@link JsonLineEncoder}), chosen at start by {@code run --log-format} or the
 * configuration's {@code logging.format}.
 */
public final class LogFormat {
  private LogFormat() {}

  /**
   * Switches every console appender of the root logger to {@code format}.
   *
   * @throws IllegalArgumentException for a format other than text or json
   */
  public static void use(String format) {
    if (format == null || format.equals("text")) {
      return;
    }
    if (!format.equals("json")) {
      throw new IllegalArgumentException("log format must be text or json, not '" + format + "'");
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another logging backend: its own configuration decides
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.iteratorForAppenders()
        .forEachRemaining(
            a -> {
              if (a instanceof OutputStreamAppender<ILoggingEvent> out) {
                JsonLineEncoder json = new JsonLineEncoder();
                json.setContext(context);
                json.start();
                out.stop();
                out.setEncoder(json);
                out.start();
              }
            });
  }
}
