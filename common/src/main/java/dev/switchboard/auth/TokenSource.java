package dev.switchboard.auth;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The credential of one (provider, connection). Concurrent callers share one in-flight login (a
 * shared {@link SingleSubject}, never a lock); a token due for refresh is renewed in the background
 * while callers keep using it; an expired one is renewed before use; a provider expiry signal
 * invalidates it and the call is retried once with a new one.
 *
 * <p>A login never leaves an orphan session behind: it runs on its own, whatever its callers do, so
 * a login whose callers gave up ({@link #withLoginWait}: the provider is slow to answer) still
 * stores the session it gets when its answer arrives late; that session is used by the next
 * commands, or ended by {@link #close} at stop.
 *
 * @param <T> the token type
 */
public final class TokenSource<T> {
  private record State<T>(Token<T> token, SingleSubject<Token<T>> inflight) {}

  private final Supplier<Single<Token<T>>> login;
  private final Clock clock;
  private final AtomicReference<State<T>> state = new AtomicReference<>(new State<>(null, null));
  private Duration loginWait;
  private Scheduler scheduler;

  /**
   * @param login obtains a new token; called at most once at a time
   * @param clock the clock lifetimes are measured with
   */
  public TokenSource(Supplier<Single<Token<T>>> login, Clock clock) {
    this.login = login;
    this.clock = clock;
  }

  /**
   * Callers wait at most {@code wait} for a login in flight; then they fail with {@code
   * PROVIDER_TIMEOUT} (retried like any timeout) while the login goes on, so its late answer is
   * kept rather than lost with an open session at the provider. Give the login's own HTTP call a
   * longer timeout than this.
   */
  public TokenSource<T> withLoginWait(Duration wait, Scheduler timers) {
    this.loginWait = wait;
    this.scheduler = timers;
    return this;
  }

  /** A usable token: the current one, or the result of the one shared login. */
  public Single<T> token() {
    return Single.defer(
        () -> {
          State<T> s = state.get();
          Instant now = clock.instant();
          if (s.token() != null && !s.token().expired(now)) {
            if (s.token().dueForRefresh(now) && s.inflight() == null) {
              renew(s).subscribe(t -> {}, e -> {}); // background; failure leaves the old token
            }
            return Single.just(s.token().value());
          }
          SingleSubject<Token<T>> pending = s.inflight() != null ? s.inflight() : renew(s);
          Single<T> value = pending.map(Token::value);
          return loginWait == null
              ? value
              : value.timeout(
                  loginWait.toMillis(),
                  TimeUnit.MILLISECONDS,
                  scheduler,
                  Single.error(
                      () ->
                          new ProviderCallException(
                              new Resolution(Action.RETRY, Category.TRANSIENT, "PROVIDER_TIMEOUT"),
                              "the login "
                                  + "did not answer within "
                                  + loginWait.toMillis()
                                  + " ms; it goes on, and its "
                                  + "session is kept when it answers",
                              null,
                              null,
                              null)));
        });
  }

  /**
   * Runs {@code call} with a token; if it fails with the provider's expiry signal, invalidates that
   * token and runs it once more with a new one. A second expiry signal is returned as is.
   */
  public <R> Single<R> withToken(Function<T, Single<R>> call) {
    return token()
        .flatMap(
            t ->
                call.apply(t)
                    .onErrorResumeNext(
                        e -> {
                          if (!ProviderCallException.isAuthExpiry(e)) {
                            return Single.error(e);
                          }
                          invalidate(t);
                          return token().flatMap(call::apply);
                        }));
  }

  /**
   * {@link #withToken} for a streamed answer: the one replay with a new token happens only if the
   * expiry signal came before any item (AccountsIQ reports an expired token in the result header,
   * before the records), so nothing is emitted twice.
   */
  public <R> Flowable<R> withTokenStream(Function<T, Flowable<R>> call) {
    return token()
        .flatMapPublisher(
            t ->
                Flowable.defer(
                    () -> {
                      boolean[] emitted = {false};
                      return call.apply(t)
                          .doOnNext(x -> emitted[0] = true)
                          .onErrorResumeNext(
                              e -> {
                                if (emitted[0] || !ProviderCallException.isAuthExpiry(e)) {
                                  return Flowable.error(e);
                                }
                                invalidate(t);
                                return token().flatMapPublisher(call::apply);
                              });
                    }));
  }

  /** Forgets {@code stale} if it is still the current token; a newer one is kept. */
  public void invalidate(T stale) {
    state.updateAndGet(
        s ->
            s.token() != null && s.token().value().equals(stale)
                ? new State<>(null, s.inflight())
                : s);
  }

  /** The current token if any, for logging out; does not log in. */
  public T current() {
    Token<T> t = state.get().token();
    return t == null ? null : t.value();
  }

  /** Forgets the token and runs {@code logout} with it, if there was one. */
  public Completable close(Function<T, Completable> logout) {
    return Completable.defer(
        () -> {
          State<T> s = state.getAndSet(new State<>(null, null));
          return s.token() == null ? Completable.complete() : logout.apply(s.token().value());
        });
  }

  /** Starts the one login, or joins the one another caller started first. */
  private SingleSubject<Token<T>> renew(State<T> seen) {
    SingleSubject<Token<T>> subject = SingleSubject.create();
    if (!state.compareAndSet(seen, new State<>(seen.token(), subject))) {
      State<T> now = state.get();
      if (now.inflight() != null) {
        return now.inflight();
      }
      if (now.token() != null && !now.token().expired(clock.instant())) {
        SingleSubject<Token<T>> done = SingleSubject.create();
        done.onSuccess(now.token()); // another caller renewed it meanwhile
        return done;
      }
      return renew(now);
    }
    // Match on the subject, not the whole state: an invalidate() during the login changes
    // the token field but must not make us drop the new token.
    Single.defer(login::get)
        .subscribe(
            t -> {
              state.updateAndGet(cur -> cur.inflight() == subject ? new State<>(t, null) : cur);
              subject.onSuccess(t);
            },
            e -> {
              state.updateAndGet(
                  cur -> cur.inflight() == subject ? new State<>(cur.token(), null) : cur);
              subject.onError(e);
            });
    return subject;
  }
}
