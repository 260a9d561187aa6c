package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.kit.Records;
import java.time.Duration;
import java.util.Objects;

/**
 * Every behaviour of the Accengage simulator that {@code provider-apis.md} §3 marks as an
 * ASSUMPTION (or where the public record is ambiguous), as a setting. Connector tests should run
 * against more than one value (§4.1) so that a connector cannot silently depend on one guess.
 *
 * @param tokenTtl access-token lifetime; not published (§3.3). Default 3,600 s, counted from issue.
 * @param maxClockSkew how far {@code Accengage-Time} may be from the simulator's clock (§3.3).
 *     Default ±300 s. The vendor doc says the time may be "either your local time or UTC time",
 *     which suggests a lax server; use e.g. 15 h to model one that accepts any time zone.
 * @param pageSize items per page of the JSON lists; "100 ... although this is not a golden rule"
 *     (seed doc, Paginated requests). Default 100.
 * @param devicePageSize rows per page of the CSV device export. Default 100 (ASSUMPTION).
 * @param maxTargets most targets one send may name; legacy API: "at most 100 targets" (§3.4).
 * @param expectContinue how {@code Expect: 100-continue} is met: the load balancer "does not
 *     support HTTP/1.1 100 Continue" (seed doc). Default {@link ExpectContinueMode#REJECT_417}.
 * @param unknownEmail answer to {@code /v1/access_token} for an email with no API user.
 * @param linkStyle how the {@code Link} header is written; all styles are RFC 8288-equivalent.
 * @param exportLinkNextOnly {@code true}: the CSV export's {@code Link} carries only {@code
 *     rel="next"} (what the public Python client's naive parsing presumes); {@code false}
 *     (default): first/prev/next like every paginated route (seed doc).
 * @param csvHeaderOnEmptyPage {@code true} (default): an empty export page is the header row alone;
 *     {@code false}: an empty body (the Python client tests {@code len(result) == 0}).
 * @param nextOnFullLastPage {@code true}: a full last page still links {@code next} to an empty
 *     page without {@code next} (the doc's "or, in corner cases, may be" resources left).
 * @param strictMessageFields {@code true} (default): unknown members of a message body are {@code
 *     API_ERR_FORMAT} problems; {@code false}: silently ignored.
 * @param requireJsonContentType {@code true} (default): a POST without {@code Content-Type:
 *     application/json} is {@code API_ERR_FORMAT} ("Don't forget to include the Content-type").
 * @param revokePreviousTokens {@code true}: issuing a token invalidates the user's older tokens
 *     (then {@code 400 API_ERR_TOKEN}); {@code false} (default): tokens live side by side.
 */
public record AccengageSettings(
    Duration tokenTtl,
    Duration maxClockSkew,
    int pageSize,
    int devicePageSize,
    int maxTargets,
    ExpectContinueMode expectContinue,
    UnknownEmailMode unknownEmail,
    LinkStyle linkStyle,
    boolean exportLinkNextOnly,
    boolean csvHeaderOnEmptyPage,
    boolean nextOnFullLastPage,
    boolean strictMessageFields,
    boolean requireJsonContentType,
    boolean revokePreviousTokens) {

  /** Handling of a request that carries {@code Expect: 100-continue}. */
  public enum ExpectContinueMode {
    /** 417 Expectation Failed, a load-balancer text body, connection closed (default). */
    REJECT_417,
    /** Never answer 100 (literal reading): the request waits for a body the client withholds. */
    NEVER_CONTINUE,
    /** Answer 100 Continue and process normally, like a plain HTTP/1.1 server. */
    HONOUR
  }

  /** Answer to {@code POST /v1/access_token} with an unknown email. */
  public enum UnknownEmailMode {
    /** 403 {@code API_ERR_FORBIDDEN} (default). */
    FORBIDDEN_403,
    /** 400 {@code API_ERR_SIGNATURE}: there is no key the signature could match. */
    SIGNATURE_400
  }

  /** Spelling of the {@code Link} header. Every style means the same under RFC 8288. */
  public enum LinkStyle {
    /**
     * One field, {@code <u>; rel="first", <u>; rel="prev", <u>; rel="next"}, as documented
     * (default).
     */
    DOCUMENTED,
    /**
     * One field; per page a different order, quoted or bare {@code rel}, spacing, and extra {@code
     * title}/{@code type} parameters whose quoted values contain commas and semicolons.
     */
    VARIED,
    /** Like {@link #VARIED}, but each relation in its own {@code Link} header field. */
    SPLIT
  }

  public AccengageSettings {
    Objects.requireNonNull(tokenTtl, "tokenTtl");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    Objects.requireNonNull(expectContinue, "expectContinue");
    Objects.requireNonNull(unknownEmail, "unknownEmail");
    Objects.requireNonNull(linkStyle, "linkStyle");
    if (tokenTtl.isNegative() || tokenTtl.isZero())
      throw new IllegalArgumentException("tokenTtl must be positive");
    if (maxClockSkew.isNegative())
      throw new IllegalArgumentException("maxClockSkew must not be negative");
    if (pageSize < 1 || devicePageSize < 1)
      throw new IllegalArgumentException("page sizes must be >= 1");
    if (maxTargets < 1) throw new IllegalArgumentException("maxTargets must be >= 1");
  }

  /** The defaults proposed by provider-apis.md §3. */
  public static AccengageSettings defaults() {
    return new AccengageSettings(
        Duration.ofSeconds(3600),
        Duration.ofSeconds(300),
        100,
        100,
        100,
        ExpectContinueMode.REJECT_417,
        UnknownEmailMode.FORBIDDEN_403,
        LinkStyle.DOCUMENTED,
        false,
        true,
        false,
        true,
        true,
        false);
  }

  public AccengageSettings withTokenTtl(Duration v) {
    return Records.with(this, "tokenTtl", v);
  }

  public AccengageSettings withMaxClockSkew(Duration v) {
    return Records.with(this, "maxClockSkew", v);
  }

  public AccengageSettings withPageSize(int v) {
    return Records.with(this, "pageSize", v);
  }

  public AccengageSettings withDevicePageSize(int v) {
    return Records.with(this, "devicePageSize", v);
  }

  public AccengageSettings withMaxTargets(int v) {
    return Records.with(this, "maxTargets", v);
  }

  public AccengageSettings withExpectContinue(ExpectContinueMode v) {
    return Records.with(this, "expectContinue", v);
  }

  public AccengageSettings withUnknownEmail(UnknownEmailMode v) {
    return Records.with(this, "unknownEmail", v);
  }

  public AccengageSettings withLinkStyle(LinkStyle v) {
    return Records.with(this, "linkStyle", v);
  }

  public AccengageSettings withExportLinkNextOnly(boolean v) {
    return Records.with(this, "exportLinkNextOnly", v);
  }

  public AccengageSettings withCsvHeaderOnEmptyPage(boolean v) {
    return Records.with(this, "csvHeaderOnEmptyPage", v);
  }

  public AccengageSettings withNextOnFullLastPage(boolean v) {
    return Records.with(this, "nextOnFullLastPage", v);
  }

  public AccengageSettings withStrictMessageFields(boolean v) {
    return Records.with(this, "strictMessageFields", v);
  }

  public AccengageSettings withRequireJsonContentType(boolean v) {
    return Records.with(this, "requireJsonContentType", v);
  }

  public AccengageSettings withRevokePreviousTokens(boolean v) {
    return Records.with(this, "revokePreviousTokens", v);
  }
}
