package dev.switchboard.sandbox.accengage;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The request signature of provider-apis.md §3.2 (CERTAIN): {@code Accengage-Signature} is the hex
 * SHA-1 of the exact raw body bytes, then the user's API key, then the {@code Accengage-Time}
 * string as sent, with no separator; the body is empty for GET and DELETE. Hex is compared
 * case-insensitively (LIKELY: the vendor shows both cases). The time must be within {@link
 * AccengageSettings#maxClockSkew()} of the injected clock (ASSUMPTION: ±300 s).
 */
final class SignatureVerifier {
  static final String TIME_HEADER = "Accengage-Time";
  static final String SIGNATURE_HEADER = "Accengage-Signature";
  private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");
  private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

  /** The two signing headers, verbatim (null when absent). */
  record Signed(String time, String signature) {
    static Signed of(HttpServerRequest request) {
      return new Signed(request.getHeader(TIME_HEADER), request.getHeader(SIGNATURE_HEADER));
    }

    boolean present() {
      return time != null && !time.isEmpty() && signature != null && !signature.isEmpty();
    }
  }

  private final Clock clock;
  private final Duration maxSkew;

  SignatureVerifier(Clock clock, Duration maxSkew) {
    this.clock = clock;
    this.maxSkew = maxSkew;
  }

  /** Why the headers are unacceptable before any key is involved, or null if they may verify. */
  String headerProblem(Signed s) {
    if (s.signature() == null || s.signature().isEmpty())
      return "Missing or empty header `" + SIGNATURE_HEADER + "`";
    if (s.time() == null || s.time().isEmpty())
      return "Missing or empty header `" + TIME_HEADER + "`";
    if (!EPOCH_SECONDS.matcher(s.time()).matches())
      return "Malformed header `" + TIME_HEADER + "`: expected seconds since epoch";
    if (!SHA1_HEX.matcher(s.signature()).matches())
      return "Invalid header `" + SIGNATURE_HEADER + "`";
    long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(s.time()));
    if (skew > maxSkew.toSeconds())
      return "Header `" + TIME_HEADER + "` is too far from the server time";
    return null;
  }

  /** True if the signature matches {@code body + apiKey + time}. */
  boolean verify(Buffer body, String apiKey, Signed s) {
    byte[] expected =
        sha1Hex(body.getBytes(), apiKey, s.time()).getBytes(StandardCharsets.US_ASCII);
    byte[] given = s.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  static String sha1Hex(byte[] body, String apiKey, String time) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(body);
      sha1.update(apiKey.getBytes(StandardCharsets.UTF_8));
      sha1.update(time.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
