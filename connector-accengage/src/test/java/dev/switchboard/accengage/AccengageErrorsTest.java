package dev.switchboard.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ErrorClassifier.ProviderError;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The label decides, per the vendor's "Generic errors" table; every entry is kept. */
class AccengageErrorsTest {
  private final AccengageErrors table = new AccengageErrors();

  private ProviderError read(int status, String label) {
    return table.ofResponse(
        status, Buffer.buffer("{\"errors\":[{\"label\":\"" + label + "\",\"message\":\"m\"}]}"));
  }

  @ParameterizedTest
  @CsvSource({
    "400, API_ERR_TOKEN, REFRESH_AUTH_THEN_RETRY, AUTH",
    "401, API_ERR_TOKEN, REFRESH_AUTH_THEN_RETRY, AUTH",
    "403, API_ERR_TOKEN, REFRESH_AUTH_THEN_RETRY, AUTH",
    "400, API_ERR_SIGNATURE, FAIL, AUTH",
    "400, API_ERR_FORMAT, FAIL, INVALID_COMMAND",
    "403, API_ERR_FORBIDDEN, FAIL, AUTH",
    "404, API_ERR_UNKNOW_ROUTE, FAIL, NOT_FOUND",
    "500, API_ERR_DB, RETRY, PROVIDER",
    "500, API_ERR_CACHE, RETRY, PROVIDER",
    "500, API_ERR_SERVICE, RETRY, PROVIDER",
    "500, API_ERR_UTIL, RETRY, PROVIDER",
    "500, API_ERR_SUPPORT, RETRY, PROVIDER",
    "500, API_ERR_UNKNOWN, RETRY, PROVIDER",
    "429, API_ERR_SOMETHING_NEW, RATE_LIMITED, RATE_LIMITED",
    "418, API_ERR_SOMETHING_NEW, FAIL, PROVIDER"
  })
  void labelsMapThroughTheTable(int status, String label, Action action, Category category) {
    ProviderError e = read(status, label);
    assertThat(e.resolution().action()).isEqualTo(action);
    assertThat(e.resolution().category()).isEqualTo(category);
  }

  @Test
  void serverLabelsBecomeTheirOwnCodes() {
    assertThat(read(500, "API_ERR_CACHE").resolution().code()).isEqualTo("ACCENGAGE_CACHE");
  }

  @Test
  void everyFormatErrorIsKeptInOrder() {
    ProviderError e =
        table.ofResponse(
            400,
            Buffer.buffer(
                "{\"errors\":["
                    + "{\"label\":\"API_ERR_FORMAT\",\"message\":\"Missing mandatory parameter `messageId`\"},"
                    + "{\"label\":\"API_ERR_FORMAT\",\"message\":\"Malformed application ID field `appId`\"},"
                    + "{\"label\":\"API_ERR_FORMAT\",\"message\":\"Missing `text`\"}]}"));
    assertThat(e.detail().path("errors")).hasSize(3);
    assertThat(e.detail().path("errors").get(2).path("message").asText())
        .isEqualTo("Missing `text`");
    assertThat(e.summary()).contains("messageId").contains("appId").contains("Missing `text`");
  }

  @Test
  void aBodyThatIsNotTheErrorShapeFallsBackToTheStatus() {
    ProviderError e = table.ofResponse(503, Buffer.buffer("<html>bad gateway</html>"));
    assertThat(e.resolution().action()).isEqualTo(Action.RETRY);
    assertThat(e.detail().path("status").asInt()).isEqualTo(503);
    assertThat(e.summary()).isNull();
  }
}
