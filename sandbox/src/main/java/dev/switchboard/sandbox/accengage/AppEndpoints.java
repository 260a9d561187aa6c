package dev.switchboard.sandbox.accengage;

/** {@code /v1/me}, the apps the user manages, and an app's segments. */
final class AppEndpoints {
  private AppEndpoints() {}

  /**
   * CERTAIN that a welcome message is returned (vendor help-centre article); the JSON shape is an
   * ASSUMPTION (§3.3).
   */
  static void me(ApiCall call) {
    ApiReplies.json(
        call.ctx(),
        200,
        g -> {
          g.writeStartObject();
          g.writeStringField("message", "Welcome " + call.user().email());
          g.writeEndObject();
        });
  }

  /** ASSUMPTION (§3.4): the apps the user manages, paginated. */
  static void apps(ApiCall call) {
    var apps = call.user().data.apps;
    PagedJson.send(call, "apps", apps.size(), (g, i) -> apps.get((int) i).write(g));
  }

  static void app(ApiCall call) {
    ApiReplies.json(call.ctx(), 200, g -> call.app().write(g));
  }

  static void segments(ApiCall call) {
    Segments segments = call.app().segments;
    PagedJson.send(call, "segments", segments.size(), segments::write);
  }
}
