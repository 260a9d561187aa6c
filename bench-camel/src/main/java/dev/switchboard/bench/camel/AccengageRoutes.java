package dev.switchboard.bench.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.bench.camel.Failures.CommandException;
import dev.switchboard.bench.camel.Failures.SessionExpiredException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.support.DefaultMessage;

/**
 * Accengage REST v1: {@code devices.export} as {@code GET /v1/me/apps/{partnerId}/devices}, then the
 * {@code rel="next"} URL of each answer's {@code Link} header until there is none (a {@code
 * loopDoWhile}, one page in memory). Every request is signed ({@code Accengage-Time}, {@code
 * Accengage-Signature} = hex SHA-1 of body + API key + time) and carries the connection's access
 * token from a signed {@code POST /v1/access_token}; {@code API_ERR_TOKEN} gets a new token and one
 * replay (the shared onException). Each CSV page ({@code ;}, a header row, nothing quoted) goes out
 * as one batch of record events, one per row.
 */
final class AccengageRoutes extends CommandRoutes {
  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
  private final String base;

  AccengageRoutes(PeerSettings settings) {
    super(settings, settings.accengage());
    String b = cfg.get("baseUrl");
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  @Override
  protected TokenCache tokenCache() {
    // The token's lifetime is not published: kept until the API refuses it.
    return new TokenCache(getContext(), "direct:accengage-login", cfg.connections(), 0);
  }

  @Override
  protected ChoiceDefinition operations(ChoiceDefinition router) {
    return router.when(exchangeProperty(Events.OPERATION).isEqualTo("devices.export"))
        .to("direct:accengage-devices-export");
  }

  @Override
  protected void providerRoutes() {
    from("direct:accengage-devices-export").routeId("accengage-devices-export")
        .process(ex -> {
          JsonNode partner = ex.getProperty(Events.PARAMS, JsonNode.class).path("partnerId");
          String app = partner.isTextual() ? partner.asText()
              : cfg.connection(ex.getProperty(Events.CONNECTION, String.class), "partnerId");
          ex.setProperty("next", base + "/v1/me/apps/" + app + "/devices");
          ex.setProperty(Events.PAGES, 0);
          ex.setProperty(Events.RECORDS, 0L);
        })
        .loopDoWhile(exchangeProperty("next").isNotNull())
            .process(ex -> ex.setProperty(Events.PAGES, ex.getProperty(Events.PAGES, Integer.class) + 1))
            .to("direct:accengage-call")
            .process(this::toRecordEvents)
            .filter(simple("${body.size} > 0"))
                .setProperty(Events.EVENT_TYPE, constant("record"))
                .to("direct:accengage-publish")
            .end()
        .end()
        .process(ex -> Events.completed(ex, null))
        .to("direct:accengage-terminal");

    // One signed GET of the URL in the property "next"; the answer's Link header is kept.
    from("direct:accengage-call").routeId("accengage-call").errorHandler(noErrorHandler())
        .removeHeaders("*")
        .process(ex -> {
          URI next = URI.create(ex.getProperty("next", String.class));
          var m = ex.getMessage();
          m.setHeader(Exchange.HTTP_PATH, next.getRawPath());
          m.setHeader(Exchange.HTTP_QUERY, next.getRawQuery());
          m.setHeader("Authorization", "Bearer " + ex.getProperty(Events.TOKEN, String.class));
          m.setHeader("Accept", "application/json");
          sign(ex, new byte[0]);
          m.setBody(null);
        })
        .to("vertx-http:" + base + "?httpMethod=GET&throwExceptionOnFailure=false&timeout=60000")
        .process(ex -> {
          var m = ex.getMessage();
          int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
          Object link = m.getHeader("Link");
          ex.setProperty("link", link instanceof List<?> l ? String.valueOf(l) : link);
          m.removeHeaders("*");
          if (status / 100 != 2) {
            String body = m.getBody(String.class);
            if (body != null && body.contains("API_ERR_TOKEN")) {
              throw new SessionExpiredException("Accengage refused the access token");
            }
            throw Failures.httpStatus("devices.export", status);
          }
        });

    // POST /v1/access_token {"email"}, signed over the exact body; used by the TokenCache.
    from("direct:accengage-login").routeId("accengage-login").errorHandler(noErrorHandler())
        .removeHeaders("*")
        .process(ex -> {
          String email = cfg.connection(ex.getProperty(Events.CONNECTION, String.class), "email");
          byte[] body = Events.write(Events.JSON.createObjectNode().put("email", email))
              .getBytes(StandardCharsets.UTF_8);
          sign(ex, body);
          ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
          ex.getMessage().setBody(body);
        })
        .to("vertx-http:" + base + "/v1/access_token?httpMethod=POST&throwExceptionOnFailure=false&timeout=60000")
        .process(ex -> {
          int status = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
          ex.getMessage().removeHeaders("*");
          JsonNode token = null;
          if (status == 200) {
            try {
              token = Events.JSON.readTree(ex.getMessage().getBody(byte[].class)).path("access_token");
            } catch (IOException e) {
              token = null;
            }
          }
          if (token == null || !token.isTextual() || token.asText().isEmpty()) {
            throw new CommandException("AUTH", "Accengage refused the access token (HTTP " + status + ")");
          }
          ex.getMessage().setBody(token.asText());
        });
  }

  /** A CSV page → a List of Messages, one record event per row; the next URL from the Link header. */
  private void toRecordEvents(Exchange ex) {
    String csv = ex.getMessage().getBody(String.class);
    String[] lines = csv == null ? new String[0] : csv.split("\n");
    String[] header = lines.length == 0 ? new String[0] : lines[0].split(";", -1);
    String id = ex.getProperty(Events.COMMAND_ID, String.class);
    long seq = ex.getProperty(Events.RECORDS, Long.class);
    List<Message> events = new ArrayList<>(lines.length);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] fields = lines[i].split(";", -1);
      ObjectNode row = Events.JSON.createObjectNode();
      for (int f = 0; f < header.length; f++) {
        row.put(header[f], f < fields.length ? fields[f] : null);
      }
      Message m = new DefaultMessage(ex);
      m.setHeader(KafkaConstants.KEY, id);
      m.setBody(Events.record(id, seq++, row));
      events.add(m);
    }
    ex.setProperty(Events.RECORDS, seq);
    Object link = ex.getProperty("link");
    Matcher next = link == null ? null : NEXT.matcher(link.toString());
    ex.setProperty("next", next != null && next.find() ? URI.create(base + "/").resolve(next.group(1)).toString() : null);
    ex.getMessage().setBody(events);
  }

  /** Accengage-Time and Accengage-Signature for this body, with the connection's API key. */
  private void sign(Exchange ex, byte[] body) {
    String key = cfg.connection(ex.getProperty(Events.CONNECTION, String.class), "apiKey");
    String time = String.valueOf(System.currentTimeMillis() / 1000);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(body);
      sha1.update(key.getBytes(StandardCharsets.UTF_8));
      sha1.update(time.getBytes(StandardCharsets.US_ASCII));
      ex.getMessage().setHeader("Accengage-Time", time);
      ex.getMessage().setHeader("Accengage-Signature", HexFormat.of().formatHex(sha1.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
