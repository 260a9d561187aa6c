package dev.switchboard.paging;

import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Paged provider results as one cold, demand-driven stream of records.
 *
 * <p>Demand: pages are fetched one at a time, and fetching runs at most two pages ahead of the
 * records requested downstream (one page being emitted, one fetched and waiting; RxJava's {@code
 * concatMapSingle} starts the next fetch as soon as it hands a page on). Without demand, fetching
 * stops. So memory holds about three pages, however long the stream. A page cap guards against
 * providers (or bugs) that never end.
 */
public final class Paging {
  private Paging() {}

  private record Fetched<P>(P page, boolean last) {}

  /**
   * @param paginator the strategy
   * @param fetch fetches one page; cold (called per subscription, and per retry if retried)
   * @param records the records of a page, in provider order
   * @param maxPages fail with {@code PAGE_LIMIT_EXCEEDED} rather than fetch more pages than this
   * @param onPage called once per fetched page (counts pages for the {@code completed} event)
   */
  public static <Q, P, R> Flowable<R> records(
      Paginator<Q, P> paginator,
      Function<Q, Single<P>> fetch,
      Function<P, ? extends Iterable<R>> records,
      int maxPages,
      Runnable onPage) {
    return Flowable.defer(
        () -> {
          AtomicReference<Q> next = new AtomicReference<>(paginator.first());
          return Flowable.range(0, Integer.MAX_VALUE)
              .concatMapSingle(
                  i -> {
                    if (i >= maxPages) {
                      return Single.error(
                          new SwitchboardException(
                              "PAGE_LIMIT_EXCEEDED",
                              Category.PROVIDER,
                              "provider kept returning pages past the cap of " + maxPages));
                    }
                    Q q = next.get();
                    return fetch
                        .apply(q)
                        .map(
                            page -> {
                              onPage.run();
                              Q following = paginator.next(q, page);
                              next.set(following);
                              return new Fetched<>(page, following == null);
                            });
                  },
                  1)
              .takeUntil((Fetched<P> f) -> f.last())
              .concatMapIterable(f -> records.apply(f.page()), 1);
        });
  }
}
