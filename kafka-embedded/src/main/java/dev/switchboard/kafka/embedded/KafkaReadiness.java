package dev.switchboard.kafka.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until a starting broker answers {@code describeCluster()} with itself in the node list. */
final class KafkaReadiness {
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private KafkaReadiness() {
    }

    /**
     * Polls with a deadline until ready, else throws {@link IllegalStateException}. {@code failure}
     * is checked between attempts and returns why to give up early (the broker died), or null.
     */
    static void await(String host, int port, Duration timeout, Supplier<Throwable> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String broker = host + ":" + port;
        // First plain TCP: an admin client would log a warning for every refused connection while the broker boots.
        Exception last = null;
        while (!listening(host, port)) {
            checkAlive(broker, deadline, failure, null);
            sleep(50, broker);
        }
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker,
                AdminClientConfig.CLIENT_ID_CONFIG, "switchboard-readiness",
                // Short per-call timeouts so the deadline and the failure check are honoured.
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
        try {
            while (true) {
                checkAlive(broker, deadline, failure, last);
                try {
                    if (admin.describeCluster().nodes().get(2_000, TimeUnit.MILLISECONDS).stream()
                            .anyMatch(node -> node.id() == KafkaNodeDir.NODE_ID)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted waiting for Kafka broker at " + broker, e);
                }
                sleep(100, broker);
            }
        } finally {
            // Bounded: the default close waits for pending calls without limit.
            admin.close(Duration.ofSeconds(2));
        }
    }

    private static void checkAlive(String broker, long deadline, Supplier<Throwable> failure, Exception last) {
        Throwable reason = failure.get();
        if (reason != null) {
            Throwable root = reason;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalStateException("Kafka broker at " + broker + " failed to start: " + root, reason);
        }
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("Kafka broker at " + broker + " not ready in time", last);
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void sleep(long millis, String broker) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for Kafka broker at " + broker, e);
        }
    }
}
