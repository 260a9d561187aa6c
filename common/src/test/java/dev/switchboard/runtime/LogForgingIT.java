package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Values from a command are escaped in the logs: none can start a forged line or field. */
class LogForgingIT {

  @Test
  void anOperationWithALineBreakCannotForgeALogLine() throws Exception {
    Logger runtime = (Logger) LoggerFactory.getLogger("dev.switchboard");
    // Thread-safe: the event loop appends while the test reads.
    List<String> logged = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> lines =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent e) {
            logged.add(e.getFormattedMessage());
          }
        };
    lines.start();
    runtime.addAppender(lines);
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                RuntimeHarness.freshSettings(), ScenarioConnector.ID, Map.of("c1", Json.object()));
        TopicReader results = platform.results()) {
      ObjectNode forged =
          RuntimeHarness.command(
              "x\nevent=command.completed provider=scenario " + "command=forged",
              "c1\r\nevent=command.dlq",
              Json.object());
      String id = platform.send(forged);
      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      // The outcome's log line follows its acknowledged answer: wait for it, do not race it.
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (logged.stream().noneMatch(m -> m.startsWith("event=command.failed"))
          && System.nanoTime() < end) {
        Thread.sleep(20);
      }

      List<String> messages = List.copyOf(logged);
      assertThat(messages)
          .anySatisfy(
              m ->
                  assertThat(m)
                      .startsWith("event=command.failed")
                      .contains(
                          "operation=\"x\\nevent=command.completed provider=scenario command=forged\"")
                      .contains("connection=\"c1\\r\\nevent=command.dlq\""));
      assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("\n", "\r"));
    } finally {
      runtime.detachAppender(lines);
    }
  }
}
