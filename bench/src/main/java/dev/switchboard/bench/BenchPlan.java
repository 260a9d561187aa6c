package dev.switchboard.bench;

/**
 * How big each workload is. {@link #full()} is what the issue asks for; {@link #smoke()} runs every
 * code path in a few minutes to check the harness, and its numbers mean little.
 *
 * @param c1Records C1's records over all its streams: each of N streams has 1/N of them
 * @param c2Commands C2's {@code items.get} commands per point of the curve
 */
record BenchPlan(
    String name,
    int runs,
    String heap,
    int w1Commands,
    int w1Warmup,
    int w1Window,
    long w2Records,
    long w3QuotaBytesPerSecond,
    String w3Heap,
    int w4Connections,
    int w4Commands,
    double w4SteadyPerSecond,
    int w4ShortMinutes,
    int w4LongMinutes,
    long w5Customers,
    long w6Devices,
    long c1Records,
    int c2Commands) {

  static BenchPlan full() {
    return new BenchPlan(
        "full", 3, "512m", 20_000, 20_000, 512, 1_000_000, 8L << 20, "128m", 10, 1_000, 20, 10, 60,
        100_000, 250_000, 1_000_000, 20_000);
  }

  static BenchPlan smoke() {
    return new BenchPlan(
        "smoke", 1, "512m", 1_000, 500, 512, 50_000, 8L << 20, "128m", 10, 1_000, 20, 10, 20, 5_000,
        5_000, 48_000, 1_000);
  }

  BenchPlan withRuns(int n) {
    return new BenchPlan(
        name,
        n,
        heap,
        w1Commands,
        w1Warmup,
        w1Window,
        w2Records,
        w3QuotaBytesPerSecond,
        w3Heap,
        w4Connections,
        w4Commands,
        w4SteadyPerSecond,
        w4ShortMinutes,
        w4LongMinutes,
        w5Customers,
        w6Devices,
        c1Records,
        c2Commands);
  }
}
