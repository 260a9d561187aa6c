package dev.switchboard.paging;

/**
 * A paging strategy: the first request, and from a page the next request or none.
 *
 * @param <Q> request description (page number, skip, URL)
 * @param <P> fetched page
 */
public interface Paginator<Q, P> {
  Q first();

  /** The request for the page after {@code page} (fetched with {@code request}), or null. */
  Q next(Q request, P page);
}
