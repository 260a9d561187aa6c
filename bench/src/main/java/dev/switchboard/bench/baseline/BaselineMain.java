package dev.switchboard.bench.baseline;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The hand-written baseline peer (bench/PEERS.md): per provider, {@code consumers} threads each
 * running a blocking {@link CommandLoop}; one shared HttpClient and one shared idempotent producer.
 * Prints {@code PEER READY} once every consumer has its first assignment; on SIGTERM the loops
 * finish and commit their batch, and the process exits 0.
 */
public final class BaselineMain {
  private BaselineMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: BaselineMain <peer.properties>");
      System.exit(2);
    }
    StderrLogging.install();
    PeerSettings settings = PeerSettings.load(Path.of(args[0]));
    KafkaProducer<String, byte[]> producer = KafkaSetup.producer(settings.bootstrapServers());
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Map<String, ProviderOperations> providers = new LinkedHashMap<>();
    if (settings.has("iqreseller")) {
      providers.put("iqreseller", iqReseller(settings, http));
    }
    if (settings.has("accountsiq")) {
      providers.put("accountsiq", accountsIq(settings, http));
    }
    if (settings.has("accengage")) {
      providers.put("accengage", accengage(settings, http));
    }
    int perProvider = settings.consumersPerProvider();
    CountDownLatch assigned = new CountDownLatch(providers.size() * perProvider);
    List<CommandLoop> loops = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    providers.forEach(
        (name, operations) -> {
          PeerSettings.ProviderTopics topics = settings.topics(name);
          ResultPublisher out = new ResultPublisher(producer, topics.results());
          for (int i = 0; i < perProvider; i++) {
            KafkaConsumer<String, byte[]> consumer =
                KafkaSetup.consumer(
                    settings.bootstrapServers(), topics.group(), "baseline-" + name + "-" + i);
            CommandLoop loop =
                new CommandLoop(
                    consumer, topics.commands(), operations, out, producer::flush, assigned);
            loops.add(loop);
            threads.add(new Thread(loop, "baseline-" + name + "-" + i));
          }
        });

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  loops.forEach(CommandLoop::stop);
                  for (Thread t : threads) {
                    try {
                      t.join(60_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  producer.close(Duration.ofSeconds(10));
                  System.out.flush();
                  // A JVM ended by SIGTERM exits 143 even after its hooks ran; the contract wants 0
                  // after
                  // a clean stop, and everything is committed and closed by now.
                  Runtime.getRuntime().halt(0);
                },
                "baseline-shutdown"));
    threads.forEach(Thread::start);
    assigned.await();
    System.out.println("PEER READY");
    System.out.flush();
  }

  private static ProviderOperations iqReseller(PeerSettings s, HttpClient http) {
    Map<String, String> apiKeys = new LinkedHashMap<>();
    s.connections("iqreseller").forEach((id, values) -> apiKeys.put(id, values.get("apiKey")));
    IqResellerSessions sessions =
        new IqResellerSessions(http, URI.create(s.required("iqreseller.sessionUrl")), apiKeys);
    return new IqResellerOperations(http, s.required("iqreseller.baseUrl"), sessions);
  }

  private static ProviderOperations accountsIq(PeerSettings s, HttpClient http) {
    Map<String, AccountsIqSessions.Credentials> credentials = new LinkedHashMap<>();
    s.connections("accountsiq")
        .forEach(
            (id, v) ->
                credentials.put(
                    id,
                    new AccountsIqSessions.Credentials(
                        v.get("companyId"), v.get("partnerKey"), v.get("userKey"))));
    SoapClient soap = new SoapClient(http, URI.create(s.required("accountsiq.endpoint")));
    long lifetimeMs = Long.parseLong(s.optional("accountsiq.tokenLifetimeMs", "1200000"));
    return new AccountsIqOperations(soap, new AccountsIqSessions(soap, credentials, lifetimeMs));
  }

  private static ProviderOperations accengage(PeerSettings s, HttpClient http) {
    Map<String, AccengageOperations.Account> accounts = new LinkedHashMap<>();
    s.connections("accengage")
        .forEach(
            (id, v) ->
                accounts.put(
                    id,
                    new AccengageOperations.Account(
                        v.get("email"), v.get("apiKey"), v.get("partnerId"))));
    return new AccengageOperations(http, s.required("accengage.baseUrl"), accounts);
  }
}
