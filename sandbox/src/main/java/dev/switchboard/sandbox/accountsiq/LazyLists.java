package dev.switchboard.sandbox.accountsiq;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Lazy iterator plumbing for list results: nothing is materialised, records are made as written.
 */
final class LazyLists {
  private LazyLists() {}

  /** The elements of {@code in} that pass {@code keep}, mapped by {@code map}. */
  static <T, R> Iterator<R> filterMap(
      Iterator<T> in, Predicate<? super T> keep, Function<? super T, R> map) {
    return new Iterator<>() {
      private T pending;

      @Override
      public boolean hasNext() {
        while (pending == null && in.hasNext()) {
          T t = in.next();
          if (keep.test(t)) pending = t;
        }
        return pending != null;
      }

      @Override
      public R next() {
        if (!hasNext()) throw new NoSuchElementException();
        T t = pending;
        pending = null;
        return map.apply(t);
      }
    };
  }

  /** Skips {@code skip} elements of {@code in}, then yields at most {@code limit}. */
  static <T> Iterator<T> page(Iterator<T> in, long skip, long limit) {
    for (long i = 0; i < skip && in.hasNext(); i++) in.next();
    return new Iterator<>() {
      private long left = limit;

      @Override
      public boolean hasNext() {
        return left > 0 && in.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        left--;
        return in.next();
      }
    };
  }
}
