package dev.switchboard.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Choosing the ports of embedded brokers, and recognising that a broker could not bind one.
 *
 * <p>A port is chosen by binding port 0 and closing the socket again; the broker binds it a moment
 * later, in this JVM or in a child. Another process (a second platform, a second test JVM) can take
 * it in between: the port cannot be held across that gap, because Kafka opens its own server
 * sockets. So the broker's own bind is the arbiter: a start whose broker fails with a {@link
 * BindException} inside is retried with newly chosen ports, at most {@value #MAX_ATTEMPTS} times,
 * but only for the ports this code chose (see {@link KafkaNodeDir}).
 */
final class KafkaPorts {
  /** Starts per broker before a bind failure is final; each retry has newly chosen ports. */
  static final int MAX_ATTEMPTS = 5;

  /** Ports already handed out in this JVM: two brokers starting together never get the same one. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /** The chooser; a test seam (replace it to hand out a port the test holds, then restore it). */
  static volatile IntSupplier chooser = KafkaPorts::freePort;

  private KafkaPorts() {}

  /** A port believed free on {@link KafkaNodeDir#HOST}; nothing holds it once this returns. */
  static int choose() {
    return chooser.getAsInt();
  }

  /** The default chooser: a free ephemeral port, never one this JVM handed out before. */
  static int freePort() {
    // The OS may return a port it returned a moment ago (it was closed again): skip those.
    for (int i = 0; i < 100; i++) {
      int port = bindAndRelease();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException(
        "No free port on " + KafkaNodeDir.HOST + " that this JVM has not handed out yet");
  }

  /**
   * Whether something on this machine listens on {@code port} of {@link KafkaNodeDir#HOST} right
   * now. Binds it the way Kafka does (SO_REUSEADDR, as Java sets it on server sockets), so sockets
   * left in TIME_WAIT by a broker that just stopped do not count.
   */
  static boolean inUse(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(KafkaNodeDir.HOST, port), 1);
      return false;
    } catch (BindException taken) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot probe port " + port + " on " + KafkaNodeDir.HOST, e);
    }
  }

  /**
   * Whether {@code failure} is, or was caused by, a failed bind: Kafka wraps the {@link
   * BindException} of its socket server in a KafkaException, itself wrapped by the broker's
   * startup. A child JVM reports it with an exit code, turned into a BindException by the parent.
   */
  static boolean isBindFailure(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (isBindFailure(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int bindAndRelease() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(KafkaNodeDir.HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on " + KafkaNodeDir.HOST, e);
    }
  }
}
