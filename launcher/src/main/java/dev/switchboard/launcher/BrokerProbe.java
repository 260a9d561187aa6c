package dev.switchboard.launcher;

import io.vertx.core.Vertx;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Checks every few seconds, off the event loop, that the broker answers; feeds {@code /ready}. */
final class BrokerProbe implements AutoCloseable {
  private final Vertx vertx;
  private final Admin admin;
  private final long timer;
  private volatile boolean reachable = true;

  private BrokerProbe(Vertx vertx, String bootstrap, java.util.Map<String, String> kafka) {
    this.vertx = vertx;
    Properties p = new Properties();
    p.putAll(kafka); // TLS/SASL settings: the probe must reach the broker the runtime reaches
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "switchboard-probe");
    this.admin = Admin.create(p);
    this.timer = vertx.setPeriodic(5000, t -> check());
  }

  static BrokerProbe start(Vertx vertx, String bootstrap, java.util.Map<String, String> kafka) {
    return new BrokerProbe(vertx, bootstrap, kafka);
  }

  boolean reachable() {
    return reachable;
  }

  private void check() {
    vertx
        .executeBlocking(
            () ->
                admin
                    .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS))
        .onComplete(ar -> reachable = ar.succeeded() && !ar.result().isEmpty());
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
    admin.close();
  }
}
