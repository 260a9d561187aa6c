package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.retry.Retry;
import dev.switchboard.retry.RetryPolicy;
import dev.switchboard.testing.MutableClock;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A connection's gate: bounded calls to a provider that is down, one pause for throttling. */
class ConnectionGateTest {
  private final TestScheduler scheduler = new TestScheduler();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Metrics metrics = new Metrics();
  private final AtomicInteger providerCalls = new AtomicInteger();
  private boolean providerUp;

  private final Retry retry =
      new Retry(
          new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(30)),
          scheduler,
          clock,
          e -> {});

  private ConnectionGate gate(ConnectionGate.Settings settings) {
    return new ConnectionGate("p", "c1", settings, clock, scheduler, metrics);
  }

  private Single<String> call() {
    return Single.defer(
        () -> {
          providerCalls.incrementAndGet();
          return providerUp
              ? Single.just("ok")
              : Single.error(
                  new ProviderCallException(
                      new Resolution(Action.RETRY, Category.PROVIDER, "PROVIDER_ERROR_503"),
                      "down",
                      null,
                      null,
                      null));
        });
  }

  private void advance(long millis) {
    for (long t = 0; t < millis; t += 100) {
      clock.advance(Duration.ofMillis(100));
      scheduler.advanceTimeBy(100, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void aProviderThatIsDownGetsABoundedNumberOfCallsWhateverTheQueue() {
    ConnectionGate gate = gate(ConnectionGate.Settings.DEFAULTS);
    List<String> answers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      retry.apply(gate.guard(call()), true, null).subscribe(answers::add, failures::add);
    }
    advance(20_000); // a 20 s outage
    // A few calls open the breaker; then one probe per 5 s open window, whatever the queue.
    assertThat(providerCalls.get()).isLessThanOrEqualTo(15);

    // Back up: the next probe closes the breaker, and the commands that were waiting for it
    // (never sent, so their attempts were not used up) are answered.
    providerUp = true;
    advance(6_000);
    assertThat(answers.size() + failures.size()).isEqualTo(100);
    assertThat(answers.size()).isGreaterThanOrEqualTo(90);
    assertThat(failures).allMatch(e -> e instanceof ProviderCallException);
  }

  @Test
  void whileOpenCallsAreRefusedWithTheTimeUntilTheProbe() {
    ConnectionGate gate = gate(new ConnectionGate.Settings(Duration.ofSeconds(5), null, null));
    for (int i = 0; i < 5; i++) {
      gate.guard(call()).test();
    }
    int before = providerCalls.get();
    TestObserver<String> refused = gate.guard(call()).test();
    refused.assertError(
        e ->
            e instanceof ProviderCallException p
                && p.code().equals("PROVIDER_UNAVAILABLE")
                && p.retryAfter().equals(Duration.ofSeconds(5).plus(ConnectionGate.OPEN_MARGIN))
                && p.retryable());
    assertThat(providerCalls.get()).isEqualTo(before); // never sent

    advance(5_100);
    providerUp = true;
    gate.guard(call()).test().assertValue("ok"); // the probe
    gate.guard(call()).test().assertValue("ok"); // closed again
  }

  @Test
  void onlyOneProbeAtATime() {
    ConnectionGate gate = gate(ConnectionGate.Settings.DEFAULTS);
    for (int i = 0; i < 5; i++) {
      gate.guard(call()).test();
    }
    advance(5_100);
    TestObserver<String> probe = gate.guard(Single.<String>never()).test(); // still running
    TestObserver<String> other = gate.guard(call()).test();
    other.assertError(
        e ->
            e instanceof ProviderCallException p
                && p.retryAfter().equals(ConnectionGate.PROBE_WAIT));
    probe.dispose(); // an abandoned probe gives its permission back
    providerUp = true;
    gate.guard(call()).test().assertValue("ok");
  }

  @Test
  void aThrottlingAnswerPausesTheWholeConnectionForItsRetryAfter() {
    ConnectionGate gate = gate(ConnectionGate.Settings.DEFAULTS);
    gate.guard(
            Single.error(
                new ProviderCallException(
                    new Resolution(
                        Action.RATE_LIMITED, Category.RATE_LIMITED, "PROVIDER_RATE_LIMITED"),
                    "slow down",
                    null,
                    Duration.ofSeconds(3),
                    null)))
        .test();
    providerUp = true;
    // Another command of the connection waits out the same pause, exactly.
    TestObserver<String> other = retry.apply(gate.guard(call()), true, null).test();
    advance(2_900);
    assertThat(providerCalls.get()).isZero();
    advance(200);
    other.assertValue("ok");
    // One whose deadline comes first fails at once, with the hint.
    gate.guard(
            Single.error(
                new ProviderCallException(
                    new Resolution(
                        Action.RATE_LIMITED, Category.RATE_LIMITED, "PROVIDER_RATE_LIMITED"),
                    "slow down",
                    null,
                    Duration.ofSeconds(40),
                    null)))
        .test();
    TestObserver<String> hurried =
        retry.apply(gate.guard(call()), true, clock.instant().plusSeconds(10)).test();
    hurried.assertError(
        e ->
            e instanceof ProviderCallException p
                && p.code().equals("PROVIDER_RATE_LIMITED")
                && p.retryAfter().getSeconds() >= 39);
  }

  @Test
  void theTokenBucketSpacesCallsBeyondTheBurst() {
    providerUp = true;
    ConnectionGate gate = gate(new ConnectionGate.Settings(Duration.ofSeconds(5), 2.0, 2));
    List<TestObserver<String>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(gate.guard(call()).test());
    }
    assertThat(providerCalls.get()).isEqualTo(2); // the burst
    advance(1_100);
    assertThat(providerCalls.get()).isEqualTo(4); // two more a second later
  }

  @Test
  void aCallThatWakesJustBeforeThePauseEndsWaitsTheRestInsteadOfFailing() {
    ConnectionGate gate = gate(ConnectionGate.Settings.DEFAULTS);
    gate.guard(
            Single.error(
                new ProviderCallException(
                    new Resolution(Action.RATE_LIMITED, Category.RATE_LIMITED, "AIQ_RATE_LIMITED"),
                    "slow down",
                    null,
                    null,
                    null)))
        .test();
    providerUp = true;
    clock.advance(ConnectionGate.DEFAULT_PAUSE.minusMillis(40)); // a timer firing a bit early
    TestObserver<String> early = gate.guard(call()).test();
    early.assertNoErrors();
    assertThat(providerCalls.get()).isZero();
    advance(100);
    early.assertValue("ok");
  }
}
