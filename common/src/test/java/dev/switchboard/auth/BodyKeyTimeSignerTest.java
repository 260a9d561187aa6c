package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Secret;
import dev.switchboard.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Accengage's two published vectors (provider-apis.md §3.2), and a fresh time per attempt. */
class BodyKeyTimeSignerTest {
  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1507722391));
  private final BodyKeyTimeSigner signer =
      new BodyKeyTimeSigner(
          "SHA-1", new Secret("a1b2c3d4e5f6g7h8"), clock, "Accengage-Signature", "Accengage-Time");

  @Test
  void signsTheAccessTokenRequestBodyAsTheVendorExampleDoes() {
    var h =
        signer.sign("POST", "{\"email\":\"mymail@client.com\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(h)
        .containsEntry("Accengage-Time", "1507722391")
        .containsEntry("Accengage-Signature", "f974f730586ce2bf49a276845060a8d38bb43770");
  }

  @Test
  void signsAnEmptyBodyForGet() {
    assertThat(signer.sign("GET", new byte[0]))
        .containsEntry("Accengage-Signature", "ba04fc7206950ce63d78ddbc9e65c48fb96e54d7");
  }

  @Test
  void everyAttemptIsSignedWithTheTimeItIsMade() {
    var first = signer.sign("GET", new byte[0]);
    clock.advance(Duration.ofSeconds(7));
    var retry = signer.sign("GET", new byte[0]);
    assertThat(retry.get("Accengage-Time")).isEqualTo("1507722398");
    assertThat(retry.get("Accengage-Signature")).isNotEqualTo(first.get("Accengage-Signature"));
  }

  @Test
  void theKeyNeverAppearsInTheHeaders() {
    assertThat(signer.sign("GET", new byte[0]).toString()).doesNotContain("a1b2c3d4e5f6g7h8");
  }
}
