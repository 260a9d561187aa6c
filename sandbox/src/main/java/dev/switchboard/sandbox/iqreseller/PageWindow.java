package dev.switchboard.sandbox.iqreseller;

/**
 * The slice of a list that one {@code Page}/{@code PageSize} request selects. All of this is
 * ASSUMPTION (provider-apis.md §2.5) and driven by {@link IqResellerSettings}: page base, {@code
 * PageSize=0}, and the silent cap. There is no total and no next link; a client stops on a short
 * page.
 *
 * @param page the ordinal page (1 = first), used to match scenario pages
 * @param from first index, inclusive
 * @param to last index, exclusive
 */
record PageWindow(int page, long from, long to) {

  static PageWindow of(QueryParams query, IqResellerSettings settings, long total) throws BadParam {
    int page = query.intParam("Page");
    int pageSize = query.intParam("PageSize");
    if (page < 0) throw new BadParam("Page must not be negative.");
    if (pageSize < 0) throw new BadParam("PageSize must not be negative.");
    long ordinal =
        settings.pageBase() == IqResellerSettings.PageBase.ONE ? Math.max(page, 1) : page + 1L;
    long limit =
        pageSize == 0
            ? (settings.pageSizeZeroMeansAll() ? total : 0)
            : Math.min(pageSize, settings.pageSizeCap());
    long from = Math.min(total, (ordinal - 1) * limit);
    long to = Math.min(total, from + limit);
    return new PageWindow((int) Math.min(ordinal, Integer.MAX_VALUE), from, to);
  }
}
