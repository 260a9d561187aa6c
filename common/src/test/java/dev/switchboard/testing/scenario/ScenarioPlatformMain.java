package dev.switchboard.testing.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.runtime.Switchboard;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A platform instance with the scenario connector, in a JVM of its own, so a test can kill it
 * with SIGKILL ({@code dev.switchboard.testing.PlatformProcess}). Arguments are
 * {@code key=value}: {@code bootstrap}, {@code prefix}, {@code partitions} (6),
 * {@code instance} (static membership identity; absent = dynamic), {@code writeLog},
 * {@code connections} (3: c1, c2, …), {@code grace} (ms), and {@code kafka.<property>} for any
 * client property. Prints {@value #READY} once the consumer has its assignment, and
 * {@value #FENCED} (exit code 3) if another live instance takes its identity.
 */
public final class ScenarioPlatformMain {
  public static final String READY = "SWITCHBOARD-READY";
  public static final String FENCED = "SWITCHBOARD-FENCED";

  private ScenarioPlatformMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    Map<String, String> kafka = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String k = arg.substring(0, eq);
      if (k.startsWith("kafka.")) {
        kafka.put(k.substring(6), arg.substring(eq + 1));
      } else {
        a.put(k, arg.substring(eq + 1));
      }
    }
    RuntimeSettings settings = RuntimeSettings.defaults(a.get("bootstrap"))
        .withTopicPrefix(a.get("prefix"))
        .withPartitions(Integer.parseInt(a.getOrDefault("partitions", "6")))
        .withInstanceId(a.get("instance"))
        .withShutdownGrace(java.time.Duration.ofMillis(Long.parseLong(a.getOrDefault("grace",
            "30000"))))
        .withKafka(kafka);
    Map<String, ObjectNode> connections = new LinkedHashMap<>();
    for (int i = 1; i <= Integer.parseInt(a.getOrDefault("connections", "3")); i++) {
      ObjectNode c = Json.object();
      if (a.containsKey("writeLog")) {
        c.put("writeLog", a.get("writeLog"));
      }
      connections.put("c" + i, c);
    }
    Vertx vertx = Vertx.vertx();
    Switchboard sb = Switchboard.start(vertx, settings, Map.of(ScenarioConnector.ID, connections),
        Clock.systemUTC(), new Metrics()).toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    sb.fatal().onSuccess(e -> new Thread(() -> {
      System.out.println(FENCED);
      System.exit(3);
    }).start());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        sb.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.out.println("stop failed: " + e);
      }
    }));
    vertx.setPeriodic(20, id -> {
      if (sb.ready()) {
        vertx.cancelTimer(id);
        System.out.println(READY);
      }
    });
  }
}
