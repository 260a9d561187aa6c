package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.accengage.AccengageScenario;
import dev.switchboard.sandbox.accountsiq.AccountsIqScenario;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.sandbox.kit.ScenarioJson;
import dev.switchboard.sandbox.kit.WriteTally;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The random fault mode as data, and its seeded draws. */
class RandomFaultsTest {
  private static final RandomFaults SUITE =
      new RandomFaults(7L, 0.10, null, 0.05, 1, 0.03, 1500L, 0.05, null);

  @Test
  void defaultsAndValidation() {
    RandomFaults none = new RandomFaults(null, null, null, null, null, null, null, null, null);
    assertThat(none.seed()).isZero();
    assertThat(none.serverErrorStatus()).isEqualTo(503);
    assertThat(none.retryAfterSeconds()).isEqualTo(1);
    assertThat(none.timeoutHoldMs()).isEqualTo(RandomFaults.DEFAULT_TIMEOUT_HOLD_MS);
    assertThat(none.authCalls()).isTrue();
    assertThat(none.active()).isFalse();
    assertThat(SUITE.active()).isTrue();
    assertThatThrownBy(() -> RandomFaults.of(1, 1.5, 0, 0, 0)).hasMessageContaining("serverErrors");
    assertThatThrownBy(() -> RandomFaults.of(1, -0.1, 0, 0, 0))
        .hasMessageContaining("serverErrors");
    assertThatThrownBy(() -> RandomFaults.of(1, 0.6, 0.3, 0.2, 0)).hasMessageContaining("<= 1");
    assertThatThrownBy(() -> RandomFaults.of(1, 0, 0, 0, 0).withServerErrorStatus(429))
        .hasMessageContaining("500..599");
  }

  @Test
  void everyScenarioCodecReadsAndWritesTheNewMember() {
    String json =
        "{\"randomFaults\":{\"seed\":7,\"serverErrors\":0.1,\"rateLimits\":0.05,"
            + "\"retryAfterSeconds\":1,\"timeouts\":0.03,\"timeoutHoldMs\":1500,\"lostAnswers\":0.05}}";
    IqResellerScenario iqr = read(json, IqResellerScenario.class);
    AccengageScenario acc = read(json, AccengageScenario.class);
    AccountsIqScenario aiq = read(json, AccountsIqScenario.class);
    assertThat(iqr.randomFaults()).isEqualTo(SUITE);
    assertThat(acc.randomFaults()).isEqualTo(SUITE);
    assertThat(aiq.randomFaults()).isEqualTo(SUITE);
    // written back with the defaults filled in, and read again to the same value
    assertThat(read(ScenarioJson.toJson(iqr), IqResellerScenario.class)).isEqualTo(iqr);
    assertThat(read(ScenarioJson.toJson(acc), AccengageScenario.class)).isEqualTo(acc);
    assertThat(read(ScenarioJson.toJson(aiq), AccountsIqScenario.class)).isEqualTo(aiq);
    assertThat(ScenarioJson.toJson(iqr))
        .contains("\"serverErrorStatus\":503", "\"authCalls\":true");
    // scenarios written before the member existed still read, and still refuse typos
    assertThat(read("{\"latencyMs\":5}", IqResellerScenario.class).randomFaults()).isNull();
    assertThat(read("{\"latencyMs\":5}", AccengageScenario.class).randomFaults()).isNull();
    assertThat(read("{\"latencyMs\":5}", AccountsIqScenario.class).randomFaults()).isNull();
    assertThatThrownBy(
            () -> read("{\"randomFaults\":{\"serverError\":0.1}}", IqResellerScenario.class))
        .hasMessageContaining("invalid scenario JSON");
    assertThatThrownBy(() -> read("{\"randomFaults\":{\"timeouts\":2}}", AccengageScenario.class))
        .hasMessageContaining("timeouts");
    // the old constructors are kept
    assertThat(new IqResellerScenario(3, null, null, null, null, null).randomFaults()).isNull();
    assertThat(IqResellerScenario.none().withRandomFaults(SUITE).withLatencyMs(3).randomFaults())
        .isEqualTo(SUITE);
    assertThat(AccountsIqScenario.none().withRandomFaults(SUITE).withLatencyMs(3).randomFaults())
        .isEqualTo(SUITE);
    assertThat(AccengageScenario.none().withRandomFaults(SUITE).withLatencyMs(3).randomFaults())
        .isEqualTo(SUITE);
    // a header override replaces the mode as a whole
    RandomFaults other = RandomFaults.of(9, 0, 0, 1, 0);
    assertThat(
            IqResellerScenario.none()
                .withRandomFaults(SUITE)
                .overriddenBy(IqResellerScenario.none().withRandomFaults(other))
                .randomFaults())
        .isEqualTo(other);
  }

  @Test
  void aSeededRunGivesTheFractionsAndIsReproducible() {
    int n = 20_000;
    Map<FaultDice.Call, Integer> counts = roll(new FaultDice(SUITE), n);
    assertThat(counts.get(FaultDice.Call.SERVER_ERROR)).isBetween(n * 8 / 100, n * 12 / 100);
    assertThat(counts.get(FaultDice.Call.RATE_LIMIT)).isBetween(n * 4 / 100, n * 6 / 100);
    assertThat(counts.get(FaultDice.Call.TIMEOUT)).isBetween(n * 2 / 100, n * 4 / 100);
    assertThat(roll(new FaultDice(SUITE), n)).as("same seed, same draws").isEqualTo(counts);
    assertThat(roll(new FaultDice(RandomFaults.of(8, 0.10, 0.05, 0.03, 0.05)), n))
        .as("another seed")
        .isNotEqualTo(counts);

    FaultDice lost = new FaultDice(SUITE);
    int losses = 0;
    for (int i = 0; i < n; i++) if (lost.loseAnswer()) losses++;
    assertThat(losses).isBetween(n * 4 / 100, n * 6 / 100);
  }

  @Test
  void authCallsDrawOnlyWhenAsked() {
    FaultDice all = new FaultDice(RandomFaults.of(1, 1, 0, 0, 0));
    assertThat(all.roll(true)).isEqualTo(FaultDice.Call.SERVER_ERROR);
    FaultDice dataOnly = new FaultDice(RandomFaults.of(1, 1, 0, 0, 0).withAuthCalls(false));
    assertThat(dataOnly.roll(true)).isEqualTo(FaultDice.Call.SERVE);
    assertThat(dataOnly.roll(false)).isEqualTo(FaultDice.Call.SERVER_ERROR);
    assertThat(new FaultDice(RandomFaults.of(1, 0, 0, 0, 0)).loseAnswer()).isFalse();
  }

  @Test
  void perTenantDiceRestartFromTheSeed() {
    FaultDice.PerTenant t = new FaultDice.PerTenant();
    assertThat(t.of(null)).isNull();
    assertThat(t.of(RandomFaults.of(1, 0, 0, 0, 0))).as("cannot fire").isNull();
    FaultDice d = t.of(SUITE);
    assertThat(t.of(SUITE)).isSameAs(d);
    t.clear();
    assertThat(t.of(SUITE)).isNotSameAs(d);
  }

  @Test
  void writeTallyCountsDuplicatesLossesAndResends() {
    WriteTally w = new WriteTally();
    w.arrived("a");
    w.applied("create", "a");
    w.answerLost("a");
    w.arrived("a"); // a blind re-send
    w.applied("create", "a");
    w.arrived("b");
    w.applied("create", "b");
    assertThat(w.applied()).containsEntry("create", 3L);
    assertThat(w.distinct()).containsEntry("create", 2L);
    assertThat(w.answersLost()).isEqualTo(1);
    assertThat(w.resentAfterLoss()).isEqualTo(1);
  }

  private static Map<FaultDice.Call, Integer> roll(FaultDice dice, int n) {
    Map<FaultDice.Call, Integer> counts = new EnumMap<>(FaultDice.Call.class);
    for (FaultDice.Call c : FaultDice.Call.values()) counts.put(c, 0);
    for (int i = 0; i < n; i++) counts.merge(dice.roll(false), 1, Integer::sum);
    return counts;
  }

  private static <T> T read(String json, Class<T> type) {
    return new ScenarioJson<>(type, null).parse(json);
  }
}
