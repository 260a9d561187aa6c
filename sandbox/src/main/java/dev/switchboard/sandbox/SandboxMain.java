package dev.switchboard.sandbox;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Standalone sandbox with every simulator's demo tenants: {@code java -cp ...
 * dev.switchboard.sandbox.SandboxMain [--port N] [--host H]}. Prints each simulator's address and
 * its demo connections; stops on Ctrl-C.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws Exception {
    SandboxConfig config = SandboxConfig.demo();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> config = config.withBasePort(Integer.parseInt(value(args, ++i)));
        case "--host" -> config = config.withHost(value(args, ++i));
        case "-h", "--help" -> {
          System.out.println(
              "usage: SandboxMain [--port N (0 = ephemeral, default)] [--host 127.0.0.1]");
          return;
        }
        default ->
            throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
      }
    }
    Vertx vertx = Vertx.vertx();
    Sandbox sandbox;
    try {
      sandbox =
          Sandbox.start(vertx, config)
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
    System.out.println("Switchboard sandbox running.");
    describe(sandbox, System.out);
    System.out.println("Press Ctrl-C to stop.");

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    sandbox
                        .close()
                        .compose(v -> vertx.close())
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                  } catch (Exception ignored) {
                    // exiting anyway
                  }
                  stopped.countDown();
                },
                "sandbox-shutdown"));
    stopped.await();
  }

  /** Each simulator: id, title, address, control API, then its demo connections as JSON. */
  public static void describe(Sandbox sandbox, PrintStream out) {
    for (Sandbox.Entry e : sandbox.entries()) {
      out.println(e.id() + ": " + e.title());
      out.println(
          "  listening on "
              + e.simulator().origin()
              + "  (stats: "
              + e.simulator().controlUrl()
              + "stats)");
      for (DemoConnection c : e.demoConnections()) {
        out.println("  connection " + c.name() + " (" + c.about() + "): " + c.config());
      }
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
    return args[i];
  }
}
