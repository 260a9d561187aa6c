package dev.switchboard.sandbox.accountsiq;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a list result record by record: the envelope head is already in the {@link XmlOut}, then
 * {@value #RECORDS_PER_CHUNK} records per chunk, generated just before they are written. A list
 * that fits one chunk goes out with a Content-Length (as ASMX sends it); a longer one — the
 * 100,000-customer {@code GetCustomerList} of §1.7, which has no paging — is sent chunked,
 * honouring the connection's write queue and yielding the event loop between chunks, so memory
 * stays flat and other requests keep being served.
 */
final class ListStream {
  private static final Logger LOG = LoggerFactory.getLogger(ListStream.class);
  static final int RECORDS_PER_CHUNK = 200;

  /**
   * Netty runs queued tasks in batches of 64 before it looks at the sockets again, so a stream that
   * only re-queues itself would starve other connections. After this much work it yields through a
   * timer instead, which lets the event loop select and serve I/O first.
   */
  private static final long YIELD_AFTER_NANOS = 10_000_000;

  private final RoutingContext ctx;
  private final HttpServerResponse response;
  private final XmlOut xml;
  private final String itemElement;
  private final Iterator<AccountsIqRecord> items;
  private final Runnable tail;
  private final StatsCounters counters;
  private long sliceStart = System.nanoTime();

  /**
   * @param tail writes what follows {@code </Result>} (end of Op Result, out-params, envelope end)
   */
  ListStream(
      RoutingContext ctx,
      XmlOut xml,
      String itemElement,
      Iterator<AccountsIqRecord> items,
      Runnable tail,
      StatsCounters counters) {
    this.ctx = ctx;
    this.response = ctx.response();
    this.xml = xml;
    this.itemElement = itemElement;
    this.items = items;
    this.tail = tail;
    this.counters = counters;
  }

  void start(AccountsIqSettings.EmptyList emptyList) {
    if (!items.hasNext()) {
      if (emptyList == AccountsIqSettings.EmptyList.EMPTY_ELEMENT) xml.empty("Result");
      tail.run();
      response.end(xml.take());
      return;
    }
    xml.start("Result");
    pump();
  }

  private void pump() {
    if (response.closed()) return;
    try {
      int n = 0;
      while (n < RECORDS_PER_CHUNK && items.hasNext()) {
        xml.record(itemElement, items.next());
        n++;
      }
      counters.recordsStreamed.add(n);
      if (!items.hasNext()) {
        xml.end();
        tail.run();
        response.end(xml.take());
        return;
      }
      if (!response.isChunked()) response.setChunked(true);
      response.write(xml.take());
      if (response.writeQueueFull()) {
        response.drainHandler(
            v -> {
              response.drainHandler(null);
              sliceStart = System.nanoTime();
              pump();
            });
      } else if (System.nanoTime() - sliceStart > YIELD_AFTER_NANOS) {
        ctx.vertx()
            .setTimer(
                1,
                t -> {
                  sliceStart = System.nanoTime();
                  pump();
                });
      } else {
        ctx.vertx().runOnContext(v -> pump());
      }
    } catch (RuntimeException e) {
      LOG.warn("AccountsIQ list response failed", e);
      if (!response.headWritten()) ctx.fail(e);
      else response.reset();
    }
  }
}
