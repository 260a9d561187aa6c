package dev.switchboard.sandbox;

import dev.switchboard.sandbox.accengage.AccengageSimulator;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerSimulator;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Standalone sandbox with the demo tenants:
 * {@code java -cp ... dev.switchboard.sandbox.SandboxMain [--port N] [--host H]}.
 * Prints the connection URLs and the demo API keys; stops on Ctrl-C.
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
          System.out.println("usage: SandboxMain [--port N (0 = ephemeral, default)] [--host 127.0.0.1]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
      }
    }
    Vertx vertx = Vertx.vertx();
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(vertx, config).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
    IqResellerSimulator iqr = sandbox.iqReseller();
    System.out.println("Switchboard sandbox running. IQ Reseller simulator:");
    System.out.println("  sessionUrl: " + iqr.sessionUrl());
    System.out.println("  baseUrl:    " + iqr.baseUrl());
    System.out.println("  apiKey:     " + SandboxConfig.DEMO_IQ_RESELLER_API_KEY + "  (demo tenant acme)");
    System.out.println("  control:    " + iqr.controlUrl() + "stats");
    AccengageSimulator acc = sandbox.accengage();
    System.out.println("Accengage simulator (requests signed: SHA-1 of body + API key + Accengage-Time):");
    System.out.println("  baseUrl:    " + acc.baseUrl());
    System.out.println("  email:      " + SandboxConfig.DEMO_ACCENGAGE_EMAIL);
    System.out.println("  apiKey:     " + SandboxConfig.DEMO_ACCENGAGE_API_KEY + "  (demo user)");
    System.out.println("  partnerId:  " + SandboxConfig.DEMO_ACCENGAGE_PARTNER_ID);
    System.out.println("  control:    " + acc.controlUrl() + "stats");
    var aiq = sandbox.accountsIq();
    System.out.println("AccountsIQ simulator (SOAP 1.1, entity " + AccountsIqConfig.DEMO_COMPANY_ID
        + "):");
    System.out.println("  1.1 endpoint: " + aiq.endpoint11() + "  (Login "
        + AccountsIqConfig.DEMO_PARTNER_KEY + " / " + AccountsIqConfig.DEMO_USER_KEY + ")");
    System.out.println("  2.0 endpoint: " + aiq.endpoint20() + "  (TokenGet "
        + AccountsIqConfig.DEMO_CLIENT_ID + " / " + AccountsIqConfig.DEMO_CLIENT_SECRET + ")");
    System.out.println("Press Ctrl-C to stop.");

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        sandbox.close().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // exiting anyway
      }
      stopped.countDown();
    }, "sandbox-shutdown"));
    stopped.await();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
    return args[i];
  }
}
