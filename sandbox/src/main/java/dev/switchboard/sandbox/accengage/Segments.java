package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.sandbox.kit.SeededRandom;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * An app's segments (ASSUMPTION: shape invented; the legacy API names {@code segmentId} as a push
 * target, provider-apis.md §3.4). Ids are consecutive from a seeded base.
 */
final class Segments {
  private final long seed;
  private final long size;
  private final String platform;
  final long firstId;

  Segments(long seed, long size, String platform) {
    this.seed = seed;
    this.size = size;
    this.platform = platform;
    this.firstId = 1_000 + SeededRandom.rng(seed, Seeds.IDS, Seeds.SEGMENTS).nextInt(9_000);
  }

  long size() {
    return size;
  }

  boolean exists(long id) {
    return id >= firstId && id < firstId + size;
  }

  void write(JsonGenerator g, long index) throws IOException {
    SplittableRandom r = SeededRandom.rng(seed, Seeds.SEGMENTS, index);
    String name = SeededRandom.pick(r, FakePush.SEGMENT_NAMES);
    g.writeStartObject();
    g.writeNumberField("id", firstId + index);
    g.writeStringField(
        "name", index < FakePush.SEGMENT_NAMES.length ? name : name + " #" + (index + 1));
    g.writeObjectFieldStart("criteria");
    g.writeStringField("platform", platform);
    g.writeBooleanField("optin", r.nextInt(4) != 0);
    if (r.nextBoolean()) g.writeNumberField("lastOpenWithinDays", 7 * (1 + r.nextInt(12)));
    if (r.nextInt(3) == 0)
      g.writeStringField("country", SeededRandom.pick(r, FakePush.COUNTRIES).code());
    g.writeEndObject();
    g.writeNumberField("deviceCount", 50 + r.nextInt(250_000));
    g.writeStringField(
        "createdAt", FakePush.iso(FakePush.dayOf(index, size).atTime(9 + r.nextInt(9), 0)));
    g.writeEndObject();
  }
}
