package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.Records;
import java.time.Duration;
import java.util.Objects;

/**
 * Every behaviour of the AccountsIQ simulator that {@code provider-apis.md} §1 marks as an
 * ASSUMPTION or LIKELY (or leaves open), as a setting. Connector tests should run against more than
 * one value so that a connector cannot silently depend on one guess.
 *
 * @param loginTokenTtl 1.1 session token lifetime; CERTAIN 20 minutes (§1.3 step 4)
 * @param loginTokenExpiry absolute (default: counts from Login, as the PHP client caches it) or
 *     idle (each valid call restarts it); the docs do not say which (§1.3 step 4)
 * @param accessTokenTtl 2.0 access token lifetime; not published, default 60 minutes (§1.4)
 * @param refreshTokenTtl 2.0 refresh token lifetime; not published, default 30 days (§1.4)
 * @param refreshRevokesAccessToken {@code true}: TokenRefresh also kills the access token issued
 *     with the used refresh token; default {@code false} (it lives until its own expiry)
 * @param loginFailure how a Login with bad credentials answers (§1.3 step 5, ASSUMPTION)
 * @param expiredSessionErrorCode ErrorCode beside {@code HasExpired=true} on 1.1; the envelope of
 *     an expired session is undocumented, default {@code UNKNOWN} (§1.5, ASSUMPTION)
 * @param wrongClientSecretErrorCode TokenGet/TokenRefresh with an unknown client or a wrong secret;
 *     default {@code OAUTH_INTEGRATION_APPS_APP_NOT_FOUND} (ASSUMPTION: the trigger is inferred)
 * @param invoicesPageCap rows per GetInvoicesBy call; CERTAIN 1,000 (wiki, §1.7)
 * @param transactionsPageCap rows per GetTransactionsBy call; CERTAIN 10,000 (wiki, §1.7)
 * @param nullStrings how a null optional string is written: omitted (default; LIKELY, what
 *     XmlSerializer does for {@code minOccurs=0} members) or {@code xsi:nil="true"}; nillable value
 *     types ({@code int?}, {@code DateTime?}) are always {@code xsi:nil="true"}
 * @param emptyList an empty list result: {@code <Result />} (default) or no Result element at all
 *     (a public Node client handles both, §1.6)
 * @param dateTimes xs:dateTime without a zone (default; LIKELY for ASMX local DateTimes, §1.8) or
 *     with {@code Z}; entity-local times are UTC in the simulator
 * @param fractionalSeconds write sub-second digits ({@code .1234567}) when a time has them, as .NET
 *     does; default {@code false} (whole seconds)
 * @param rejectDuplicateExternalReference a second invoice with the same ExternalReference fails
 *     with {@code INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS} (default; ASSUMPTION, §1.10.6)
 * @param requireRowVersionOnUpdate an update must carry the stored RowVersionNumber or it is {@code
 *     Conflicted}/{@code OUTDATED_RECORD} (default; LIKELY, troubleshooting.md)
 * @param requireSoapAction {@code true}: a request without SOAPAction is a SOAP fault, as plain
 *     ASMX would answer; default {@code false}: dispatch falls back to the body element (§1.10.1)
 */
public record AccountsIqSettings(
    Duration loginTokenTtl,
    TokenExpiry loginTokenExpiry,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    boolean refreshRevokesAccessToken,
    LoginFailure loginFailure,
    String expiredSessionErrorCode,
    String wrongClientSecretErrorCode,
    int invoicesPageCap,
    int transactionsPageCap,
    NullStrings nullStrings,
    EmptyList emptyList,
    DateTimes dateTimes,
    boolean fractionalSeconds,
    boolean rejectDuplicateExternalReference,
    boolean requireRowVersionOnUpdate,
    boolean requireSoapAction) {

  /** How the 1.1 session lifetime is counted. */
  public enum TokenExpiry {
    ABSOLUTE,
    IDLE
  }

  /** The answer to a Login with wrong keys. */
  public enum LoginFailure {
    /** HTTP 200, {@code <LoginResponse/>} without LoginResult (default). */
    EMPTY_RESPONSE,
    /** HTTP 200, {@code <LoginResponse><LoginResult/></LoginResponse>}: an empty token. */
    EMPTY_RESULT,
    /** HTTP 500 {@code soap:Server} fault, as an unhandled ASMX exception would be. */
    SOAP_FAULT
  }

  /** How null optional strings are written. */
  public enum NullStrings {
    OMIT,
    NIL
  }

  /** How an empty list result is written. */
  public enum EmptyList {
    EMPTY_ELEMENT,
    OMIT
  }

  /** How xs:dateTime values are written. */
  public enum DateTimes {
    NO_ZONE,
    UTC_Z
  }

  public AccountsIqSettings {
    positive(loginTokenTtl, "loginTokenTtl");
    positive(accessTokenTtl, "accessTokenTtl");
    positive(refreshTokenTtl, "refreshTokenTtl");
    Objects.requireNonNull(loginTokenExpiry, "loginTokenExpiry");
    Objects.requireNonNull(loginFailure, "loginFailure");
    Objects.requireNonNull(expiredSessionErrorCode, "expiredSessionErrorCode");
    Objects.requireNonNull(wrongClientSecretErrorCode, "wrongClientSecretErrorCode");
    Objects.requireNonNull(nullStrings, "nullStrings");
    Objects.requireNonNull(emptyList, "emptyList");
    Objects.requireNonNull(dateTimes, "dateTimes");
    if (invoicesPageCap < 1 || transactionsPageCap < 1)
      throw new IllegalArgumentException("page caps must be >= 1");
  }

  /** The defaults proposed by provider-apis.md §1. */
  public static AccountsIqSettings defaults() {
    return new AccountsIqSettings(
        Duration.ofMinutes(20),
        TokenExpiry.ABSOLUTE,
        Duration.ofMinutes(60),
        Duration.ofDays(30),
        false,
        LoginFailure.EMPTY_RESPONSE,
        "UNKNOWN",
        "OAUTH_INTEGRATION_APPS_APP_NOT_FOUND",
        1_000,
        10_000,
        NullStrings.OMIT,
        EmptyList.EMPTY_ELEMENT,
        DateTimes.NO_ZONE,
        false,
        true,
        true,
        false);
  }

  public AccountsIqSettings withLoginTokenTtl(Duration v) {
    return Records.with(this, "loginTokenTtl", v);
  }

  public AccountsIqSettings withLoginTokenExpiry(TokenExpiry v) {
    return Records.with(this, "loginTokenExpiry", v);
  }

  public AccountsIqSettings withAccessTokenTtl(Duration v) {
    return Records.with(this, "accessTokenTtl", v);
  }

  public AccountsIqSettings withRefreshTokenTtl(Duration v) {
    return Records.with(this, "refreshTokenTtl", v);
  }

  public AccountsIqSettings withRefreshRevokesAccessToken(boolean v) {
    return Records.with(this, "refreshRevokesAccessToken", v);
  }

  public AccountsIqSettings withLoginFailure(LoginFailure v) {
    return Records.with(this, "loginFailure", v);
  }

  public AccountsIqSettings withExpiredSessionErrorCode(String v) {
    return Records.with(this, "expiredSessionErrorCode", v);
  }

  public AccountsIqSettings withWrongClientSecretErrorCode(String v) {
    return Records.with(this, "wrongClientSecretErrorCode", v);
  }

  public AccountsIqSettings withPageCaps(int invoices, int transactions) {
    return Records.with(
        Records.with(this, "invoicesPageCap", invoices), "transactionsPageCap", transactions);
  }

  public AccountsIqSettings withNullStrings(NullStrings v) {
    return Records.with(this, "nullStrings", v);
  }

  public AccountsIqSettings withEmptyList(EmptyList v) {
    return Records.with(this, "emptyList", v);
  }

  public AccountsIqSettings withDateTimes(DateTimes v, boolean fractional) {
    return Records.with(Records.with(this, "dateTimes", v), "fractionalSeconds", fractional);
  }

  public AccountsIqSettings withRejectDuplicateExternalReference(boolean v) {
    return Records.with(this, "rejectDuplicateExternalReference", v);
  }

  public AccountsIqSettings withRequireRowVersionOnUpdate(boolean v) {
    return Records.with(this, "requireRowVersionOnUpdate", v);
  }

  public AccountsIqSettings withRequireSoapAction(boolean v) {
    return Records.with(this, "requireSoapAction", v);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero())
      throw new IllegalArgumentException(name + " must be positive");
  }
}
