package dev.switchboard.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.http.ConnectionGate;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.http.Rx;
import dev.switchboard.message.Topics;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.retry.Retry;
import dev.switchboard.retry.RetryPolicy;
import dev.switchboard.spi.ConnectionConfig;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one provider: its connections, its command consumer, dispatch and results. One verticle (one
 * event loop) per provider, so connector state needs no locks.
 */
final class ConnectorHost<C> extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorHost.class);

  private final ProviderConnector<C> connector;
  private final Map<String, ObjectNode> connectionConfigs;
  private final RuntimeSettings settings;
  private final Metrics metrics;
  private final Clock clock;
  private final Consumer<RuntimeException> fatal;
  private final Map<String, C> connections = new HashMap<>();
  private ResultPublisher publisher;
  private final java.util.List<AutoCloseable> clientMetrics =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private ReplyTopics replyTopics;
  private Ledger ledger;
  private CommandIntake intake;
  private CommandPoller poller;
  private WebClient webClient;
  private volatile boolean ready;

  /**
   * @param fatal told when this host can no longer consume (its identity was taken)
   */
  ConnectorHost(
      ProviderConnector<C> connector,
      Map<String, ObjectNode> connectionConfigs,
      RuntimeSettings settings,
      Metrics metrics,
      Clock clock,
      Consumer<RuntimeException> fatal) {
    this.connector = connector;
    this.fatal = fatal;
    this.connectionConfigs = connectionConfigs;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Started, joined to its consumer group with an assignment received, and still consuming: a dead
   * poll thread makes the instance not ready.
   */
  boolean ready() {
    return ready && poller != null && poller.alive() && poller.joined();
  }

  @Override
  public Future<?> start() {
    String provider = connector.id();
    Topics topics = new Topics(settings.topicPrefix(), provider);
    Scheduler scheduler = VertxScheduler.of(context);
    // One connection per command that may be in flight: every connection of a provider usually
    // shares one host, and a smaller pool capped W1 at 20 ms latency near 64 / 20 ms.
    webClient =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setUserAgent("switchboard")
                .setConnectTimeout(10_000)
                .setIdleTimeout(60),
            new PoolOptions().setHttp1MaxSize(Math.max(64, settings.maxInFlight())));
    Retry retry =
        new Retry(
            RetryPolicy.DEFAULT,
            scheduler,
            clock,
            e ->
                metrics.increment(
                    "switchboard_provider_retries_total",
                    "Provider calls retried",
                    "provider",
                    provider,
                    "code",
                    e.code()));
    ProviderHttp http =
        new ProviderHttp(provider, webClient, connector.errors(), retry, metrics, clock);
    return Rx.future(
            Flowable.fromIterable(connectionConfigs.entrySet())
                .concatMapCompletable(
                    e -> {
                      // Each connection behind its own gate (breaker, throttling pause, rate
                      // limit).
                      ObjectNode config = e.getValue().deepCopy();
                      ConnectionGate gate =
                          new ConnectionGate(
                              provider,
                              e.getKey(),
                              ConnectionLimits.take(e.getKey(), config),
                              clock,
                              scheduler,
                              metrics);
                      ConnectionConfig checked =
                          new ConnectionConfig(e.getKey(), connector.configSpec().validate(config));
                      ConnectorContext ctx =
                          new ConnectorContext(
                              provider,
                              e.getKey(),
                              vertx,
                              http.forConnection(gate, requestTimeout(checked)),
                              clock,
                              scheduler,
                              metrics);
                      return connector
                          .connect(checked, ctx)
                          .doOnSuccess(c -> connections.put(e.getKey(), c))
                          .ignoreElement();
                    }))
        .compose(v -> Topology.ensure(vertx, settings, topics))
        .map(
            v -> {
              publisher =
                  new ResultPublisher(Topology.clientProps(settings, provider + "-results"));
              clientMetrics.add(publisher.bindMetrics(metrics, provider));
              replyTopics =
                  new ReplyTopics(
                      org.apache.kafka.clients.admin.Admin.create(
                          Topology.clientProps(settings, provider + "-replies")),
                      context);
              ledger =
                  settings.ledger()
                      ? new Ledger(
                          topics,
                          publisher,
                          context,
                          clock,
                          Topology.clientProps(settings, provider + "-ledger"))
                      : null;
              Dispatcher<C> dispatcher =
                  new Dispatcher<>(
                      topics,
                      connector.operations(),
                      connections,
                      publisher,
                      replyTopics,
                      ledger,
                      context,
                      scheduler,
                      clock,
                      settings,
                      e ->
                          metrics.increment(
                              "switchboard_publish_retries_total",
                              "Answers Kafka refused for now (broker unavailable) and sent again",
                              "provider",
                              provider));
              intake =
                  new CommandIntake(
                      provider,
                      vertx,
                      settings,
                      dispatcher,
                      ledger,
                      metrics,
                      e -> {
                        ready = false;
                        fatal.accept(e);
                      });
              poller =
                  new CommandPoller(
                      commandConsumer(provider),
                      topics.commands(),
                      context,
                      intake,
                      ledger != null,
                      settings.shutdownGrace());
              intake.attach(poller);
              intake.connectionGauges(connections.keySet());
              poller.start();
              ready = true;
              LOG.info(
                  "event=connector.started provider={} connections={} operations={}",
                  provider,
                  connections.keySet(),
                  connector.operations().keySet().size());
              return null;
            });
  }

  @Override
  public Future<?> stop() {
    ready = false;
    Future<Void> drained =
        intake == null ? Future.succeededFuture() : intake.stop(settings.shutdownGrace());
    return drained
        .compose(
            v ->
                Rx.future(
                    Flowable.fromIterable(connections.entrySet())
                        .concatMapCompletable(
                            e ->
                                connector
                                    .disconnect(e.getValue())
                                    .doOnComplete(
                                        () ->
                                            LOG.info(
                                                "event=connection.closed provider={} connection={}",
                                                connector.id(),
                                                e.getKey()))
                                    .onErrorResumeNext(err -> logged(e.getKey(), err)))))
        .compose(
            v ->
                vertx.executeBlocking(
                    () -> {
                      for (AutoCloseable m : clientMetrics) {
                        m.close();
                      }
                      if (publisher != null) {
                        publisher.close();
                      }
                      if (replyTopics != null) {
                        replyTopics.close();
                      }
                      if (ledger != null) {
                        ledger.close();
                      }
                      return null;
                    }))
        .onComplete(ar -> webClient.close());
  }

  /** The connection's {@code requestTimeout} when its schema declares one, else the default. */
  private static java.time.Duration requestTimeout(ConnectionConfig config) {
    java.time.Duration t = config.duration(Schema.REQUEST_TIMEOUT); // null when not declared
    return t != null ? t : ProviderHttp.DEFAULT_REQUEST_TIMEOUT;
  }

  private Completable logged(String connection, Throwable err) {
    String code =
        err instanceof ProviderCallException p ? p.code() : err.getClass().getSimpleName();
    LOG.warn(
        "event=connection.close_failed provider={} connection={} code={}",
        connector.id(),
        connection,
        code);
    return Completable.complete();
  }

  /** The command consumer, its own metrics (records-lag per partition) in the registry. */
  private KafkaConsumer<byte[], byte[]> commandConsumer(String provider) {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(provider));
    clientMetrics.add(metrics.bindKafka(consumer, provider));
    return consumer;
  }

  private Properties consumerProps(String provider) {
    Properties p =
        Topology.clientProps(
            settings,
            provider
                + "-commands-"
                + (settings.instanceId() != null
                    ? settings.instanceId()
                    : UUID.randomUUID().toString().substring(0, 8)));
    p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(provider));
    if (settings.instanceId() != null) {
      // Static membership: a restarted instance takes its partitions back at once.
      p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.instanceId());
    }
    // The classic protocol with the cooperative sticky assignor: incremental rebalances (kept
    // partitions are never revoked), and a static member that crashed can rejoin at once. The
    // KIP-848 protocol refuses the restarted member (UNRELEASED_INSTANCE_ID) until the dead
    // one's session expires, which is the 45 s of silence static membership is meant to avoid.
    p.putIfAbsent(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    if ("classic".equalsIgnoreCase(p.getProperty(ConsumerConfig.GROUP_PROTOCOL_CONFIG))) {
      p.putIfAbsent(
          ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
          CooperativeStickyAssignor.class.getName());
    }
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }
}
