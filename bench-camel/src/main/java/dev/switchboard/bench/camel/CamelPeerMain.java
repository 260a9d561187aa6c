package dev.switchboard.bench.camel;

import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import org.apache.camel.component.vertx.http.VertxHttpComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import sun.misc.Signal;

/**
 * The Apache Camel 4.18 peer of the benchmarks (bench/PEERS.md): camel-main with Java DSL routes,
 * camel-kafka in and out, camel-vertx-http to the providers. Prints {@code PEER READY} once the
 * routes (and so the Kafka consumers) have started; on SIGTERM stops Camel gracefully (in-flight
 * commands finish and commit) and exits 0.
 */
public final class CamelPeerMain {
  private CamelPeerMain() {}

  public static void main(String[] args) throws Exception {
    // Before the first logger exists: WARN and above, to stderr (slf4j-simple's default stream).
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (args.length != 1) {
      System.err.println("usage: CamelPeerMain <peer.properties>");
      System.exit(2);
    }
    PeerSettings settings = PeerSettings.load(Path.of(args[0]));

    Main main = new Main();
    main.configure().setName("switchboard-bench-camel");
    main.configure().setJmxEnabled(false);
    main.configure().setShutdownTimeout(25); // seconds; the harness kills after 30
    main.bind("vertx-http", httpComponent(settings));
    if (settings.iqreseller() != null) {
      main.configure().addRoutesBuilder(new IqResellerRoutes(settings));
    }
    if (settings.accountsiq() != null) {
      main.configure().addRoutesBuilder(new AccountsIqRoutes(settings));
    }
    if (settings.accengage() != null) {
      main.configure().addRoutesBuilder(new AccengageRoutes(settings));
    }
    main.addMainListener(new MainListenerSupport() {
      @Override
      public void afterStart(BaseMainSupport m) {
        System.out.println("PEER READY");
        System.out.flush();
      }
    });
    // Handle TERM ourselves: the JVM's own handler would run the shutdown hooks and exit 143.
    Signal.handle(new Signal("TERM"), s -> main.completed());
    Signal.handle(new Signal("INT"), s -> main.completed());
    main.run(); // returns once completed() was called and Camel has stopped
    System.exit(0);
  }

  /**
   * Each vertx-http endpoint gets a WebClient with these options. Vert.x pools 5 connections per
   * host by default; a provider sees at most one call per consumer thread at a time (plus a login),
   * so the pool is sized to the consumer count with some headroom.
   */
  private static VertxHttpComponent httpComponent(PeerSettings settings) {
    VertxHttpComponent http = new VertxHttpComponent();
    http.setWebClientOptions(new WebClientOptions()
        .setMaxPoolSize(Math.max(5, settings.consumers() * 2))
        .setKeepAlive(true)
        .setConnectTimeout(10_000));
    return http;
  }
}
