package dev.switchboard.testing.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.runtime.Switchboard;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A platform instance in a JVM of its own, so a test can kill it with SIGKILL ({@code
 * dev.switchboard.testing.PlatformProcess}). It runs one provider: the scenario connector by
 * default, or any connector on the class path (the child's class path is the test JVM's, so in a
 * connector module it can run that connector against a simulator the test started).
 *
 * <p>Arguments are {@code key=value}: {@code bootstrap}, {@code prefix}, {@code partitions} (6),
 * {@code instance} (static membership identity; absent = dynamic), {@code grace} (ms), {@code
 * provider} (the connector id, default {@value ScenarioConnector#ID}), {@code connectionsFile} (a
 * JSON object, connection name to that connection's config; when given, it is the provider's
 * connections), {@code connections} (3) and {@code writeLog} (the generated scenario connections
 * c1, c2, …, used when there is no {@code connectionsFile}), and {@code kafka.<property>} for any
 * client property. Prints {@value #READY} once the consumer has its assignment, and {@value
 * #FENCED} (exit code 3) if another live instance takes its identity; a start that fails prints
 * {@value #START_FAILED} and exits with code 2. SIGTERM stops it gracefully (drain, commit, leave
 * the group).
 */
public final class ScenarioPlatformMain {
  public static final String READY = "SWITCHBOARD-READY";
  public static final String FENCED = "SWITCHBOARD-FENCED";
  public static final String START_FAILED = "SWITCHBOARD-START-FAILED";

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
    RuntimeSettings settings =
        RuntimeSettings.defaults(a.get("bootstrap"))
            .withTopicPrefix(a.get("prefix"))
            .withPartitions(Integer.parseInt(a.getOrDefault("partitions", "6")))
            .withInstanceId(a.get("instance"))
            .withShutdownGrace(
                java.time.Duration.ofMillis(Long.parseLong(a.getOrDefault("grace", "30000"))))
            .withKafka(kafka);
    String provider = a.getOrDefault("provider", ScenarioConnector.ID);
    Map<String, ObjectNode> connections =
        a.containsKey("connectionsFile")
            ? readConnections(Path.of(a.get("connectionsFile")))
            : scenarioConnections(a);
    Vertx vertx = Vertx.vertx();
    Switchboard sb;
    try {
      sb =
          Switchboard.start(
                  vertx, settings, Map.of(provider, connections), Clock.systemUTC(), new Metrics())
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Vert.x threads would keep the JVM alive: say why and end, so the test fails at once.
      System.out.println(START_FAILED + " " + e);
      e.printStackTrace(System.out);
      System.out.flush();
      Runtime.getRuntime().halt(2);
      return;
    }
    sb.fatal()
        .onSuccess(
            e ->
                new Thread(
                        () -> {
                          System.out.println(FENCED);
                          System.exit(3);
                        })
                    .start());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    sb.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                    vertx
                        .close()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    System.out.println("stop failed: " + e);
                  }
                }));
    vertx.setPeriodic(
        20,
        id -> {
          if (sb.ready()) {
            vertx.cancelTimer(id);
            System.out.println(READY);
          }
        });
  }

  /** The scenario connector's connections c1..cN, each with the shared write log if given. */
  private static Map<String, ObjectNode> scenarioConnections(Map<String, String> a) {
    Map<String, ObjectNode> connections = new LinkedHashMap<>();
    for (int i = 1; i <= Integer.parseInt(a.getOrDefault("connections", "3")); i++) {
      ObjectNode c = Json.object();
      if (a.containsKey("writeLog")) {
        c.put("writeLog", a.get("writeLog"));
      }
      connections.put("c" + i, c);
    }
    return connections;
  }

  /** A JSON object of connection name to config ({@code PlatformProcess.connectionsFile}). */
  static Map<String, ObjectNode> readConnections(Path file) throws IOException {
    JsonNode root = Json.parse(Files.readAllBytes(file));
    if (!root.isObject()) {
      throw new IllegalArgumentException(
          file + ": expected a JSON object of connection name " + "to config");
    }
    Map<String, ObjectNode> connections = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isObject()) {
        throw new IllegalArgumentException(
            file + ": connection '" + e.getKey() + "' is not a JSON object");
      }
      connections.put(e.getKey(), (ObjectNode) e.getValue());
    }
    return connections;
  }
}
