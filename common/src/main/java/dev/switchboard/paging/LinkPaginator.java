package dev.switchboard.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * Follows {@code rel="next"} (RFC 8288 {@code Link} header, else a JSON {@code links.next} body
 * field) until there is none. An empty page with a next link is not the end. A next link to any
 * origin other than the connection's base URL is refused with {@code CROSS_ORIGIN_NEXT_LINK} before
 * anything is sent there: a token or a signature must never reach another host.
 *
 * @param <P> a fetched page
 */
public final class LinkPaginator<P> implements Paginator<URI, P> {
  private final URI first;
  private final URI origin;
  private final Function<P, String> linkHeader;
  private final Function<P, JsonNode> bodyLinks;

  /**
   * @param first the first page's URI
   * @param origin the only origin next links may point to (scheme, host and port are compared)
   * @param linkHeader the page's {@code Link} header value, or null
   * @param bodyLinks the page's {@code links} body object, or null/missing
   */
  public LinkPaginator(
      URI first, URI origin, Function<P, String> linkHeader, Function<P, JsonNode> bodyLinks) {
    this.first = first;
    this.origin = origin;
    this.linkHeader = linkHeader;
    this.bodyLinks = bodyLinks;
  }

  @Override
  public URI first() {
    return first;
  }

  @Override
  public URI next(URI request, P page) {
    URI next;
    try {
      next = LinkHeader.find(linkHeader.apply(page), request, "next").orElse(null);
    } catch (IllegalArgumentException e) {
      throw new SwitchboardException(
          "PROVIDER_BAD_RESPONSE", Category.PROVIDER, "unreadable Link header: " + e.getMessage());
    }
    if (next == null) {
      JsonNode links = bodyLinks.apply(page);
      JsonNode n = links == null ? null : links.get("next");
      if (n != null && n.isTextual() && !n.asText().isBlank()) {
        next = request.resolve(n.asText());
      }
    }
    if (next != null && !sameOrigin(next, origin)) {
      throw new SwitchboardException(
          "CROSS_ORIGIN_NEXT_LINK",
          Category.PROVIDER,
          "the provider's next link points to "
              + next.getScheme()
              + "://"
              + next.getHost()
              + (next.getPort() < 0 ? "" : ":" + next.getPort())
              + ", not to the connection's base URL; refused without sending anything there");
    }
    return next;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return Objects.equals(u.getScheme().toLowerCase(java.util.Locale.ROOT), "https") ? 443 : 80;
  }
}
