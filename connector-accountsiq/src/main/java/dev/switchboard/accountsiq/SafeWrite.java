package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Single;
import java.util.function.Supplier;

/**
 * A create that is never applied twice (provider-apis.md §1.6 "Idempotency: there is none built
 * in"): look the record up by its ExternalReference first, create only if absent, and when the
 * create's outcome is unknown (timeout, lost connection, an error after the write) look again
 * before deciding. A command replayed with the same id therefore finds its first result.
 */
final class SafeWrite {
  private SafeWrite() {}

  /**
   * @param lookup finds the record by external reference (empty if none)
   * @param create creates it, not retried blindly
   * @return the created or found record, with {@code "existing": true} when it was found
   */
  static Single<JsonNode> once(
      Supplier<Maybe<JsonNode>> lookup, Supplier<Single<JsonNode>> create) {
    return Maybe.defer(lookup::get)
        .map(found -> marked(found, true))
        .switchIfEmpty(
            Single.defer(create::get)
                .map(made -> marked(made, false))
                .onErrorResumeNext(
                    e ->
                        unknown(e)
                            ? Maybe.defer(lookup::get)
                                .map(found -> marked(found, true))
                                .switchIfEmpty(Single.error(e))
                            : Single.error(e)));
  }

  /** Whether the write may have been applied although it failed. */
  static boolean unknown(Throwable e) {
    return e instanceof SwitchboardException s && s.code().equals("WRITE_OUTCOME_UNKNOWN");
  }

  private static JsonNode marked(JsonNode record, boolean existing) {
    ObjectNode o = record.isObject() ? ((ObjectNode) record).deepCopy() : Json.object();
    return o.put("existing", existing);
  }

  /** Reads one id out-parameter of a write answer, e.g. {@code <invoiceID>}. */
  static long id(String call, AccountsIqClient.Answer a, String name) {
    JsonNode v = a.out().get(name);
    if (v == null || !v.canConvertToLong()) {
      throw ProviderCallException.badResponse(
          "accountsiq", call, "the answer has no " + name, false);
    }
    return v.asLong();
  }
}
