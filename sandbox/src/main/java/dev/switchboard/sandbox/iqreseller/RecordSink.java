package dev.switchboard.sandbox.iqreseller;

import java.io.IOException;
import java.time.LocalDateTime;

/**
 * Where a generated record is written, member by member, so one generator serves JSON and XML and
 * no object tree is built. Member names are the provider's: all lowercase, no separators.
 */
interface RecordSink {
  /** Starts a record; {@code type} is the XML element name ({@code SO}, {@code SODetail}). */
  void beginRecord(String type) throws IOException;

  void endRecord() throws IOException;

  void text(String name, String value) throws IOException;

  void integer(String name, long value) throws IOException;

  /** Money with exactly 4 decimals ({@code 469.9500}); {@code tenThousandths} = value × 10⁴. */
  void money(String name, long tenThousandths) throws IOException;

  /** A nested list member ({@code SODetails}); its elements are records. */
  void beginList(String name) throws IOException;

  void endList() throws IOException;

  default void date(String name, LocalDateTime t) throws IOException {
    text(name, IqResellerFormats.date(t));
  }
}
