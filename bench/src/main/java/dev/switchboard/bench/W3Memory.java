package dev.switchboard.bench;

import java.time.Duration;
import java.util.List;

/**
 * W3: W2 on Switchboard with a 128 MB heap while the broker throttles every producer (a quota), so
 * results pile up unless backpressure reaches the provider calls. Peak heap (from the GC log), peak
 * RSS (VmHWM), and whether it finished.
 */
final class W3Memory {
  private W3Memory() {}

  static String run(BenchEnv env, BenchPlan plan) throws Exception {
    Samples seconds = new Samples();
    Samples rate = new Samples();
    Samples heapBefore = new Samples();
    Samples heapAfter = new Samples();
    Samples rss = new Samples();
    StringBuilder finished = new StringBuilder();
    env.broker().producerQuota(plan.w3QuotaBytesPerSecond());
    try {
      for (int run = 1; run <= plan.runs(); run++) {
        ChildJvm jvm = Sut.SWITCHBOARD.start(env, plan.w3Heap(), "w3-" + run);
        try (CommandDriver d =
            new CommandDriver(
                env.broker().bootstrap(),
                Sut.SWITCHBOARD.commandsTopic("iqreseller"),
                Sut.SWITCHBOARD.resultsTopic("iqreseller"))) {
          String id = "w3-" + run;
          String json =
              "{\"id\":\""
                  + id
                  + "\",\"operation\":\"inventory.list\",\"connection\":\"t2\","
                  + "\"params\":{\"pageSize\":2000}}";
          CommandDriver.Outcome o =
              d.run(
                  List.of(new CommandDriver.Command(id, "t2", json)), 1, 0, Duration.ofMinutes(30));
          seconds.add(o.wallNanos() / 1e9);
          rate.add(o.recordEvents() / (o.wallNanos() / 1e9));
          rss.add(ProcessMeter.peakRssMiB(jvm.pid()));
          boolean ok = o.completed() == 1 && o.recordEvents() == plan.w2Records() && jvm.isAlive();
          finished
              .append(finished.length() == 0 ? "" : ", ")
              .append(
                  ok ? "yes" : "NO (" + o.recordEvents() + " records, " + o.failureCodes() + ")");
        } finally {
          jvm.close();
        }
        ProcessMeter.HeapPeaks h = ProcessMeter.heapPeaks(jvm.gcLog());
        heapBefore.add(h.beforeGcMiB());
        heapAfter.add(h.afterGcMiB());
        Progress.say(
            "W3 run %d: %s s, heap peak %s MiB, live %s MiB",
            run,
            Samples.num(seconds.max(), 1),
            Samples.num(h.beforeGcMiB(), 0),
            Samples.num(h.afterGcMiB(), 0));
      }
    } finally {
      env.broker().producerQuota(null);
    }
    MarkdownTable t =
        new MarkdownTable(
            "seconds",
            "records/s",
            "peak heap before GC, MiB",
            "peak heap after GC, MiB",
            "peak RSS, MiB",
            "finished");
    t.row(
        seconds.show(1),
        rate.show(0),
        heapBefore.show(0),
        heapAfter.show(0),
        rss.show(0),
        finished.toString());
    return "## W3 — memory under backpressure\n\nW2's stream ("
        + Samples.num(plan.w2Records(), 0)
        + " records) on Switchboard in a fresh JVM with `-Xms"
        + plan.w3Heap()
        + " -Xmx"
        + plan.w3Heap()
        + "`, while the broker throttles every producer to "
        + Samples.num(plan.w3QuotaBytesPerSecond() / 1048576.0, 0)
        + " MiB/s (`producer_byte_rate` quota, counted on the wire: Switchboard's batches are lz4-compressed). Heap from the JVM's GC log (`-Xlog:gc`): the highest occupancy "
        + "seen before a collection (bounded by the heap size) and the highest left after one (an upper bound of what was live: a young collection leaves old garbage). "
        + "RSS is the kernel's VmHWM for the whole process.\n\n"
        + t
        + "\n";
  }
}
