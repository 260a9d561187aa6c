package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** provider-apis.md §1.5: anything but Success/Created fails, the ErrorCode picks the category. */
class AccountsIqErrorsTest {
  @ParameterizedTest
  @CsvSource({
    "Failure, UNKNOWN, true, REFRESH_AUTH_THEN_RETRY, AUTH, AIQ_TOKEN_EXPIRED",
    "Failure, OAUTH_INTEGRATION_APPS_TOKEN_EXPIRED, false, REFRESH_AUTH_THEN_RETRY, AUTH, AIQ_TOKEN_EXPIRED",
    "Failure, OAUTH_INTEGRATION_APPS_TOKEN_IS_INVALID, false, REFRESH_AUTH_THEN_RETRY, AUTH, AIQ_TOKEN_EXPIRED",
    "Failure, OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED, false, RATE_LIMITED, RATE_LIMITED, AIQ_RATE_LIMITED",
    "Failure, OAUTH_INTEGRATION_APPS_APPLICATION_IS_REVOKED, false, FAIL, AUTH, OAUTH_INTEGRATION_APPS_APPLICATION_IS_REVOKED",
    "Failure, CUSTOMER_CODE_DOES_NOT_EXIST, false, FAIL, NOT_FOUND, CUSTOMER_CODE_DOES_NOT_EXIST",
    "Failure, INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS, false, FAIL, CONFLICT, INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS",
    "Conflicted, OUTDATED_RECORD, false, FAIL, CONFLICT, OUTDATED_RECORD",
    "Conflicted, SUCCESS, false, FAIL, CONFLICT, AIQ_CONFLICTED",
    "NotCreated, SUCCESS, false, FAIL, NOT_FOUND, AIQ_NOT_CREATED",
    "Failure, ACCOUNT_CODE_MUST_BE_UPPER_CASE, false, FAIL, INVALID_COMMAND, ACCOUNT_CODE_MUST_BE_UPPER_CASE",
    "Failure, ACCOUNT_NAME_IS_EMPTY, false, FAIL, INVALID_COMMAND, ACCOUNT_NAME_IS_EMPTY",
    "Failure, GETTRANSACTIONSBY_QUERY_TIMEOUT, false, RETRY, TRANSIENT, GETTRANSACTIONSBY_QUERY_TIMEOUT",
    "Failure, SOMETHING_NEW_2027, false, FAIL, PROVIDER, UNRECOGNISED",
    "Unknown, UNKNOWN, false, FAIL, PROVIDER, AIQ_UNKNOWN"
  })
  void theCodeDecides(
      String status,
      String code,
      boolean expired,
      Action action,
      Category category,
      String reported) {
    var r = AccountsIqErrors.of(status, code, expired);
    assertThat(r.action()).isEqualTo(action);
    assertThat(r.category()).isEqualTo(category);
    assertThat(r.code()).isEqualTo(reported);
  }

  @ParameterizedTest
  @CsvSource({
    "Success, true",
    "Created, true",
    "Failure, false",
    "NotCreated, false",
    "Conflicted, false",
    "Unknown, false",
    "InProgress, false"
  })
  void onlySuccessAndCreatedSucceed(String status, boolean ok) {
    assertThat(AccountsIqErrors.success(status)).isEqualTo(ok);
  }
}
