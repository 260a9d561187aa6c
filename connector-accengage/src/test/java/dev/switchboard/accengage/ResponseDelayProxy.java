package dev.switchboard.accengage;

import dev.switchboard.testing.RuntimeHarness;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A TCP proxy in front of a simulator that passes requests on at once and holds every byte of the
 * answers for {@code delayMs}: a write is applied at the provider well before its answer reaches
 * the caller, so a caller killed in between leaves a write applied but unanswered (the simulator's
 * own latency comes before it applies a write, and it drops a request whose caller went away). When
 * the caller's connection closes, the proxy closes the provider's at once.
 */
final class ResponseDelayProxy implements AutoCloseable {
  private final NetServer server;
  private final NetClient client;

  private ResponseDelayProxy(NetServer server, NetClient client) {
    this.server = server;
    this.client = client;
  }

  static ResponseDelayProxy start(Vertx vertx, String host, int port, long delayMs)
      throws Exception {
    NetClient client = vertx.createNetClient();
    NetServer server =
        vertx
            .createNetServer()
            .connectHandler(
                in -> {
                  in.pause();
                  client
                      .connect(port, host)
                      .onComplete(
                          ar -> {
                            if (ar.failed()) {
                              in.close();
                              return;
                            }
                            NetSocket out = ar.result();
                            in.handler(out::write);
                            // Timers of one delay set in sequence on one event loop fire in that
                            // sequence.
                            out.handler(b -> vertx.setTimer(delayMs, t -> in.write(b)));
                            in.closeHandler(v -> out.close());
                            out.closeHandler(v -> vertx.setTimer(delayMs, t -> in.close()));
                            in.resume();
                          });
                });
    RuntimeHarness.await(server.listen(0, "127.0.0.1"));
    return new ResponseDelayProxy(server, client);
  }

  /** The proxy's origin, to use as the connection's {@code baseUrl}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  @Override
  public void close() throws Exception {
    RuntimeHarness.await(server.close());
    RuntimeHarness.await(client.close());
  }
}
