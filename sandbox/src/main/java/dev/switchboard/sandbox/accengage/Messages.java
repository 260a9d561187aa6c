package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sandbox.kit.SeededRandom;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An app's push messages: generated ones (a pure function of the seed and the index), then the ones
 * created with {@code POST .../messages}, kept in memory. Ids are consecutive from a seeded
 * five-digit base, so {@code id - firstId} is the index. Members reuse the legacy API's message
 * names (provider-apis.md §3.4, CERTAIN for the legacy API only; their use in v1 is ASSUMPTION);
 * {@code id}, {@code status}, {@code createdAt} and {@code sentAt} are invented.
 */
final class Messages {
  private final long seed;
  private final long generated;
  final long firstId;
  private final List<ObjectNode> created = new CopyOnWriteArrayList<>();

  Messages(long seed, long generated) {
    this.seed = seed;
    this.generated = generated;
    this.firstId = 10_000 + SeededRandom.rng(seed, Seeds.IDS, Seeds.MESSAGES).nextInt(80_000);
  }

  long size() {
    return generated + created.size();
  }

  /** The index of message {@code id}, or -1. */
  long indexOf(long id) {
    long i = id - firstId;
    return i >= 0 && i < size() ? i : -1;
  }

  /** Stores a validated message body; returns the stored message (with id, status, createdAt). */
  synchronized ObjectNode create(ObjectNode fields, Instant now) {
    ObjectNode m = fields.objectNode();
    m.put("id", firstId + size());
    m.setAll(fields);
    m.put("status", "draft");
    m.put("createdAt", FakePush.iso(LocalDateTime.ofInstant(now, ZoneOffset.UTC).withNano(0)));
    created.add(m);
    return m;
  }

  void write(JsonGenerator g, long index) throws IOException {
    if (index >= generated) {
      g.writeTree(created.get((int) (index - generated)));
      return;
    }
    SplittableRandom r = SeededRandom.rng(seed, Seeds.MESSAGES, index);
    LocalDateTime at =
        FakePush.dayOf(index, generated).atTime(8 + r.nextInt(12), 15 * r.nextInt(4));
    g.writeStartObject();
    g.writeNumberField("id", firstId + index);
    g.writeStringField("subject", SeededRandom.pick(r, FakePush.SUBJECTS));
    g.writeStringField("text", SeededRandom.pick(r, FakePush.TEXTS));
    if (r.nextInt(3) == 0)
      g.writeStringField("customizedTitle", SeededRandom.pick(r, FakePush.SUBJECTS) + "!");
    int sound = r.nextInt(4);
    g.writeStringField("sound", sound == 0 ? "None" : sound == 1 ? "custom" : "default");
    if (sound == 1) g.writeStringField("soundName", SeededRandom.pick(r, FakePush.SOUND_NAMES));
    if (r.nextBoolean())
      g.writeStringField("badge", r.nextBoolean() ? "+1" : String.valueOf(r.nextInt(5)));
    if (r.nextInt(3) == 0) {
      g.writeStringField("richPushUrl", "https://m.example.com/promo/" + (firstId + index));
      g.writeStringField("richPushOpening", r.nextBoolean() ? "webview" : "browser");
    }
    g.writeBooleanField("popup", r.nextInt(5) == 0);
    if (r.nextInt(4) == 0) g.writeStringField("collapseKey", "promo-" + at.getYear());
    g.writeArrayFieldStart("customParams");
    for (int k = r.nextInt(3); k > 0; k--) {
      g.writeStartObject();
      g.writeStringField("key", SeededRandom.pick(r, FakePush.PARAM_KEYS));
      g.writeStringField("value", SeededRandom.pick(r, FakePush.PARAM_VALUES));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("contentAvailable", r.nextInt(6) == 0);
    boolean draft = index >= generated - Math.max(1, generated / 20);
    g.writeStringField("status", draft ? "draft" : "sent");
    g.writeStringField("createdAt", FakePush.iso(at));
    if (!draft) g.writeStringField("sentAt", FakePush.iso(at.plusMinutes(5 + r.nextInt(120))));
    g.writeEndObject();
  }
}
