package dev.switchboard.http;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.HeldBackException;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.json.Json;
import dev.switchboard.metrics.Metrics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What stands between one connection's commands and its provider, so that a provider that is down
 * or throttling is treated as a good citizen would, whatever the number of queued commands:
 *
 * <ul>
 *   <li>a circuit breaker (resilience4j): when half of the last 10 calls (at least 5) failed with a
 *       provider or transport error, it opens for {@link Settings#openFor}; calls then do not reach
 *       the provider but fail with {@code PROVIDER_UNAVAILABLE} and the time until the breaker lets
 *       one probe through ({@code retryAfter}), so every command of the connection waits for the
 *       same moment instead of each backing off on its own; one probe at a time decides whether it
 *       closes;
 *   <li>the provider's own throttling signal (429, a rate-limit code) pauses the whole connection
 *       for the {@code Retry-After} it gave (1 s when it gave none);
 *   <li>an optional token bucket ({@link Settings#perSecond}, {@link Settings#burst}).
 * </ul>
 *
 * Thread-safe (the breaker and bucket are lock-free); waits are timers on the scheduler.
 */
public final class ConnectionGate {
  /** The gate's settings; a null {@code perSecond} means no rate limit. */
  public record Settings(Duration openFor, Double perSecond, Integer burst) {
    public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(5), null, null);
  }

  /** Pause of the connection after a throttling answer without a {@code Retry-After}. */
  static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

  /** While the one probe runs, other calls look again this often. */
  static final Duration PROBE_WAIT = Duration.ofMillis(200);

  static final Duration OPEN_MARGIN = Duration.ofMillis(50);

  /** A pause this short is waited here, not handed to the retry. */
  static final Duration SHORT_WAIT = Duration.ofMillis(100);

  private final String provider;
  private final String connection;
  private final Settings settings;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Metrics metrics;
  private final CircuitBreaker breaker;
  private final RateLimiter bucket;
  private final AtomicReference<Instant> openedAt = new AtomicReference<>(Instant.EPOCH);
  private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);

  public ConnectionGate(
      String provider,
      String connection,
      Settings settings,
      Clock clock,
      Scheduler scheduler,
      Metrics metrics) {
    this.provider = provider;
    this.connection = connection;
    this.settings = settings;
    this.clock = clock;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.breaker =
        CircuitBreaker.of(
            provider + "/" + connection,
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            e -> {
              if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.set(clock.instant());
              }
              metrics.increment(
                  "switchboard_breaker_transitions_total",
                  "Circuit breaker state changes",
                  "provider",
                  provider,
                  "connection",
                  connection,
                  "to",
                  e.getStateTransition().getToState().name());
            });
    metrics.gauge(
        "switchboard_breaker_state",
        "Circuit breaker: 0 closed, 1 open, 2 half-open",
        () ->
            switch (breaker.getState()) {
              case OPEN, FORCED_OPEN -> 1;
              case HALF_OPEN -> 2;
              default -> 0;
            },
        "provider",
        provider,
        "connection",
        connection);
    this.bucket =
        settings.perSecond() == null
            ? null
            : RateLimiter.of(
                connection,
                RateLimiterConfig.custom()
                    .limitForPeriod(Math.max(1, burst(settings)))
                    .limitRefreshPeriod(
                        Duration.ofNanos((long) (burst(settings) * 1e9 / settings.perSecond())))
                    .timeoutDuration(Duration.ofDays(1))
                    .build());
  }

  private static int burst(Settings s) {
    return s.burst() != null ? s.burst() : (int) Math.max(1, Math.ceil(s.perSecond()));
  }

  /** {@code call} once the gate lets it through; its outcome tells the breaker. */
  public <T> Single<T> guard(Single<T> call) {
    return admit()
        .andThen(
            Single.defer(
                () -> {
                  Outcome outcome = new Outcome(System.nanoTime());
                  return call.doOnSuccess(v -> outcome.settle(null))
                      .doOnError(outcome::settle)
                      .doOnDispose(outcome::abandon);
                }));
  }

  /** A streamed answer: judged by its first item, its error before any, or its end. */
  public <T> Flowable<T> guard(Flowable<T> call) {
    return admit()
        .andThen(
            Flowable.defer(
                () -> {
                  Outcome outcome = new Outcome(System.nanoTime());
                  return call.doOnNext(v -> outcome.settle(null))
                      .doOnComplete(() -> outcome.settle(null))
                      .doOnError(outcome::settle)
                      .doOnCancel(outcome::abandon);
                }));
  }

  private Completable admit() {
    return Completable.defer(
        () -> {
          Instant now = clock.instant();
          Instant until = pausedUntil.get();
          if (now.isBefore(until)) {
            Duration left = Duration.between(now, until);
            if (left.compareTo(SHORT_WAIT) <= 0) {
              // A retry that waited the pause may wake a hair early: just wait the rest here.
              return wait(left.plusMillis(1), "throttled").andThen(admit());
            }
            // The retry waits it out exactly, or fails at once if the command's deadline is sooner.
            metrics.increment(
                "switchboard_connection_waits_total",
                "Calls held back before reaching the provider",
                "provider",
                provider,
                "connection",
                connection,
                "reason",
                "throttled");
            return Completable.error(throttled(left));
          }
          if (!breaker.tryAcquirePermission()) {
            metrics.increment(
                "switchboard_breaker_refused_total",
                "Calls not sent because the circuit breaker was open",
                "provider",
                provider,
                "connection",
                connection);
            return Completable.error(unavailable(now));
          }
          long nanos = bucket == null ? 0 : bucket.reservePermission();
          return nanos <= 0 ? Completable.complete() : wait(Duration.ofNanos(nanos), "rate_limit");
        });
  }

  private Completable wait(Duration d, String why) {
    metrics.increment(
        "switchboard_connection_waits_total",
        "Calls held back before reaching the provider",
        "provider",
        provider,
        "connection",
        connection,
        "reason",
        why);
    return Completable.timer(Math.max(1, d.toMillis()), TimeUnit.MILLISECONDS, scheduler);
  }

  /** The connection is paused by the provider's throttling: the call was not sent. */
  private HeldBackException throttled(Duration left) {
    return new HeldBackException(
        new Resolution(Action.RATE_LIMITED, Category.RATE_LIMITED, "PROVIDER_RATE_LIMITED"),
        provider
            + " connection "
            + connection
            + " is throttled: the "
            + "provider asked to wait before the next call",
        Json.object().put("paused", true),
        left);
  }

  /** Retried like throttling (the call was never sent), at the moment the probe may go. */
  private HeldBackException unavailable(Instant now) {
    // Open: just past the end of the open window (the breaker lets a probe through only after
    // it). Half-open with the probe running: soon, to learn how the probe went.
    Duration left = Duration.between(now, openedAt.get().plus(settings.openFor()));
    Duration retryAfter =
        breaker.getState() == CircuitBreaker.State.OPEN && !left.isNegative() && !left.isZero()
            ? left.plus(OPEN_MARGIN)
            : PROBE_WAIT;
    return new HeldBackException(
        new Resolution(Action.RATE_LIMITED, Category.TRANSIENT, "PROVIDER_UNAVAILABLE"),
        provider
            + " connection "
            + connection
            + " is failing: the "
            + "circuit breaker holds calls back until its next probe",
        Json.object().put("breaker", breaker.getState().name()),
        retryAfter);
  }

  /** The result of one admitted call, told to the breaker exactly once. */
  private final class Outcome {
    private final long startNanos;
    private final AtomicBoolean told = new AtomicBoolean();

    Outcome(long startNanos) {
      this.startNanos = startNanos;
    }

    void settle(Throwable e) {
      if (!told.compareAndSet(false, true)) {
        return;
      }
      long nanos = System.nanoTime() - startNanos;
      if (e instanceof ProviderCallException p && p.action() == Action.RETRY) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, e); // down, or not answering
        return;
      }
      if (e instanceof ProviderCallException p && p.action() == Action.RATE_LIMITED) {
        pause(p.retryAfter() != null ? p.retryAfter() : DEFAULT_PAUSE);
      }
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS); // it answered
    }

    void abandon() {
      if (told.compareAndSet(false, true)) {
        breaker.releasePermission();
      }
    }
  }

  private void pause(Duration d) {
    Instant until = clock.instant().plus(d);
    pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    metrics.increment(
        "switchboard_connection_pauses_total",
        "Throttling answers that paused the whole connection",
        "provider",
        provider,
        "connection",
        connection);
  }
}
