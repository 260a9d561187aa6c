package dev.switchboard.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
  private final ErrorClassifier http = ErrorClassifier.HTTP_DEFAULT;

  @Test
  void unauthorizedRefreshesAuthThenRetries() {
    assertThat(http.ofStatus(401))
        .isEqualTo(
            new Resolution(Action.REFRESH_AUTH_THEN_RETRY, Category.AUTH, "PROVIDER_UNAUTHORIZED"));
  }

  @Test
  void tooManyRequestsIsRateLimited() {
    Resolution r = http.ofStatus(429);
    assertThat(r.action()).isEqualTo(Action.RATE_LIMITED);
    assertThat(r.category()).isEqualTo(Category.RATE_LIMITED);
  }

  @Test
  void unlistedServerErrorIsRetriedAsProvider() {
    assertThat(http.ofStatus(503))
        .isEqualTo(Resolution.retry(Category.PROVIDER, "PROVIDER_ERROR_503"));
  }

  @Test
  void unlistedClientErrorFailsAsProvider() {
    assertThat(http.ofStatus(418))
        .isEqualTo(Resolution.fail(Category.PROVIDER, "PROVIDER_HTTP_418"));
  }

  @Test
  void listedClientErrorsFailWithTheirCategory() {
    assertThat(http.ofStatus(400).category()).isEqualTo(Category.INVALID_COMMAND);
    assertThat(http.ofStatus(403)).isEqualTo(Resolution.fail(Category.AUTH, "PROVIDER_FORBIDDEN"));
    assertThat(http.ofStatus(404).category()).isEqualTo(Category.NOT_FOUND);
    assertThat(http.ofStatus(409).action()).isEqualTo(Action.FAIL);
  }

  @Test
  void refusedConnectionIsTransientAndRetried() {
    Resolution r = http.ofTransport(new ConnectException("Connection refused"));
    assertThat(r.action()).isEqualTo(Action.RETRY);
    assertThat(r.category()).isEqualTo(Category.TRANSIENT);
    assertThat(r.code()).isEqualTo("PROVIDER_UNREACHABLE");
  }

  @Test
  void timeoutsAndLostConnectionsAreTransient() {
    assertThat(http.ofTransport(new TimeoutException()).code()).isEqualTo("PROVIDER_TIMEOUT");
    assertThat(http.ofTransport(new SocketTimeoutException()).code()).isEqualTo("PROVIDER_TIMEOUT");
    assertThat(http.ofTransport(new IOException("reset")))
        .isEqualTo(Resolution.retry(Category.TRANSIENT, "PROVIDER_CONNECTION_LOST"));
  }

  @Test
  void otherTransportFailuresAreInternalAndNotRetried() {
    assertThat(http.ofTransport(new IllegalArgumentException()))
        .isEqualTo(Resolution.fail(Category.INTERNAL, "INTERNAL_ERROR"));
  }
}
