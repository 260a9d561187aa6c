package dev.switchboard.accengage;

import com.google.auto.service.AutoService;
import dev.switchboard.auth.BodyKeyTimeSigner;
import dev.switchboard.auth.RequestSigner;
import dev.switchboard.error.ErrorClassifier;
import dev.switchboard.spi.ConnectionConfig;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Single;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Accengage (mobile push), REST v1: every request signed with SHA-1 over body + API key + time, an
 * access token per user, {@code Link}-header paging. Facts: shared/docs/provider-apis.md §3.
 */
@AutoService(ProviderConnector.class)
public final class AccengageConnector implements ProviderConnector<AccengageClient> {
  private static final String APP = "/v1/me/apps/{partnerId}";
  private static final Schema CONFIG =
      Schema.builder()
          .string("baseUrl", "https://api.accengage.com", "API origin")
          .requiredString("email", "the dashboard user the API key belongs to")
          .secret("apiKey", "the user's API key (signs every request)")
          .requiredString(
              "partnerId", "default app partner id for /v1/me/apps/{partnerId}/… routes")
          .requestTimeout("60s")
          .integer("maxPages", 1, 1_000_000, 10_000L, "page cap of one paged operation")
          .optionalDuration(
              "tokenRefresh",
              "renew the access token after this long (lifetime "
                  + "unpublished; default: on API_ERR_TOKEN only)")
          .build();

  private static final Map<String, Operation<AccengageClient>> OPERATIONS =
      Operation.byName(
          List.of(
              new GetOperation(
                  "me.get",
                  "the authenticated user (GET /v1/me)",
                  "/v1/me",
                  Schema.builder().build()),
              new ListOperation(
                  "apps.list",
                  "apps the user manages",
                  "/v1/me/apps",
                  "apps",
                  Schema.builder().build()),
              new GetOperation("apps.get", "one app", APP, Routes.appParams().build()),
              new ListOperation(
                  "messages.list",
                  "push messages of the app",
                  APP + "/messages",
                  "messages",
                  Routes.appParams().build()),
              new GetOperation(
                  "messages.get",
                  "one push message",
                  APP + "/messages/{messageId}",
                  Routes.appParams().requiredString("messageId", "the message id").build()),
              new PostOperation(
                  "messages.create",
                  "create a push message",
                  APP + "/messages",
                  "message",
                  Routes.appParams()
                      .requiredObject(
                          "message", "the message: subject, text, sound, badge, customParams…")
                      .build()),
              new PostOperation(
                  "messages.send",
                  "send a push message to a target",
                  APP + "/messages/{messageId}/send",
                  "target",
                  Routes.appParams()
                      .requiredString("messageId", "the message id")
                      .requiredObject(
                          "target", "who receives it: segmentId, staticListId or criteria")
                      .build()),
              new ListOperation(
                  "segments.list",
                  "segments of the app",
                  APP + "/segments",
                  "segments",
                  Routes.appParams().build()),
              new GetOperation(
                  "devices.get",
                  "one device profile",
                  APP + "/devices/{deviceId}",
                  Routes.appParams().requiredString("deviceId", "the device id").build()),
              new DeviceExportOperation()));

  @Override
  public String id() {
    return "accengage";
  }

  @Override
  public Schema configSpec() {
    return CONFIG;
  }

  @Override
  public ErrorClassifier errors() {
    return new AccengageErrors();
  }

  @Override
  public Single<AccengageClient> connect(ConnectionConfig config, ConnectorContext ctx) {
    return Single.fromCallable(
        () -> {
          URI base = URI.create(config.string("baseUrl"));
          RequestSigner signer =
              new BodyKeyTimeSigner(
                  "SHA-1",
                  config.secret("apiKey"),
                  ctx.clock(),
                  "Accengage-Signature",
                  "Accengage-Time");
          var tokens =
              AccengageAuth.tokens(
                  ctx, signer, base, config.string("email"), config.duration("tokenRefresh"));
          return new AccengageClient(
              ctx.http(),
              signer,
              tokens,
              base,
              config.string("partnerId"),
              (int) config.integer("maxPages"));
        });
  }

  @Override
  public Map<String, Operation<AccengageClient>> operations() {
    return OPERATIONS;
  }
}
