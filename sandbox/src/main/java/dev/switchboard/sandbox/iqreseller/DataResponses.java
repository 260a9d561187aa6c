package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.iqreseller.DataReply.CountReply;
import dev.switchboard.sandbox.iqreseller.DataReply.ErrorReply;
import dev.switchboard.sandbox.iqreseller.DataReply.ListReply;
import dev.switchboard.sandbox.iqreseller.DataReply.SingleReply;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/** Encodes a {@link DataReply} onto the HTTP response. */
final class DataResponses {
  private DataResponses() {}

  static void send(RoutingContext ctx, WireFormat format, DataReply reply, boolean truncate) {
    HttpServerResponse response = ctx.response();
    if (response.closed() || response.ended()) return;
    try {
      if (reply instanceof ErrorReply e) {
        MessageReplies.message(ctx, e.status(), e.message());
      } else if (reply instanceof CountReply c) {
        // WCF's default serialisation of a bare int (LIKELY: a client parses it with />(\d+)</).
        response
            .putHeader("Content-Type", WireFormat.XML.contentType)
            .end(
                "<int xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">"
                    + c.count()
                    + "</int>");
      } else if (reply instanceof SingleReply s) {
        BufferOutputStream out = new BufferOutputStream();
        RecordEncoder encoder = format.encoder(out);
        if (s.index() < 0) encoder.nullDocument(s.catalog().xmlType());
        else s.catalog().write(s.index(), encoder);
        encoder.flush();
        response.putHeader("Content-Type", format.contentType).end(out.take());
      } else if (reply instanceof ListReply l) {
        new ListResponseStream(ctx, format, l, truncate).start();
      }
    } catch (IOException e) {
      ctx.fail(e);
    }
  }
}
