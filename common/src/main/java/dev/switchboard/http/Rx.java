package dev.switchboard.http;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/** Bridges between Vert.x futures and RxJava. The Rx side is always cold (deferred). */
public final class Rx {
  private Rx() {}

  /** A cold Single: {@code future} is called on each subscription. */
  public static <T> Single<T> single(Supplier<Future<T>> future) {
    return Single.create(
        emitter ->
            future
                .get()
                .onComplete(
                    ar -> {
                      if (ar.succeeded()) {
                        if (ar.result() == null) {
                          emitter.onError(new NullPointerException("future completed with null"));
                        } else {
                          emitter.onSuccess(ar.result());
                        }
                      } else {
                        emitter.onError(ar.cause());
                      }
                    }));
  }

  public static Completable completable(Supplier<Future<?>> future) {
    return Completable.create(
        emitter ->
            future
                .get()
                .onComplete(
                    ar -> {
                      if (ar.succeeded()) {
                        emitter.onComplete();
                      } else {
                        emitter.onError(ar.cause());
                      }
                    }));
  }

  /** The other way: subscribes now and completes the returned future with the result. */
  public static <T> Future<T> future(Single<T> single) {
    Promise<T> p = Promise.promise();
    single.subscribe(p::complete, p::fail);
    return p.future();
  }

  public static Future<Void> future(Completable c) {
    Promise<Void> p = Promise.promise();
    c.subscribe(p::complete, p::fail);
    return p.future();
  }
}
