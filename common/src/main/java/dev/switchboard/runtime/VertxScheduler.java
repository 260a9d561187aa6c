package dev.switchboard.runtime;

import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.vertx.core.Context;

/** An Rx scheduler whose tasks run on a Vert.x context's event loop, in submission order. */
public final class VertxScheduler {
  private VertxScheduler() {}

  public static Scheduler of(Context context) {
    return Schedulers.from(task -> context.runOnContext(v -> task.run()), false, true);
  }
}
