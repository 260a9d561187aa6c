package dev.switchboard.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;

/**
 * This instance's stable identity, used as Kafka static membership ({@code group.instance.id}), so
 * that an instance restarted after a crash takes its partitions back at once instead of waiting out
 * its dead predecessor's session.
 *
 * <p>{@value #ENV} wins (a StatefulSet pod name, say). Without it, an identity is generated on the
 * first start and kept in {@value #FILE} in the data directory, so the same machine and data
 * directory come back as the same member. Two live instances must never share one: the older is
 * fenced and stops with an error.
 */
final class InstanceIdentity {
  static final String ENV = "SWITCHBOARD_INSTANCE_ID";
  static final String FILE = "instance-id";

  /** Kafka's rule for {@code group.instance.id}. */
  private static final String VALID = "[a-zA-Z0-9._-]{1,249}";

  private InstanceIdentity() {}

  static String resolve(Map<String, String> env, Path dataDir) throws IOException {
    String given = env.get(ENV);
    if (given != null && !given.isBlank()) {
      return check(given.trim(), ENV);
    }
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      return check(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
    }
    String id = "switchboard-" + UUID.randomUUID();
    Files.createDirectories(dataDir);
    // Written whole or not at all: a crash mid-write must not leave a half identity behind.
    Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
    Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return id;
  }

  private static String check(String id, String source) {
    if (!id.matches(VALID)) {
      throw new IllegalArgumentException(
          source
              + ": instance id must be 1 to 249 characters "
              + "of a-z, A-Z, 0-9, '.', '_' and '-'");
    }
    return id;
  }
}
