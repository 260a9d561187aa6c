package dev.switchboard.sandbox.accengage;

/**
 * The slice of a list that one {@code ?page=N} selects (seed doc, "Paginated requests", CERTAIN):
 * pages start at 1; values under 1 or above the last page return an empty set; {@code prev} is
 * present above page 1; {@code next} while resources are (or "in corner cases, may be") left.
 *
 * <p>Scenario {@code emptyPages} inserts empty pages that still link {@code next}; the data moves
 * to later pages, so the last page always carries data and a full traversal sees every item. With
 * {@link AccengageSettings#nextOnFullLastPage()} a full last page links to one more, empty, page.
 *
 * @param page the requested page
 * @param from first item index, inclusive
 * @param to last item index, exclusive ({@code from == to}: empty)
 */
record PageSlice(long page, long from, long to, boolean hasPrev, boolean hasNext) {

  static PageSlice of(
      long page,
      long total,
      int size,
      AccengageScenario.EmptyPages empties,
      boolean nextOnFullLastPage) {
    boolean hasPrev = page > 1;
    long dataPages = (total + size - 1) / size;
    if (page < 1 || dataPages == 0) return new PageSlice(page, 0, 0, hasPrev, false);
    long last = pageOfDataPage(dataPages - 1, empties);
    if (page > last) return new PageSlice(page, 0, 0, hasPrev, false);
    if (empties != null && empties.isEmpty(page)) return new PageSlice(page, 0, 0, hasPrev, true);
    long dataPage = page - 1 - (empties == null ? 0 : empties.countUpTo(page - 1));
    long from = dataPage * size;
    long to = Math.min(total, from + size);
    boolean next = page < last || (nextOnFullLastPage && total % size == 0);
    return new PageSlice(page, from, to, hasPrev, next);
  }

  /** The page number carrying data page {@code d} (0-based) once empty pages are inserted. */
  private static long pageOfDataPage(long d, AccengageScenario.EmptyPages empties) {
    if (empties == null) return d + 1;
    long lo = d + 1;
    long hi = 2 * (d + 1) + 2L * empties.pages().size() + 2;
    while (lo < hi) { // smallest p with p - empty(1..p) >= d + 1; that p is a data page
      long mid = (lo + hi) >>> 1;
      if (mid - empties.countUpTo(mid) >= d + 1) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  boolean empty() {
    return from >= to;
  }
}
