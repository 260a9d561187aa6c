package dev.switchboard.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.paging.PageNumberPaginator.Request;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.subjects.SingleSubject;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {
  private static final int PAGE = 3;
  private final List<Request> fetched = new CopyOnWriteArrayList<>();
  private final AtomicInteger pages = new AtomicInteger();

  /** A provider holding records 1..total, paged by number from 1. */
  private Flowable<Integer> records(int total, int maxPages) {
    return Paging.records(
        new PageNumberPaginator<Integer>(1, PAGE),
        q ->
            Single.fromCallable(
                () -> {
                  fetched.add(q);
                  int from = (q.page() - 1) * q.size() + 1;
                  return IntStream.rangeClosed(from, Math.min(total, from + q.size() - 1))
                      .boxed()
                      .toList();
                }),
        page -> page,
        maxPages,
        pages::incrementAndGet);
  }

  @Test
  void recordsComeInOrderAcrossPagesAndAShortPageEndsTheStream() {
    records(7, 100).test().assertResult(1, 2, 3, 4, 5, 6, 7);

    assertThat(fetched).extracting(Request::page).containsExactly(1, 2, 3);
    assertThat(pages.get()).isEqualTo(3);
  }

  @Test
  void exactMultipleOfThePageSizeEndsWithOneEmptyPage() {
    records(6, 100).test().assertResult(1, 2, 3, 4, 5, 6);

    assertThat(fetched).extracting(Request::page).containsExactly(1, 2, 3);
    assertThat(pages.get()).isEqualTo(3);
  }

  @Test
  void emptyResultIsOneEmptyPage() {
    records(0, 100).test().assertResult();
    assertThat(fetched).hasSize(1);
  }

  @Test
  void pageCapFailsInsteadOfFetchingForever() {
    TestSubscriber<Integer> ts = records(Integer.MAX_VALUE, 4).test();

    ts.assertError(
        e -> e instanceof SwitchboardException s && s.code().equals("PAGE_LIMIT_EXCEEDED"));
    assertThat(fetched).hasSize(4);
    assertThat(pages.get()).isEqualTo(4);
    assertThat(ts.values()).startsWith(1, 2, 3).hasSizeLessThanOrEqualTo(4 * PAGE);
  }

  @Test
  void streamEndingExactlyAtTheCapIsNotAnError() {
    records(2 * PAGE, 3).test().assertResult(1, 2, 3, 4, 5, 6); // pages 1, 2 and the empty 3
  }

  @Test
  void everySubscriptionStartsFromTheFirstPage() {
    Flowable<Integer> stream = records(4, 100);
    stream.test().assertResult(1, 2, 3, 4);
    stream.test().assertResult(1, 2, 3, 4);

    assertThat(fetched).extracting(Request::page).containsExactly(1, 2, 1, 2);
  }

  @Test
  void boundedDemandFetchesBoundedPagesAndNothingMoreWithoutDemand() {
    TestSubscriber<Integer> ts = new TestSubscriber<>(0);
    records(1000 * PAGE, 10_000).subscribe(ts);
    ts.request(1);

    ts.assertValuesOnly(1);
    int afterFirst = fetched.size();
    assertThat(afterFirst).isBetween(1, 3);

    ts.request(PAGE - 1); // the rest of page 1
    ts.assertValuesOnly(1, 2, 3);
    int afterPage1 = fetched.size();
    assertThat(afterPage1).isLessThanOrEqualTo(4);
    assertThat(fetched.size()).as("no fetch without demand").isEqualTo(afterPage1);

    ts.request(PAGE); // page 2
    ts.assertValuesOnly(1, 2, 3, 4, 5, 6);
    assertThat(fetched.size()).isLessThanOrEqualTo(afterPage1 + 1);
    ts.cancel();
  }

  @Test
  void pagesAreFetchedOneAtATimeEvenUnderUnboundedDemand() {
    List<SingleSubject<List<Integer>>> calls = new CopyOnWriteArrayList<>();
    TestSubscriber<Integer> ts =
        Paging.records(
                new PageNumberPaginator<Integer>(1, 2),
                q -> {
                  SingleSubject<List<Integer>> s = SingleSubject.create();
                  calls.add(s);
                  return s;
                },
                page -> page,
                100,
                () -> {})
            .test();

    assertThat(calls).hasSize(1);
    calls.get(0).onSuccess(List.of(1, 2));
    assertThat(calls).hasSize(2);
    calls.get(1).onSuccess(List.of(3));

    ts.assertResult(1, 2, 3);
    assertThat(calls).hasSize(2);
  }

  @Test
  void fetchFailureEndsTheStream() {
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicInteger calls = new AtomicInteger();
    Paging.records(
            new PageNumberPaginator<Integer>(1, 1),
            q ->
                calls.incrementAndGet() == 1
                    ? Single.just(List.of(1))
                    : Single.<List<Integer>>error(boom),
            page -> page,
            100,
            () -> {})
        .test()
        .assertFailure(IllegalStateException.class, 1);
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void fetchingRunsAtMostTwoPagesAheadOfDemand() {
    TestSubscriber<Integer> ts = new TestSubscriber<>(0);
    records(1000 * PAGE, 10_000).subscribe(ts);
    assertThat(fetched).hasSizeLessThanOrEqualTo(2); // nothing requested yet
    ts.request(PAGE);
    assertThat(ts.values()).containsExactly(1, 2, 3);
    assertThat(fetched).hasSizeLessThanOrEqualTo(3); // page 1 emitted, at most two ahead
    ts.request(PAGE * 10);
    assertThat(ts.values()).hasSize(PAGE * 11);
    assertThat(fetched).hasSizeLessThanOrEqualTo(13);
  }
}
