package dev.switchboard.testing.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ConnectionConfig;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.spi.Schema;
import dev.switchboard.spi.Secret;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A connector for runtime tests whose behaviour is chosen by each command's params, like Kafka
 * Connect's {@code MockConnector}: streams of any length and pace, single results, failures, and
 * writes that are counted ({@link WriteLog}), so a test can see a write applied twice. It calls no
 * provider: what it tests is the runtime around it (Kafka, dispatch, commits, faults).
 *
 * <ul>
 *   <li>{@code records} (stream): {@code count} records {@code {"i":n,"pad":"…"}} in pages of
 *       {@code pageSize}, each page after {@code pageDelayMs}; {@code padBytes} sizes a record;
 *       {@code failAfter} fails the stream (PROVIDER, retryable) after that many records.
 *   <li>{@code echo} (single): {@code {"value":…}} ({@code value} {@code repeat} times over) after
 *       {@code delayMs}.
 *   <li>{@code write} (single, a write): appends {@code key} to the write log after {@code
 *       delayMs}, answers {@code {"key":…}} after a further {@code answerDelayMs}.
 *   <li>{@code call} (single read): a real HTTP GET of the connection's {@code providerUrl},
 *       through the runtime's provider HTTP (retries, circuit breaker, throttling pause).
 *   <li>{@code fail} (single): fails with {@code code}, {@code category}, {@code retryable}.
 * </ul>
 *
 * <p>A connection may add {@code latencyMs} before every page and every single answer (a slow
 * provider, for that connection only), and hold a {@code token}, a secret that the runtime must
 * never show.
 */
@AutoService(ProviderConnector.class)
public final class ScenarioConnector implements ProviderConnector<ScenarioConnector.Connection> {
  public static final String ID = "scenario";

  /**
   * One connection: where its writes go, its provider latency, its credential, and for the {@code
   * call} operation its HTTP and the URL it calls.
   */
  public record Connection(
      WriteLog writes, long latencyMs, Secret token, ProviderHttp http, String providerUrl) {}

  private static final Schema CONFIG =
      Schema.builder()
          .optionalString("writeLog", "file the applied writes are appended to (one key a line)")
          .integer(
              "latencyMs", 0, 600_000, 0L, "provider latency: added before each page and answer")
          .field(
              new Schema.Field(
                  "token", Schema.Type.SECRET, false, null, 1L, null, "a credential; never shown"))
          .optionalString("providerUrl", "a real HTTP endpoint the call operation GETs")
          .build();

  private static final Map<String, Operation<Connection>> OPERATIONS =
      List.of(
              op(
                  OperationSpec.stream(
                      "records",
                      "a generated stream",
                      Schema.builder()
                          .integer("count", 0, 100_000_000, 10L, "records")
                          .integer("pageSize", 1, 100_000, 100L, "records a page")
                          .integer("pageDelayMs", 0, 600_000, 0L, "wait before each page")
                          .integer("padBytes", 0, 10_000_000, 0L, "padding in each record")
                          .integer(
                              "failAfter", -1, 100_000_000, -1L, "fail after this many records")
                          .build()),
                  ScenarioConnector::records),
              op(
                  OperationSpec.single(
                      "echo",
                      "echoes value",
                      Schema.builder()
                          .optionalString("value", "what to echo")
                          .integer(
                              "repeat",
                              1,
                              10_000,
                              1L,
                              "the value this many times over (large answers)")
                          .integer("delayMs", 0, 600_000, 0L, "wait before answering")
                          .build()),
                  (inv, c) ->
                      Flowable.timer(
                              inv.params().path("delayMs").asLong() + c.latencyMs(),
                              TimeUnit.MILLISECONDS)
                          .map(
                              x ->
                                  (JsonNode)
                                      Json.object()
                                          .put(
                                              "value",
                                              inv.params().hasNonNull("value")
                                                  ? inv.params()
                                                      .path("value")
                                                      .asText()
                                                      .repeat(inv.params().path("repeat").asInt())
                                                  : null))),
              op(
                  new OperationSpec(
                      "write",
                      "a counted write",
                      OperationSpec.Kind.SINGLE,
                      true,
                      Schema.builder()
                          .requiredString("key", "what the write log records")
                          .integer("delayMs", 0, 600_000, 0L, "wait before applying")
                          .integer("answerDelayMs", 0, 600_000, 0L, "wait after applying")
                          .build()),
                  ScenarioConnector::write),
              op(
                  OperationSpec.single(
                      "call",
                      "GET providerUrl through the runtime's provider HTTP "
                          + "(retries, breaker, throttling)",
                      Schema.builder().build()),
                  (inv, c) ->
                      c.http()
                          .retrying(
                              c.http()
                                  .exchange(
                                      "call",
                                      () -> c.http().client().getAbs(c.providerUrl()).send()),
                              true,
                              inv.deadline())
                          .map(r -> (JsonNode) Json.object().put("status", r.statusCode()))
                          .toFlowable()),
              op(
                  OperationSpec.single(
                      "fail",
                      "fails as asked",
                      Schema.builder()
                          .string("code", "SCENARIO_FAILURE", "error code")
                          .string("category", "PROVIDER", "error category")
                          .bool("retryable", false, "whether the caller may retry")
                          .build()),
                  (inv, c) ->
                      Flowable.error(
                          new SwitchboardException(
                              inv.params().path("code").asText(),
                              Category.valueOf(inv.params().path("category").asText()),
                              "failed as asked",
                              inv.params().path("retryable").asBoolean(),
                              null,
                              null,
                              null))))
          .stream()
          .collect(Collectors.toUnmodifiableMap(o -> o.spec().name(), o -> o));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Schema configSpec() {
    return CONFIG;
  }

  @Override
  public Single<Connection> connect(ConnectionConfig config, ConnectorContext ctx) {
    String file = config.values().path("writeLog").asText(null);
    return Single.just(
        new Connection(
            new WriteLog(ctx.vertx(), file),
            config.integer("latencyMs"),
            config.secret("token"),
            ctx.http(),
            config.values().path("providerUrl").asText(null)));
  }

  @Override
  public Map<String, Operation<Connection>> operations() {
    return OPERATIONS;
  }

  private static Flowable<JsonNode> records(Invocation inv, Connection c) {
    long count = inv.params().path("count").asLong();
    long pageSize = inv.params().path("pageSize").asLong();
    long delay = inv.params().path("pageDelayMs").asLong() + c.latencyMs();
    long failAfter = inv.params().path("failAfter").asLong();
    String pad = "x".repeat(inv.params().path("padBytes").asInt());
    long pages = (count + pageSize - 1) / pageSize;
    Flowable<JsonNode> all =
        Flowable.rangeLong(0, pages)
            .concatMap(
                p ->
                    Flowable.timer(delay, TimeUnit.MILLISECONDS)
                        .doOnNext(x -> inv.pageFetched())
                        .flatMap(
                            x ->
                                Flowable.rangeLong(
                                    p * pageSize, Math.min(pageSize, count - p * pageSize)))
                        .map(i -> (JsonNode) Json.object().put("i", i).put("pad", pad)),
                1);
    return failAfter < 0
        ? all
        : all.take(failAfter)
            .concatWith(
                Flowable.error(
                    new SwitchboardException(
                        "SCENARIO_STREAM_BROKEN",
                        Category.PROVIDER,
                        "stream broke after " + failAfter + " records",
                        true,
                        null,
                        null,
                        null)));
  }

  private static Flowable<JsonNode> write(Invocation inv, Connection c) {
    String key = inv.params().path("key").asText();
    return Flowable.timer(
            inv.params().path("delayMs").asLong() + c.latencyMs(), TimeUnit.MILLISECONDS)
        .concatMapSingle(x -> c.writes().append(key))
        .delay(inv.params().path("answerDelayMs").asLong(), TimeUnit.MILLISECONDS)
        .map(n -> (JsonNode) Json.object().put("key", key));
  }

  private static Operation<Connection> op(
      OperationSpec spec, BiFunction<Invocation, Connection, Flowable<JsonNode>> body) {
    return new Operation<>() {
      @Override
      public OperationSpec spec() {
        return spec;
      }

      @Override
      public Flowable<JsonNode> execute(Invocation invocation, Connection connection) {
        return body.apply(invocation, connection);
      }
    };
  }
}
