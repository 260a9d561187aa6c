package dev.switchboard.paging;

import java.util.List;

/**
 * Page-number paging without totals or links (IQ Reseller {@code Page}/{@code PageSize}): the end
 * is a page shorter than the page size, so the page size must be the one the provider really
 * applies (its cap, if we asked for more).
 */
public final class PageNumberPaginator<T>
    implements Paginator<PageNumberPaginator.Request, List<T>> {
  /** Page {@code page} of {@code size} records. */
  public record Request(int page, int size) {}

  private final int firstPage;
  private final int pageSize;

  public PageNumberPaginator(int firstPage, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive");
    }
    this.firstPage = firstPage;
    this.pageSize = pageSize;
  }

  @Override
  public Request first() {
    return new Request(firstPage, pageSize);
  }

  @Override
  public Request next(Request request, List<T> page) {
    return page.size() < request.size() ? null : new Request(request.page() + 1, pageSize);
  }
}
