package dev.switchboard.testing.scenario;

import io.reactivex.rxjava3.core.Single;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where the scenario connector's writes are applied: a file shared by every instance (each write
 * one appended line, so instances in other JVMs count too), or memory. Counting the keys tells a
 * test how often each write was applied.
 */
public final class WriteLog {
  private final Vertx vertx;
  private final String file;
  private final ConcurrentLinkedQueue<String> memory = new ConcurrentLinkedQueue<>();

  WriteLog(Vertx vertx, String file) {
    this.vertx = vertx;
    this.file = file;
  }

  /** Applies one write (non-blocking); succeeds once it is recorded. */
  Single<Integer> append(String key) {
    if (file == null) {
      memory.add(key);
      return Single.just(1);
    }
    // O_APPEND (which Vert.x's AsyncFile does not use: it writes at the size it saw when
    // opened, so concurrent writers overwrite each other): one whole line per write, even with
    // several processes appending. Blocking, so off the event loop.
    return Single.create(
        emitter ->
            vertx
                .executeBlocking(
                    () ->
                        Files.write(
                            Path.of(file),
                            (key + "\n").getBytes(StandardCharsets.UTF_8),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND,
                            StandardOpenOption.WRITE))
                .onSuccess(v -> emitter.onSuccess(1))
                .onFailure(emitter::onError));
  }

  /** How often each key was applied, from a write-log file. */
  public static Map<String, Long> counts(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.stream()
        .filter(l -> !l.isEmpty())
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
  }
}
