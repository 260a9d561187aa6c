package dev.switchboard.auth;

import dev.switchboard.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "digest of raw body + key + time" scheme (Accengage v1, provider-apis.md §3.2): {@code
 * timeHeader} = epoch seconds, {@code signatureHeader} = lowercase hex of {@code digest(body bytes
 * ‖ key ‖ time)} with no separators; the body is empty for GET/DELETE.
 */
public final class BodyKeyTimeSigner implements RequestSigner {
  private final String algorithm;
  private final Secret key;
  private final Clock clock;
  private final String signatureHeader;
  private final String timeHeader;

  /**
   * @param algorithm a {@link MessageDigest} name, e.g. {@code SHA-1}
   * @param key the signing key; never part of the output
   */
  public BodyKeyTimeSigner(
      String algorithm, Secret key, Clock clock, String signatureHeader, String timeHeader) {
    try {
      MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("no digest " + algorithm, e);
    }
    this.algorithm = algorithm;
    this.key = key;
    this.clock = clock;
    this.signatureHeader = signatureHeader;
    this.timeHeader = timeHeader;
  }

  @Override
  public Map<String, String> sign(String method, byte[] body) {
    String time = String.valueOf(clock.instant().getEpochSecond());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(timeHeader, time);
    headers.put(signatureHeader, digest(body, time));
    return headers;
  }

  private String digest(byte[] body, String time) {
    try {
      MessageDigest d = MessageDigest.getInstance(algorithm);
      d.update(body);
      d.update(key.reveal().getBytes(StandardCharsets.UTF_8));
      d.update(time.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // checked in the constructor
    }
  }
}
