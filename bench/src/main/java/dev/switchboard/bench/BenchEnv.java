package dev.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every system under test shares in one benchmark run: the broker, the sandbox, where the
 * project's built jars are and where logs go.
 *
 * @param aiqCompanies AccountsIQ companies (connections {@code c1..cN}) for W4
 * @param tokenLifetime AccountsIQ Login token lifetime, the same at the simulator and in every
 *     system's configuration (W4 compresses 20 minutes into {@link #TIME_SCALE} times less)
 */
record BenchEnv(
    BenchBroker broker,
    BenchSandbox sandbox,
    Path projectDir,
    Path workDir,
    int aiqCompanies,
    Duration tokenLifetime) {

  /** Simulated seconds per real second in W4: a 20-minute token lives 20 real seconds. */
  static final int TIME_SCALE = 60;

  static final Duration SIMULATED_TOKEN_LIFETIME = Duration.ofMinutes(20);

  static Duration realTokenLifetime() {
    return SIMULATED_TOKEN_LIFETIME.dividedBy(TIME_SCALE);
  }
}
