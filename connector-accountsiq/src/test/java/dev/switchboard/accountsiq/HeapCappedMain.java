package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.runtime.Switchboard;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform alone in a JVM of its own (run by {@link AccountsIqHeapCappedIT} with a capped
 * heap): one AccountsIQ 1.1 connection {@code legacy}. Prints {@code MAXMEM=<bytes>} and {@code
 * READY}, runs until a line (or end of input) arrives on stdin, stops and exits 0.
 *
 * <p>Arguments: bootstrap, topic prefix, endpoint, companyId, partnerKey, userKey.
 */
public final class HeapCappedMain {
  private HeapCappedMain() {}

  public static void main(String[] args) throws Exception {
    System.out.println("MAXMEM=" + Runtime.getRuntime().maxMemory());
    ObjectNode conn = Json.object().put("endpoint", args[2]);
    conn.putObject("auth")
        .put("kind", "login")
        .put("companyId", args[3])
        .put("partnerKey", args[4])
        .put("userKey", args[5]);
    Vertx vertx = Vertx.vertx();
    Switchboard sb =
        Switchboard.start(
                vertx,
                RuntimeSettings.defaults(args[0]).withTopicPrefix(args[1]),
                Map.of("accountsiq", Map.of("legacy", conn)),
                Clock.systemUTC(),
                new Metrics())
            .toCompletionStage()
            .toCompletableFuture()
            .get(120, TimeUnit.SECONDS);
    System.out.println("READY");
    System.out.flush();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      in.readLine(); // a line or end of input: stop
    }
    sb.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    System.out.println("STOPPED");
    System.out.flush();
    System.exit(0);
  }
}
