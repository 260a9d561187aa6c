package dev.switchboard.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static String roundTrip(String json) throws IOException {
    return Json.text(Json.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void decimalsKeepTheirExactTextNeverExponentForm() throws IOException {
    assertThat(roundTrip("{\"unitprice\":578.6800,\"total\":100.0,\"big\":1200.00}"))
        .isEqualTo("{\"unitprice\":578.6800,\"total\":100.0,\"big\":1200.00}");
  }

  @Test
  void oneDocumentOnly() {
    assertThatThrownBy(() -> Json.parse("{} {}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.parse(new byte[0])).isInstanceOf(IOException.class);
  }
}
