package dev.switchboard.bench.camel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.camel.Failures.CommandException;
import dev.switchboard.bench.camel.Failures.SessionExpiredException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.support.DefaultMessage;

/** IQ Reseller: {@code items.get} and {@code inventory.list} over the JSON web API (PEERS.md). */
final class IqResellerRoutes extends CommandRoutes {
  /** The simulator (like the real API) silently caps PageSize at 2000. */
  static final int MAX_PAGE_SIZE = 2000;

  IqResellerRoutes(PeerSettings settings) {
    super(settings, settings.iqreseller());
  }

  @Override
  protected TokenCache tokenCache() {
    return new TokenCache(getContext(), "direct:iqreseller-login", cfg.connections(), 0);
  }

  @Override
  protected ChoiceDefinition operations(ChoiceDefinition router) {
    return router
        .when(exchangeProperty(Events.OPERATION).isEqualTo("items.get")).to("direct:iqreseller-items-get")
        .when(exchangeProperty(Events.OPERATION).isEqualTo("inventory.list")).to("direct:iqreseller-inventory-list");
  }

  @Override
  protected void providerRoutes() {
    from("direct:iqreseller-items-get").routeId("iqreseller-items-get")
        .process(ex -> ex.setProperty("query", "ItemID=" + encode(param(ex, "itemId"))))
        .setProperty("path", constant("MI/JSON/GetItemByItemId"))
        .to("direct:iqreseller-call")
        .process(ex -> Events.completed(ex, json(ex)))
        .to("direct:iqreseller-terminal");

    // Pages 1, 2, ... until one is short; each page goes out as one batch of record events.
    from("direct:iqreseller-inventory-list").routeId("iqreseller-inventory-list")
        .process(ex -> {
          JsonNode size = ex.getProperty(Events.PARAMS, JsonNode.class).path("pageSize");
          ex.setProperty("pageSize", Math.max(1, Math.min(MAX_PAGE_SIZE, size.asInt(MAX_PAGE_SIZE))));
          ex.setProperty("more", true);
          ex.setProperty(Events.PAGES, 0);
          ex.setProperty(Events.RECORDS, 0L);
        })
        .setProperty("path", constant("Inventory/JSON/GetInventories"))
        .loopDoWhile(exchangeProperty("more"))
            .process(ex -> ex.setProperty(Events.PAGES, ex.getProperty(Events.PAGES, Integer.class) + 1))
            .setProperty("query", simple("Page=${exchangeProperty.pages}&PageSize=${exchangeProperty.pageSize}"))
            .to("direct:iqreseller-call")
            .process(this::toRecordEvents)
            .filter(simple("${body.size} > 0"))
                .setProperty(Events.EVENT_TYPE, constant("record"))
                .to("direct:iqreseller-publish")
            .end()
        .end()
        .process(ex -> Events.completed(ex, null))
        .to("direct:iqreseller-terminal");

    // One data call; the session token header comes from the exchange (refreshed on a 401).
    from("direct:iqreseller-call").routeId("iqreseller-call").errorHandler(noErrorHandler())
        .removeHeaders("*")
        .setHeader("iqr-session-token", exchangeProperty(Events.TOKEN))
        .setHeader(Exchange.HTTP_PATH, exchangeProperty("path"))
        .setHeader(Exchange.HTTP_QUERY, exchangeProperty("query"))
        .process(ex -> ex.getMessage().setBody(null))
        .to("vertx-http:" + cfg.get("baseUrl") + "?httpMethod=GET&throwExceptionOnFailure=false&timeout=60000")
        .process(ex -> {
          int status = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
          ex.getMessage().removeHeaders("*");
          if (status == 401) {
            throw new SessionExpiredException("IQ Reseller session ended");
          } else if (status / 100 != 2) {
            throw Failures.httpStatus(ex.getProperty("path", String.class), status);
          }
        });

    // POST {"APIToken": key} answers {"Data": "<session token>"}; used by the TokenCache.
    from("direct:iqreseller-login").routeId("iqreseller-login").errorHandler(noErrorHandler())
        .removeHeaders("*")
        .process(ex -> {
          String key = cfg.connection(ex.getProperty(Events.CONNECTION, String.class), "apiKey");
          ex.getMessage().setBody(Events.write(Events.JSON.createObjectNode().put("APIToken", key)));
        })
        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
        .to("vertx-http:" + cfg.get("sessionUrl") + "?httpMethod=POST&throwExceptionOnFailure=false&timeout=60000")
        .process(ex -> {
          int status = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
          JsonNode data = status == 200 ? json(ex).path("Data") : null;
          if (data == null || !data.isTextual() || data.asText().isEmpty()) {
            throw new CommandException("AUTH", "IQ Reseller refused the login (HTTP " + status + ")");
          }
          ex.getMessage().setBody(data.asText());
        });
  }

  /** A page (a bare JSON array) → a List of Messages, one record event each, keyed by the command id. */
  private void toRecordEvents(Exchange ex) {
    JsonNode page = json(ex);
    if (!page.isArray()) {
      throw new CommandException("PROVIDER_ERROR", "GetInventories did not answer an array");
    }
    String id = ex.getProperty(Events.COMMAND_ID, String.class);
    long seq = ex.getProperty(Events.RECORDS, Long.class);
    List<Message> events = new ArrayList<>(page.size());
    for (JsonNode record : page) {
      Message m = new DefaultMessage(ex);
      m.setHeader(KafkaConstants.KEY, id);
      m.setBody(Events.record(id, seq++, record));
      events.add(m);
    }
    ex.setProperty(Events.RECORDS, seq);
    ex.setProperty("more", page.size() >= ex.getProperty("pageSize", Integer.class));
    ex.getMessage().setBody(events);
  }

  private static JsonNode json(Exchange ex) {
    try {
      return Events.JSON.readTree(ex.getMessage().getBody(byte[].class));
    } catch (IOException e) {
      throw new CommandException("PROVIDER_ERROR", "IQ Reseller answered something that is not JSON");
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
