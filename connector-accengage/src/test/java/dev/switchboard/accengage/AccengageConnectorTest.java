package dev.switchboard.accengage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import dev.switchboard.runtime.Switchboard;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.OperationSpec.Kind;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class AccengageConnectorTest {
  private final AccengageConnector connector = new AccengageConnector();

  @Test
  void declaresTheTenOperationsWithTheirKinds() {
    assertThat(connector.operations().keySet())
        .containsExactlyInAnyOrder(
            "me.get",
            "apps.list",
            "apps.get",
            "messages.list",
            "messages.get",
            "messages.create",
            "messages.send",
            "segments.list",
            "devices.get",
            "devices.export");
    assertThat(connector.operations().get("devices.export").spec().kind()).isEqualTo(Kind.STREAM);
    assertThat(connector.operations().get("messages.get").spec().kind()).isEqualTo(Kind.SINGLE);
    assertThat(connector.operations().get("messages.create").spec().write()).isTrue();
    assertThat(connector.operations().get("messages.send").spec().write()).isTrue();
    assertThat(connector.operations().get("messages.list").spec().write()).isFalse();
  }

  @Test
  void paramsAreCheckedAgainstTheDeclaredSchemas() {
    var send = connector.operations().get("messages.send").spec().params();
    assertThatThrownBy(() -> send.validate(Json.object().put("messageId", "m1")))
        .hasMessageContaining("target");
    var export = connector.operations().get("devices.export").spec().params();
    assertThatThrownBy(() -> export.validate(Json.object().put("lastOpen", "yesterday")))
        .hasMessageContaining("lastOpen");
    assertThat(export.validate(Json.object().put("lastOpen", "2024-01-01").put("partnerId", "9")))
        .hasSize(2);
  }

  @Test
  void configNeedsTheUserItsKeyAndAPartner() {
    assertThatThrownBy(() -> connector.configSpec().validate(Json.object()))
        .hasMessageContaining("email")
        .hasMessageContaining("apiKey")
        .hasMessageContaining("partnerId");
    var ok =
        connector
            .configSpec()
            .validate(Json.object().put("email", "a@b.c").put("apiKey", "k").put("partnerId", "1"));
    assertThat(ok.path("baseUrl").asText()).isEqualTo("https://api.accengage.com");
  }

  @Test
  void isFoundByServiceLoader() {
    assertThat(Switchboard.discover()).containsKey("accengage");
  }

  /**
   * A body over the command bounds ({@code "badge": 1e100000}, 100,001 digits in plain notation) is
   * refused before it is rendered or anything is sent: this client has no HTTP, signer or token at
   * all. Before, rendering it threw out of {@code execute}: INTERNAL_ERROR.
   */
  @Test
  void aMessageOverTheBoundsIsRefusedAsInvalidParamsBeforeAnyCall() {
    AccengageClient client =
        new AccengageClient(null, null, null, URI.create("http://127.0.0.1:9"), "12345678", 10);
    ObjectNode params = Json.object();
    params
        .putObject("message")
        .put("subject", "s")
        .put("text", "t")
        .set(
            "badge",
            JsonNodeFactory.withExactBigDecimals(true).numberNode(new BigDecimal("1e100000")));
    Invocation inv =
        new Invocation(new Command("c1", "messages.create", "shop", params, null, null), params);
    Throwable[] failed = new Throwable[1];
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            connector
                .operations()
                .get("messages.create")
                .execute(inv, client)
                .blockingSubscribe(x -> {}, e -> failed[0] = e));
    assertThat(failed[0])
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            e -> {
              assertThat(e.code()).isEqualTo("INVALID_PARAMS");
              assertThat(e.category()).isEqualTo(Category.INVALID_COMMAND);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "accengage messages.create cannot send /message/badge: "
                          + "number of 100001 characters in plain notation; the limit is 100");
            });
    // the client's own guard, for any other caller
    Throwable[] direct = new Throwable[1];
    client
        .post("x", URI.create("http://127.0.0.1:9/"), params.get("message"), null)
        .subscribe(x -> {}, e -> direct[0] = e);
    assertThat(direct[0])
        .isInstanceOf(SwitchboardException.class)
        .hasMessageContaining("/badge: number of 100001 characters");
  }
}
