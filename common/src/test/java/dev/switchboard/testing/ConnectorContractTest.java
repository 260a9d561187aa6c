package dev.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.ErrorInfo;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.retry.Retry;
import dev.switchboard.retry.RetryPolicy;
import dev.switchboard.runtime.VertxScheduler;
import dev.switchboard.spi.ConnectionConfig;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The contract every connector keeps, checked without a broker or a provider: found by {@code
 * ServiceLoader}; every operation declared under its own name, described, with a params schema that
 * renders as JSON Schema and accepts its own minimum and defaults; writes flagged as writes; the
 * config spec declares its secrets {@code SECRET}; {@code connect} calls no provider and a
 * connection never used disconnects cleanly; and no secret shows in the connection, its errors, the
 * logs or the metrics while every operation runs against a provider that refuses, breaks, answers
 * garbage or is gone ({@link ProviderStub}).
 *
 * <p>Subclass it in the connector's tests with only what differs: the connector, a valid connection
 * config whose provider URLs all point at a given base URL, and the secret values that config
 * holds.
 *
 * @param <C> the connector's per-connection client
 */
public abstract class ConnectorContractTest<C> {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

  /** Verbs that name an operation changing provider state, and verbs that name reads. */
  private static final Set<String> WRITE_VERBS =
      Set.of(
          "create", "update", "save", "send", "delete", "remove", "post", "put", "patch", "cancel",
          "upsert", "add", "set", "import", "submit", "archive", "write");

  private static final Set<String> READ_VERBS =
      Set.of("list", "get", "count", "query", "export", "search", "find", "read", "fetch");
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** The connector under test. */
  protected abstract ProviderConnector<C> connector();

  /** A connection config the connector accepts, every provider URL in it under {@code baseUrl}. */
  protected abstract ObjectNode validConnectionConfig(String baseUrl);

  /** The secret values {@link #validConnectionConfig} holds, none of which may ever show. */
  protected abstract List<String> secretValues();

  private ProviderConnector<C> connector;
  private Vertx vertx;
  private Context context;
  private ProviderStub provider;
  private Metrics metrics;

  @BeforeEach
  void startProvider() throws Exception {
    connector = connector();
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    provider = ProviderStub.start(vertx);
    metrics = new Metrics();
  }

  @AfterEach
  void stopProvider() throws Exception {
    RuntimeHarness.await(vertx.close());
  }

  @Test
  void theServiceLoaderFindsItUnderAnIdThatCanNameTopics() {
    assertThat(connector.id()).as("the id names topics and metric labels").matches(ID);
    assertThat(ServiceLoader.load(ProviderConnector.class).stream().map(p -> p.type().getName()))
        .as("META-INF/services/%s", ProviderConnector.class.getName())
        .contains(connector.getClass().getName());
  }

  @Test
  void everyOperationIsDeclaredUnderItsOwnNameWithADescription() {
    assertThat(connector.operations()).isNotEmpty();
    connector
        .operations()
        .forEach(
            (key, op) -> {
              OperationSpec spec = op.spec();
              assertThat(spec).as("spec of %s", key).isNotNull();
              assertThat(spec.name()).as("name of the operation under '%s'", key).isEqualTo(key);
              assertThat(spec.description()).as("description of %s", key).isNotBlank();
              assertThat(spec.kind()).as("kind of %s", key).isNotNull();
              assertThat(spec.params()).as("params of %s", key).isNotNull();
            });
  }

  @Test
  void everySchemaRendersAsJsonSchemaAndAcceptsItsOwnMinimumAndDefaults() {
    assertSchema("config", connector.configSpec());
    connector.operations().forEach((key, op) -> assertSchema(key, op.spec().params()));
  }

  @Test
  void operationsNamedForAChangeAreFlaggedAsWritesAndReadsAreNot() {
    connector
        .operations()
        .forEach(
            (key, op) -> {
              String verb = verb(key);
              if (WRITE_VERBS.contains(verb)) {
                assertThat(op.spec().write())
                    .as(
                        "%s changes provider state: its spec must say write, "
                            + "so that the ledger never runs it twice and it is never retried blindly",
                        key)
                    .isTrue();
              }
              if (READ_VERBS.contains(verb)) {
                assertThat(op.spec().write()).as("%s reads: not a write", key).isFalse();
              }
            });
  }

  @Test
  void theConfigSpecAcceptsTheConfigAndDeclaresItsSecretsSecret() {
    Schema spec = connector.configSpec();
    ObjectNode config = validConnectionConfig(provider.baseUrl());
    assertThatCode(() -> spec.validate(config)).as("the valid config").doesNotThrowAnyException();
    assertThat(secretValues()).as("the secrets of the valid config").isNotEmpty();
    for (String secret : secretValues()) {
      String key = keyHolding(config, secret);
      assertThat(key)
          .as("a key of the valid config holding secret #%d", secretValues().indexOf(secret))
          .isNotNull();
      Schema.Field field = spec.fields().get(key);
      if (config.get(key).isTextual()) {
        assertThat(field.type())
            .as("config key '%s' holds a secret: declare it SECRET", key)
            .isEqualTo(Schema.Type.SECRET);
      } else {
        // Inside an object: Schema declares no nested fields yet, so only the object is seen.
        assertThat(field.type()).as("config key '%s'", key).isEqualTo(Schema.Type.OBJECT);
      }
    }
    spec.fields().values().stream()
        .filter(f -> f.type() == Schema.Type.SECRET)
        .filter(f -> config.hasNonNull(f.name()))
        .forEach(
            f ->
                assertThat(secretValues())
                    .as("secretValues() lists the SECRET '%s'", f.name())
                    .contains(config.get(f.name()).asText()));
  }

  @Test
  void connectCallsNoProviderAndAConnectionNeverUsedDisconnectsCleanly() throws Exception {
    C connection = connect();
    assertThat(provider.requests())
        .as("connect is lazy: no provider call until a command " + "needs one")
        .isZero();
    assertThat(onContext(() -> connector.disconnect(connection).toSingleDefault("done")))
        .isEqualTo("done");
  }

  @Test
  void noSecretShowsInTheConnectionItsErrorsTheLogsOrTheMetrics() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(logs);
    StringBuilder shown = new StringBuilder();
    try {
      ObjectNode unknownKey = validConnectionConfig(provider.baseUrl()).put("notAKey", 1);
      try {
        connector.configSpec().validate(unknownKey);
      } catch (RuntimeException e) {
        shown.append(describe(e));
      }
      C connection = connect();
      shown.append(connection).append('\n');
      for (ProviderStub.Answer answer : ProviderStub.Answer.values()) {
        provider.answer(answer);
        connector.operations().values().forEach(op -> shown.append(run(op, connection)));
      }
      provider.close(); // gone: connections refused
      connector.operations().values().forEach(op -> shown.append(run(op, connection)));
      shown.append(connection).append('\n');
      shown.append(
          onContext(
              () ->
                  connector
                      .disconnect(connection)
                      .toSingleDefault("")
                      .onErrorReturn(ConnectorContractTest::describe)));
      shown.append(metrics.scrape());
    } finally {
      root.detachAppender(logs);
    }
    synchronized (logs) { // appended to from other threads, under its lock
      logs.list.forEach(
          e ->
              shown
                  .append(e.getFormattedMessage())
                  .append(
                      e.getThrowableProxy() == null
                          ? ""
                          : ThrowableProxyUtil.asString(e.getThrowableProxy()))
                  .append('\n'));
    }
    for (String secret : secretValues()) {
      assertThat(shown.toString()).as("what the connector showed").doesNotContain(secret);
    }
  }

  private C connect() throws Exception {
    ConnectionConfig config =
        new ConnectionConfig(
            "contract", connector.configSpec().validate(validConnectionConfig(provider.baseUrl())));
    Clock clock = Clock.systemUTC();
    var scheduler = VertxScheduler.of(context);
    Retry once =
        new Retry(
            new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)),
            scheduler,
            clock,
            e -> {});
    ProviderHttp http =
        new ProviderHttp(
            connector.id(),
            WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000)),
            connector.errors(),
            once,
            metrics,
            clock);
    ConnectorContext ctx =
        new ConnectorContext(connector.id(), "contract", vertx, http, clock, scheduler, metrics);
    return onContext(() -> connector.connect(config, ctx));
  }

  /** Runs {@code op} with its minimal params; what it emitted, or its error, as text. */
  private String run(Operation<C> op, C connection) {
    OperationSpec spec = op.spec();
    Command cmd =
        new Command(
            UUID.randomUUID().toString(),
            spec.name(),
            "contract",
            minimum(spec.params()),
            null,
            Instant.now().plus(WAIT.dividedBy(2)));
    Invocation inv = new Invocation(cmd, spec.params().validate(cmd.params()));
    try {
      return spec.name()
          + " -> "
          + onContext(
              () ->
                  Flowable.defer(() -> op.execute(inv, connection))
                      .toList()
                      .map(Object::toString)
                      .onErrorReturn(ConnectorContractTest::describe))
          + '\n';
    } catch (TimeoutException e) {
      throw new AssertionError(
          spec.name()
              + " did not end within "
              + WAIT
              + " against a "
              + "provider that answers at once",
          e);
    } catch (Exception e) {
      throw new AssertionError(spec.name(), e);
    }
  }

  /** Subscribes on the connector's event loop, as the runtime does; waits for the result. */
  private <T> T onContext(Supplier<Single<T>> single) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(
        v -> single.get().subscribe(result::complete, result::completeExceptionally));
    return result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String describe(Throwable t) {
    StringBuilder b = new StringBuilder(ErrorInfo.of(t).toJson().toString());
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(' ').append(c);
      for (Throwable s : c.getSuppressed()) {
        b.append(' ').append(s);
      }
    }
    return b.toString();
  }

  private static void assertSchema(String what, Schema schema) {
    ObjectNode json = schema.toJsonSchema();
    assertThat(json.path("type").asText()).as("%s: type", what).isEqualTo("object");
    assertThat(json.path("properties").isObject()).as("%s: properties", what).isTrue();
    assertThat(json.path("properties").size())
        .as("%s: properties", what)
        .isEqualTo(schema.fields().size());
    for (Iterator<Map.Entry<String, JsonNode>> it = json.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      assertThat(p.getValue().path("type").asText())
          .as("%s.%s: type", what, p.getKey())
          .isIn("string", "integer", "boolean", "object");
      assertThat(p.getValue().path("description").asText())
          .as("%s.%s: description", what, p.getKey())
          .isNotBlank();
    }
    json.path("required")
        .forEach(
            r ->
                assertThat(json.path("properties").has(r.asText()))
                    .as("%s: required '%s' is a property", what, r.asText())
                    .isTrue());
    ObjectNode minimum = minimum(schema);
    assertThatCode(() -> schema.validate(minimum))
        .as("%s accepts its minimum %s", what, minimum)
        .doesNotThrowAnyException();
    schema.fields().values().stream()
        .filter(f -> f.shapes() != null)
        .forEach(
            f ->
                f.shapes()
                    .forEach(
                        (kind, shape) -> assertSchema(what + " " + f.name() + " " + kind, shape)));
    schema.fields().values().stream()
        .filter(f -> f.defaultValue() != null)
        .forEach(
            f -> {
              ObjectNode withDefault = minimum.deepCopy();
              withDefault.set(f.name(), f.defaultValue());
              assertThatCode(() -> schema.validate(withDefault))
                  .as("%s: the default of '%s' (%s)", what, f.name(), f.defaultValue())
                  .doesNotThrowAnyException();
            });
  }

  /** The required fields, each at its smallest valid value. */
  private static ObjectNode minimum(Schema schema) {
    ObjectNode n = Json.object();
    for (Schema.Field f : schema.fields().values()) {
      if (!f.required()) {
        continue;
      }
      switch (f.type()) {
        case INTEGER ->
            n.put(f.name(), f.min() != null ? f.min() : f.max() != null ? Math.min(0, f.max()) : 0);
        case BOOLEAN -> n.put(f.name(), false);
        case OBJECT -> {
          if (f.shapes() == null) {
            n.putObject(f.name());
          } else { // the first shape, its discriminator naming it
            var first = f.shapes().entrySet().iterator().next();
            ObjectNode nested = minimum(first.getValue());
            if (f.discriminator() != null) {
              nested.put(f.discriminator(), first.getKey());
            }
            n.set(f.name(), nested);
          }
        }
        case DURATION -> n.put(f.name(), "1s");
        default -> n.put(f.name(), "x".repeat((int) Math.max(1, f.min() == null ? 1 : f.min())));
      }
    }
    return n;
  }

  /** The verb: {@code messages.create} → create, {@code customers.listActive} → list. */
  static String verb(String operation) {
    Matcher m =
        Pattern.compile("^[a-z]+").matcher(operation.substring(operation.lastIndexOf('.') + 1));
    return m.find() ? m.group() : "";
  }

  /** The top-level key of {@code config} whose value is, or contains, {@code secret}. */
  private static String keyHolding(ObjectNode config, String secret) {
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isTextual()
          ? e.getValue().asText().equals(secret)
          : e.getValue().toString().contains(secret)) {
        return e.getKey();
      }
    }
    return null;
  }
}
