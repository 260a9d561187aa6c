package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A paginated JSON answer: {@code {"<items>": [...], "links": {...}}} plus the {@code Link} header
 * (seed doc: "a link body field was added to the returned JSON body"). The items member name is an
 * ASSUMPTION ({@code apps}, {@code messages}, {@code segments}); no total is given, so clients must
 * follow {@code next}.
 */
final class PagedJson {
  /** Writes item {@code index}. */
  interface ItemWriter {
    void write(JsonGenerator g, long index) throws IOException;
  }

  private PagedJson() {}

  static void send(ApiCall call, String itemsField, long total, ItemWriter items) {
    AccengageSettings s = call.settings();
    PageSlice slice =
        PageSlice.of(
            call.page(), total, s.pageSize(), call.scenario().emptyPages(), s.nextOnFullLastPage());
    PageLinks links = call.links(slice);
    call.linkHeader(links, slice.page(), "application/json", false);
    ApiReplies.json(
        call.ctx(),
        200,
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart(itemsField);
          for (long i = slice.from(); i < slice.to(); i++) items.write(g, i);
          g.writeEndArray();
          links.writeField(g);
          g.writeEndObject();
        });
  }
}
