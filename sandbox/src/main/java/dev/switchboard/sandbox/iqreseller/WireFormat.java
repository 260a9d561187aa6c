package dev.switchboard.sandbox.iqreseller;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The {@code {FORMAT}} path segment of a UriTemplate: {@code JSON} or {@code XML}. */
enum WireFormat {
  JSON("application/json; charset=utf-8"),
  XML("application/xml; charset=utf-8");

  final String contentType;

  WireFormat(String contentType) {
    this.contentType = contentType;
  }

  RecordEncoder encoder(OutputStream out) throws IOException {
    return this == JSON ? new JsonRecordEncoder(out) : new XmlRecordEncoder(out);
  }

  /** Case-insensitive: both {@code SO/JSON} and {@code CV/json} are observed (§2.3). */
  static WireFormat parse(String segment) {
    return switch (segment.toUpperCase(Locale.ROOT)) {
      case "JSON" -> JSON;
      case "XML" -> XML;
      default -> null;
    };
  }
}
