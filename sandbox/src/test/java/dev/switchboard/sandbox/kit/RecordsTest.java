package dev.switchboard.sandbox.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.SandboxConfig;
import dev.switchboard.sandbox.accengage.AccengageConfig;
import dev.switchboard.sandbox.accengage.AccengageScenario;
import dev.switchboard.sandbox.accengage.AccengageSettings;
import dev.switchboard.sandbox.accengage.AccengageUser;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.sandbox.accountsiq.AccountsIqEntity;
import dev.switchboard.sandbox.accountsiq.AccountsIqScenario;
import dev.switchboard.sandbox.accountsiq.AccountsIqSettings;
import dev.switchboard.sandbox.accountsiq.AccountsIqTenant;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.sandbox.iqreseller.IqResellerSettings;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copies of records: one component changed, the record's checks kept, names that exist. */
class RecordsTest {
  /**
   * A record of every kind the sandbox derives with {@code withX} methods, in its default state.
   */
  private static final List<Record> RECORDS =
      List.of(
          IqResellerSettings.defaults(),
          IqResellerScenario.none(),
          IqResellerTenant.of("t", 1),
          IqResellerConfig.defaults(),
          AccengageSettings.defaults(),
          AccengageScenario.none(),
          AccengageUser.of("a@b.c", "k", 1, "1"),
          AccengageConfig.defaults(),
          AccountsIqSettings.defaults(),
          AccountsIqScenario.none(),
          AccountsIqTenant.login("C1", "p", "u"),
          AccountsIqEntity.of("E1", 1),
          AccountsIqConfig.defaults(),
          SandboxConfig.defaults(),
          RandomFaults.of(1, 0.1, 0, 0, 0));

  @Test
  void withChangesOneComponentAndKeepsTheRecordsChecks() {
    IqResellerSettings s = IqResellerSettings.defaults();
    assertThat(Records.with(s, "pageSizeCap", 7))
        .isEqualTo(s.withPageSizeCap(7))
        .satisfies(
            c -> {
              assertThat(c.pageSizeCap()).isEqualTo(7);
              assertThat(c.sessionIdleTtl()).isEqualTo(s.sessionIdleTtl());
            });
    assertThatThrownBy(() -> s.withPageSizeCap(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSizeCap");
    assertThatThrownBy(() -> Records.with(s, "pageSize", 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no component pageSize");
  }

  @Test
  void overlayPrefersTheOverridesNonNullMembers() {
    IqResellerScenario base = IqResellerScenario.none().withLatencyMs(5).withTruncateJsonOnPage(2);
    IqResellerScenario over = IqResellerScenario.none().withLatencyMs(9).withInvalidApiKey(true);
    assertThat(base.overriddenBy(over))
        .isEqualTo(
            IqResellerScenario.none()
                .withLatencyMs(9)
                .withTruncateJsonOnPage(2)
                .withInvalidApiKey(true));
    assertThat(base.overriddenBy(null)).isSameAs(base);
  }

  /**
   * Every one-value {@code withX} sets component {@code x}: a misspelt name would fail here, not in
   * a test run.
   */
  @Test
  void everyWitherNamesAComponentOfItsRecord() throws Exception {
    int checked = 0;
    for (Record r : RECORDS) {
      for (Method m : r.getClass().getMethods()) {
        if (!m.getName().startsWith("with")
            || m.getName().length() == 4
            || m.getParameterCount() != 1
            || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        RecordComponent c = component(r, decapitalise(m.getName().substring(4)));
        if (c == null || box(c.getType()) != box(m.getParameterTypes()[0]))
          continue; // e.g. withRateLimit(int times)
        Object sample = sample(m.getParameterTypes()[0], c.getAccessor().invoke(r));
        if (sample == null) continue;
        Record changed = (Record) m.invoke(r, sample);
        assertThat(c.getAccessor().invoke(changed))
            .as(r.getClass().getSimpleName() + "." + m.getName())
            .isEqualTo(sample);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(60);
  }

  private static RecordComponent component(Record r, String name) {
    return Arrays.stream(r.getClass().getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static String decapitalise(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static Class<?> box(Class<?> t) {
    if (t == int.class) return Integer.class;
    if (t == long.class) return Long.class;
    if (t == boolean.class) return Boolean.class;
    return t;
  }

  /** A valid value other than {@code current}, or null for a type this test does not make up. */
  private static Object sample(Class<?> type, Object current) {
    if (type == boolean.class || type == Boolean.class) return !Boolean.TRUE.equals(current);
    if (type == int.class || type == Integer.class) {
      return current instanceof Integer status && status >= 500 && status < 600
          ? 502
          : 3; // an HTTP status stays one
    }
    if (type == long.class || type == Long.class) return 7L;
    if (type == Duration.class) return Duration.ofMinutes(7);
    if (type == String.class) return "sample";
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants())
          .filter(e -> !e.equals(current))
          .findFirst()
          .orElse(null);
    }
    return null;
  }
}
