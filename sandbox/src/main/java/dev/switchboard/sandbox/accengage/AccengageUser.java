package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.kit.Records;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One Accengage dashboard user allowed to use the API: an email, the API key generated for it under
 * Administration, and the apps (partner IDs) it manages (seed doc, "Accessing the API"). Its data
 * is generated on demand: record {@code i} of each list is a pure function of {@code (seed, app,
 * i)}, so an app with half a million devices costs no memory and two runs serve identical bytes.
 *
 * @param email identifies the user in {@code POST /v1/access_token}, stats and logs; unique
 * @param apiKey signs every request of the user (§3.2); never logged nor shown by {@link
 *     #toString()}
 * @param seed data seed
 * @param partnerIds the apps the user manages, in listing order; others answer 403
 *     API_ERR_FORBIDDEN
 * @param messagesPerApp generated push messages per app (created ones are added after them)
 * @param segmentsPerApp segments per app
 * @param devicesPerApp devices per app in the CSV export (overridable by scenario {@code
 *     devicePages})
 * @param scenario initial scenario (faults, latency); {@link AccengageScenario#none()} if null
 */
public record AccengageUser(
    String email,
    String apiKey,
    long seed,
    List<String> partnerIds,
    long messagesPerApp,
    long segmentsPerApp,
    long devicesPerApp,
    AccengageScenario scenario) {

  public AccengageUser {
    if (email == null || email.isBlank()) throw new IllegalArgumentException("email is blank");
    if (apiKey == null || apiKey.isBlank())
      throw new IllegalArgumentException("apiKey is blank for " + email);
    partnerIds = List.copyOf(Objects.requireNonNull(partnerIds, "partnerIds"));
    if (new HashSet<>(partnerIds).size() != partnerIds.size()) {
      throw new IllegalArgumentException("duplicate partner id for " + email);
    }
    for (String p : partnerIds) {
      if (p.isBlank() || p.contains("/"))
        throw new IllegalArgumentException("bad partner id '" + p + "'");
    }
    if (messagesPerApp < 0 || segmentsPerApp < 0 || devicesPerApp < 0) {
      throw new IllegalArgumentException("dataset sizes must be >= 0 for " + email);
    }
    scenario = scenario == null ? AccengageScenario.none() : scenario;
  }

  /**
   * A user with moderate sizes per app: 120 messages, 25 segments, 1,000 devices (10 export pages).
   */
  public static AccengageUser of(String email, String apiKey, long seed, String... partnerIds) {
    return new AccengageUser(
        email, apiKey, seed, List.of(partnerIds), 120, 25, 1_000, AccengageScenario.none());
  }

  public AccengageUser withSizes(long messages, long segments, long devices) {
    return new AccengageUser(
        email, apiKey, seed, partnerIds, messages, segments, devices, scenario);
  }

  public AccengageUser withPartnerIds(List<String> ids) {
    return Records.with(this, "partnerIds", ids);
  }

  public AccengageUser withScenario(AccengageScenario s) {
    return Records.with(this, "scenario", s);
  }

  /** Never shows the API key. */
  @Override
  public String toString() {
    return "AccengageUser[email="
        + email
        + ", apiKey=***, seed="
        + seed
        + ", partnerIds="
        + partnerIds
        + ", messagesPerApp="
        + messagesPerApp
        + ", segmentsPerApp="
        + segmentsPerApp
        + ", devicesPerApp="
        + devicesPerApp
        + ", scenario="
        + scenario
        + "]";
  }
}
