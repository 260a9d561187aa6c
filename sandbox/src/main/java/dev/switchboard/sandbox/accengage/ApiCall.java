package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.accengage.AccengageSettings.LinkStyle;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * An authenticated, verified call that passed the scenario's faults, as the endpoints see it.
 *
 * @param app the app of {@code {partnerId}} (the user manages it), or null for routes without one
 * @param page the requested page (1 when absent) for paginated routes
 * @param origin the origin the client addressed, for absolute page links
 * @param foreignOrigin the origin of a {@code foreignNextOnPage} link
 */
record ApiCall(
    RoutingContext ctx,
    ApiRoute.Match match,
    UserState user,
    AppData app,
    AccengageScenario scenario,
    AccengageSettings settings,
    Clock clock,
    long page,
    Buffer body,
    String origin,
    String foreignOrigin) {

  LinkStyle linkStyle() {
    return scenario.linkStyle() != null ? scenario.linkStyle() : settings.linkStyle();
  }

  /** The page's links; {@code next} goes to the foreign origin on the scenario's page. */
  PageLinks links(PageSlice s) {
    Integer foreign = scenario.foreignNextOnPage();
    String nextOrigin = foreign != null && foreign == s.page() ? foreignOrigin : origin;
    return PageLinks.of(origin, ctx.request().path(), ctx.request().query(), s, nextOrigin);
  }

  /** Adds the {@code Link} header field(s) for a page. */
  void linkHeader(PageLinks links, long page, String mediaType, boolean nextOnly) {
    for (String v : LinkHeaderWriter.values(links, linkStyle(), page, mediaType, nextOnly)) {
      ctx.response().headers().add("Link", v);
    }
  }

  String query(String name) {
    return ctx.queryParams().get(name);
  }
}
