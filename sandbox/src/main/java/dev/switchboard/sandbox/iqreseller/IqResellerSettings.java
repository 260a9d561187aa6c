package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.Records;
import java.time.Duration;
import java.util.Objects;

/**
 * Every behaviour of the IQ Reseller simulator that {@code provider-apis.md} §2 marks as an
 * ASSUMPTION (or where the public record conflicts), as a setting. Connector tests should run
 * against more than one value so that a connector cannot silently depend on one guess.
 *
 * @param sessionIdleTtl session lifetime; not published (§2.2 step 5). Default 60 minutes.
 * @param slidingSessionExpiry {@code true} (default): each valid call restarts the lifetime (idle
 *     timeout); {@code false}: the lifetime counts from login (one client re-logs every 55 min).
 * @param pageSizeCap PageSize is silently capped here (§2.5, "2000 is the maximum"). Default 2000.
 * @param pageSizeZeroMeansAll {@code true} (default): {@code PageSize=0} (or a missing PageSize,
 *     which WCF binds to 0) returns every record, uncapped (one client's notes); {@code false}: it
 *     returns an empty array.
 * @param pageBase how {@code Page} is numbered; the record is ambiguous (§2.5).
 * @param loginFailureMode how an invalid APIToken is refused (§2.2 step 6).
 * @param logoutResponse the DELETE Session body: the vendor page says "no response payload", the
 *     research doc suggests {@code {"Data":true}}; connectors must accept both.
 * @param unknownItem404 {@code true} (default): {@code GetItemByItemId} with an unknown id is 404
 *     {@code {"Message":...}}; {@code false}: 200 with a JSON {@code null} body.
 * @param caseInsensitivePaths {@code true} (default): path literals ({@code SO/json/getsos}) match
 *     case-insensitively like WCF UriTemplates; {@code false}: only the spellings observed in
 *     client code ({@code SO/JSON/GetSOs}, {@code CV/json/GetCVs}, ...) match.
 * @param loginEnvelopeExtraMembers {@code true}: the session response carries members besides
 *     {@code Data} (an ASP.NET wrapper might), to prove a connector ignores unknown fields.
 */
public record IqResellerSettings(
    Duration sessionIdleTtl,
    boolean slidingSessionExpiry,
    int pageSizeCap,
    boolean pageSizeZeroMeansAll,
    PageBase pageBase,
    LoginFailureMode loginFailureMode,
    LogoutResponse logoutResponse,
    boolean unknownItem404,
    boolean caseInsensitivePaths,
    boolean loginEnvelopeExtraMembers) {

  /** Numbering of the {@code Page} query parameter. */
  public enum PageBase {
    /** Pages are 1-based and {@code Page=0} is treated as page 1 (default). */
    ONE,
    /** Pages are 0-based: {@code Page=0} is the first page, {@code Page=1} the second. */
    ZERO
  }

  /** Response to a login with an invalid or unknown APIToken. */
  public enum LoginFailureMode {
    /** 401 {@code {"Data":null,"Message":"Invalid API token"}} (default). */
    UNAUTHORIZED_401,
    /** 200 {@code {"Data":null,"Message":"Invalid API token"}}: callers must check {@code Data}. */
    OK_WITH_NULL_DATA
  }

  /** Body of a successful {@code DELETE Session}. */
  public enum LogoutResponse {
    /** 200 {@code {"Data":true}} (default). */
    DATA_TRUE,
    /** 200 with an empty body, as the vendor page literally says. */
    EMPTY
  }

  public IqResellerSettings {
    Objects.requireNonNull(sessionIdleTtl, "sessionIdleTtl");
    Objects.requireNonNull(pageBase, "pageBase");
    Objects.requireNonNull(loginFailureMode, "loginFailureMode");
    Objects.requireNonNull(logoutResponse, "logoutResponse");
    if (sessionIdleTtl.isNegative() || sessionIdleTtl.isZero()) {
      throw new IllegalArgumentException("sessionIdleTtl must be positive");
    }
    if (pageSizeCap < 1) throw new IllegalArgumentException("pageSizeCap must be >= 1");
  }

  /** The defaults proposed by provider-apis.md. */
  public static IqResellerSettings defaults() {
    return new IqResellerSettings(
        Duration.ofMinutes(60),
        true,
        2000,
        true,
        PageBase.ONE,
        LoginFailureMode.UNAUTHORIZED_401,
        LogoutResponse.DATA_TRUE,
        true,
        true,
        false);
  }

  public IqResellerSettings withSessionIdleTtl(Duration v) {
    return Records.with(this, "sessionIdleTtl", v);
  }

  public IqResellerSettings withSlidingSessionExpiry(boolean v) {
    return Records.with(this, "slidingSessionExpiry", v);
  }

  public IqResellerSettings withPageSizeCap(int v) {
    return Records.with(this, "pageSizeCap", v);
  }

  public IqResellerSettings withPageSizeZeroMeansAll(boolean v) {
    return Records.with(this, "pageSizeZeroMeansAll", v);
  }

  public IqResellerSettings withPageBase(PageBase v) {
    return Records.with(this, "pageBase", v);
  }

  public IqResellerSettings withLoginFailureMode(LoginFailureMode v) {
    return Records.with(this, "loginFailureMode", v);
  }

  public IqResellerSettings withLogoutResponse(LogoutResponse v) {
    return Records.with(this, "logoutResponse", v);
  }

  public IqResellerSettings withUnknownItem404(boolean v) {
    return Records.with(this, "unknownItem404", v);
  }

  public IqResellerSettings withCaseInsensitivePaths(boolean v) {
    return Records.with(this, "caseInsensitivePaths", v);
  }

  public IqResellerSettings withLoginEnvelopeExtraMembers(boolean v) {
    return Records.with(this, "loginEnvelopeExtraMembers", v);
  }
}
