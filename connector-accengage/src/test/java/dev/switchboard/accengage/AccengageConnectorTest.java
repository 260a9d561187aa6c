package dev.switchboard.accengage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.json.Json;
import dev.switchboard.runtime.Switchboard;
import dev.switchboard.spi.OperationSpec.Kind;
import org.junit.jupiter.api.Test;

class AccengageConnectorTest {
  private final AccengageConnector connector = new AccengageConnector();

  @Test
  void declaresTheTenOperationsWithTheirKinds() {
    assertThat(connector.operations().keySet()).containsExactlyInAnyOrder("me.get", "apps.list",
        "apps.get", "messages.list", "messages.get", "messages.create", "messages.send",
        "segments.list", "devices.get", "devices.export");
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
        .hasMessageContaining("email").hasMessageContaining("apiKey")
        .hasMessageContaining("partnerId");
    var ok = connector.configSpec().validate(Json.object().put("email", "a@b.c")
        .put("apiKey", "k").put("partnerId", "1"));
    assertThat(ok.path("baseUrl").asText()).isEqualTo("https://api.accengage.com");
  }

  @Test
  void isFoundByServiceLoader() {
    assertThat(Switchboard.discover()).containsKey("accengage");
  }
}
