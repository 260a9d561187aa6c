package dev.switchboard.sandbox;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The draws of one {@link RandomFaults} mode for one tenant: two seeded random streams, one for the
 * calls and one for the applied writes, so a run is reproducible in its fractions and the n-th
 * applied write of a tenant always gets the same draw, however calls and writes interleave.
 * Thread-safe (draws are serialised).
 */
public final class FaultDice {
  /** What a provider call gets, decided before it runs. */
  public enum Call {
    /** Served normally. */
    SERVE,
    /** A server error (5xx, or a {@code soap:Server} fault); nothing is applied. */
    SERVER_ERROR,
    /** Throttled (429, or AccountsIQ's in-band rate limit); nothing is applied. */
    RATE_LIMIT,
    /** Held past the client's timeout, then the connection is closed; nothing is applied. */
    TIMEOUT
  }

  /** Names of the fault kinds in the simulators' stats ({@code faultsByKind}). */
  public static final String SERVER_ERROR = "serverError";

  public static final String RATE_LIMIT = "rateLimit";
  public static final String TIMEOUT = "timeout";
  public static final String LOST_ANSWER = "lostAnswer";

  private final RandomFaults faults;
  private final SplittableRandom calls;
  private final SplittableRandom writes;

  public FaultDice(RandomFaults faults) {
    this.faults = faults;
    this.calls = new SplittableRandom(SeededRandom.mix(faults.seed() ^ 0x5DEECE66DL));
    this.writes = calls.split();
  }

  public RandomFaults faults() {
    return faults;
  }

  /**
   * The fate of one call. {@code authCall}: a login or token request, which draws only when {@link
   * RandomFaults#authCalls()} is true.
   */
  public synchronized Call roll(boolean authCall) {
    if (authCall && !faults.authCalls()) return Call.SERVE;
    double u = calls.nextDouble();
    if (u < faults.serverErrors()) return Call.SERVER_ERROR;
    u -= faults.serverErrors();
    if (u < faults.rateLimits()) return Call.RATE_LIMIT;
    u -= faults.rateLimits();
    if (u < faults.timeouts()) return Call.TIMEOUT;
    return Call.SERVE;
  }

  /** Whether the answer of a write that was just applied is lost. */
  public synchronized boolean loseAnswer() {
    return faults.lostAnswers() > 0 && writes.nextDouble() < faults.lostAnswers();
  }

  /** The stats name of a call fault, or null for {@link Call#SERVE}. */
  public static String kind(Call call) {
    return switch (call) {
      case SERVER_ERROR -> SERVER_ERROR;
      case RATE_LIMIT -> RATE_LIMIT;
      case TIMEOUT -> TIMEOUT;
      case SERVE -> null;
    };
  }

  /**
   * One tenant's dice, one per fault mode in use (the tenant's scenario, or a request's override).
   * Forget them when the tenant's scenario is replaced, so the draws start again from the seed.
   */
  public static final class PerTenant {
    private final Map<RandomFaults, FaultDice> dice = new ConcurrentHashMap<>();

    /** The dice of {@code faults}, or null when it is null or cannot fire. */
    public FaultDice of(RandomFaults faults) {
      if (faults == null || !faults.active()) return null;
      return dice.computeIfAbsent(faults, FaultDice::new);
    }

    public void clear() {
      dice.clear();
    }
  }
}
