package dev.switchboard.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import org.junit.jupiter.api.Test;

class ErrorInfoTest {
  @Test
  void switchboardExceptionKeepsItsContractTerms() {
    SwitchboardException e =
        new SwitchboardException(
            "PROVIDER_CONFLICT",
            Category.CONFLICT,
            "order already exists",
            false,
            Json.object().put("status", 409),
            null,
            null);

    ErrorInfo info = ErrorInfo.of(e);

    assertThat(info.code()).isEqualTo("PROVIDER_CONFLICT");
    assertThat(info.category()).isEqualTo(Category.CONFLICT);
    assertThat(info.message()).isEqualTo("order already exists");
    assertThat(info.retryable()).isFalse();
    assertThat(info.provider().get("status").asInt()).isEqualTo(409);
  }

  @Test
  void providerCallExceptionIsRetryableOnlyForRetryAndRateLimitedActions() {
    ProviderCallException retry =
        new ProviderCallException(
            Resolution.retry(Category.TRANSIENT, "PROVIDER_TIMEOUT"),
            "timed out",
            null,
            null,
            null);
    ProviderCallException fail =
        new ProviderCallException(
            Resolution.fail(Category.NOT_FOUND, "PROVIDER_NOT_FOUND"), "gone", null, null, null);

    ProviderCallException expiredTwice =
        new ProviderCallException(
            new Resolution(Action.REFRESH_AUTH_THEN_RETRY, Category.AUTH, "PROVIDER_UNAUTHORIZED"),
            "401",
            null,
            null,
            null);
    ProviderCallException throttled =
        new ProviderCallException(
            new Resolution(Action.RATE_LIMITED, Category.RATE_LIMITED, "PROVIDER_RATE_LIMITED"),
            "429",
            null,
            null,
            null);
    assertThat(ErrorInfo.of(retry).retryable()).isTrue();
    assertThat(ErrorInfo.of(throttled).retryable()).isTrue();
    assertThat(ErrorInfo.of(fail).retryable()).isFalse();
    // a credential refused even after a fresh login: sending the command again will not help
    assertThat(ErrorInfo.of(expiredTwice).retryable()).isFalse();
    assertThat(ErrorInfo.of(fail).category()).isEqualTo(Category.NOT_FOUND);
  }

  @Test
  void unknownThrowableBecomesInternalWithoutLeakingItsMessage() {
    String secret = "password=hunter2";
    ErrorInfo info =
        ErrorInfo.of(
            new IllegalStateException("login failed: " + secret, new RuntimeException(secret)));

    assertThat(info.code()).isEqualTo("INTERNAL_ERROR");
    assertThat(info.category()).isEqualTo(Category.INTERNAL);
    assertThat(info.message()).doesNotContain("hunter2").doesNotContain("login failed");
    assertThat(info.message()).contains("IllegalStateException");
    assertThat(info.provider()).isNull();
    assertThat(info.retryable()).isFalse(); // a bug: re-sending will not help
    assertThat(Json.text(info.toJson())).doesNotContain("hunter2").doesNotContain("provider");
  }

  @Test
  void toJsonOmitsProviderWhenAbsent() {
    ErrorInfo info = new ErrorInfo("X", Category.AUTH, "m", true, null);
    assertThat(Json.text(info.toJson()))
        .isEqualTo("{\"code\":\"X\",\"category\":\"AUTH\",\"message\":\"m\",\"retryable\":true}");
  }
}
