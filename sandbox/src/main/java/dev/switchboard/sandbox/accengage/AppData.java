package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.sandbox.kit.SeededRandom;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One app (partner ID) of a user. ASSUMPTION: only {@code partnerId}, name and platform are
 * suggested by provider-apis.md §3.4; {@code bundleId}, {@code createdAt} and {@code timezone} are
 * invented, in the doc's camelCase style ({@code partnerId}, {@code lastOpen}).
 */
final class AppData {
  final int index;
  final String partnerId;
  final String name;
  final String platform;
  final String bundleId;
  final LocalDate created;
  final String timezone;
  final Messages messages;
  final Segments segments;
  final Devices devices;

  AppData(AccengageUser user, int index) {
    this.index = index;
    this.partnerId = user.partnerIds().get(index);
    long seed = Seeds.appSeed(user.seed(), index);
    SplittableRandom r = SeededRandom.rng(seed, Seeds.APPS, 0);
    String base = SeededRandom.pick(r, FakePush.APP_NAMES);
    this.platform = SeededRandom.pick(r, FakePush.PLATFORMS);
    this.name = base + (platform.equals("ios") ? " (iOS)" : " (Android)");
    this.bundleId = "com.example." + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    this.created = FakePush.LAST_DAY.minusDays(FakePush.SPAN_DAYS + 30L + r.nextInt(900));
    this.timezone = SeededRandom.pick(r, FakePush.COUNTRIES).timezone();
    this.messages = new Messages(seed, user.messagesPerApp());
    this.segments = new Segments(seed, user.segmentsPerApp(), platform);
    this.devices = new Devices(seed, user.devicesPerApp(), platform);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("partnerId", partnerId);
    g.writeStringField("name", name);
    g.writeStringField("platform", platform);
    g.writeStringField("bundleId", bundleId);
    g.writeStringField("timezone", timezone);
    g.writeStringField("createdAt", FakePush.iso(created.atTime(10, 0)));
    g.writeEndObject();
  }
}
