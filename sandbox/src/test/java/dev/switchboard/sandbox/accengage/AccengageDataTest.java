package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data is a pure function of (seed, app, index): identical bytes across runs, different per seed.
 */
class AccengageDataTest extends AccengageFixture {
  private static final List<String> PATHS =
      List.of(
          "/v1/me/apps",
          app(APP),
          app(APP) + "/messages?page=2",
          app(APP) + "/segments",
          app(APP) + "/devices?page=3",
          app(APP2) + "/devices?lastOpen=2024-05-01");

  @Test
  void sameSeedSameBytesOtherSeedOtherData() {
    start(AccengageSettings.defaults());
    List<String> first = fetch(http);
    AccengageSimulator second =
        await(
            AccengageSimulator.start(
                vertx, "127.0.0.1", 0, clock, twoUsers(AccengageSettings.defaults())));
    AccengageSimulator reseeded =
        await(
            AccengageSimulator.start(
                vertx,
                "127.0.0.1",
                0,
                clock,
                new AccengageConfig(AccengageSettings.defaults(), Map.of())
                    .withUser(
                        AccengageUser.of(EMAIL, KEY, 99, APP, APP2)
                            .withSizes(MESSAGES, 30, DEVICES))));
    try {
      List<String> again = fetch(new AccengageHttp(second, EMAIL, KEY, clock));
      List<String> other = fetch(new AccengageHttp(reseeded, EMAIL, KEY, clock));
      for (int i = 0; i < PATHS.size(); i++) {
        assertThat(again.get(i).replace(":" + second.port(), ":" + sim.port()))
            .as(PATHS.get(i))
            .isEqualTo(first.get(i));
        assertThat(other.get(i).replace(":" + reseeded.port(), ":" + sim.port()))
            .as(PATHS.get(i))
            .isNotEqualTo(first.get(i));
      }
    } finally {
      await(second.close());
      await(reseeded.close());
    }
  }

  @Test
  void appsOfOneUserHaveTheirOwnData() {
    start(AccengageSettings.defaults());
    String t = http.token();
    assertThat(http.get(t, app(APP) + "/messages").body().replace(APP, "X"))
        .isNotEqualTo(http.get(t, app(APP2) + "/messages").body().replace(APP2, "X"));
    assertThat(http.get(t, app(APP) + "/devices").body())
        .isNotEqualTo(http.get(t, app(APP2) + "/devices").body());
  }

  @Test
  void deviceIdsDecodeToTheirIndexAndLookUnrelated() {
    Devices devices = new Devices(Seeds.appSeed(7, 0), 1_000, "ios");
    long total = 500_000;
    for (long i = 0; i < total; i += 997)
      assertThat(devices.indexOf(devices.id(i), total)).isEqualTo(i);
    assertThat(devices.indexOf(devices.id(total - 1), total)).isEqualTo(total - 1);
    assertThat(devices.indexOf(devices.id(total), total)).as("beyond the export").isEqualTo(-1);
    assertThat(devices.id(0).substring(30)).isNotEqualTo(devices.id(1).substring(30));
  }

  private static List<String> fetch(AccengageHttp client) {
    String t = client.token();
    return PATHS.stream().map(p -> client.get(t, p).body()).toList();
  }
}
