package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.iqreseller.DataReply.ListReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a list reply as a bare array, generating records chunk by chunk. A page that fits one
 * chunk goes out with a Content-Length; a longer one (e.g. {@code PageSize=0} on a million orders)
 * is sent chunked, honouring the connection's write queue and yielding the event loop between
 * chunks, so memory stays flat and other requests keep being served.
 */
final class ListResponseStream {
  private static final Logger LOG = LoggerFactory.getLogger(ListResponseStream.class);
  static final int RECORDS_PER_CHUNK = 250;

  private final RoutingContext ctx;
  private final HttpServerResponse response;
  private final ListReply list;
  private final boolean truncate;
  private final BufferOutputStream out = new BufferOutputStream();
  private final RecordEncoder encoder;
  private final long end;

  ListResponseStream(RoutingContext ctx, WireFormat format, ListReply list, boolean truncate)
      throws IOException {
    this.ctx = ctx;
    this.response = ctx.response();
    this.list = list;
    this.truncate = truncate;
    this.encoder = format.encoder(out);
    // A truncated page stops about half-way, as if the connection had been cut.
    this.end = truncate ? list.from() + (list.to() - list.from() + 1) / 2 : list.to();
    response.putHeader("Content-Type", format.contentType);
  }

  void start() throws IOException {
    encoder.beginArray(list.catalog().xmlType());
    pump(list.from());
  }

  private void pump(long next) {
    if (response.closed()) return;
    try {
      long stop = Math.min(end, next + RECORDS_PER_CHUNK);
      for (long i = next; i < stop; i++) list.catalog().write(i, encoder);
      if (stop >= end) {
        finish();
        return;
      }
      encoder.flush();
      if (!response.isChunked()) response.setChunked(true);
      response.write(out.take());
      if (response.writeQueueFull()) {
        response.drainHandler(
            v -> {
              response.drainHandler(null);
              pump(stop);
            });
      } else {
        ctx.vertx().runOnContext(v -> pump(stop));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("list response failed", e);
      if (!response.headWritten()) ctx.fail(e);
      else response.reset();
    }
  }

  private void finish() throws IOException {
    if (!truncate) encoder.endArray();
    encoder.flush();
    Buffer last = out.take();
    response.end(truncate ? cutMidRecord(last) : last);
  }

  /** Drops the tail of the last chunk: the body ends inside a record and never parses. */
  static Buffer cutMidRecord(Buffer b) {
    int keep = Math.max(1, b.length() - Math.min(b.length() / 2, 40));
    return b.getBuffer(0, keep);
  }
}
