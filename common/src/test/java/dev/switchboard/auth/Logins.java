package dev.switchboard.auth;

import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A login the test completes by hand: each call is one pending {@link SingleSubject}. */
final class Logins implements Supplier<Single<Token<String>>> {
  private final List<SingleSubject<Token<String>>> calls = new CopyOnWriteArrayList<>();

  @Override
  public Single<Token<String>> get() {
    SingleSubject<Token<String>> s = SingleSubject.create();
    calls.add(s);
    return s;
  }

  int count() {
    return calls.size();
  }

  /** Completes login number {@code n} (1-based). */
  void succeed(int n, String value, Instant refreshAt, Instant expiresAt) {
    calls.get(n - 1).onSuccess(new Token<>(value, expiresAt, refreshAt));
  }

  void fail(int n, Throwable e) {
    calls.get(n - 1).onError(e);
  }

  boolean observed(int n) {
    return calls.get(n - 1).hasObservers();
  }
}
