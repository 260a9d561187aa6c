package dev.switchboard.sandbox.iqreseller;

import java.io.IOException;

/** A generated list of records, addressed by 0-based index; nothing is stored. */
interface RecordCatalog {
  /** XML element name of one record; the list root is {@code ArrayOf} + this. */
  String xmlType();

  long size();

  /** Writes record {@code index} ({@code 0 <= index < size()}). */
  void write(long index, RecordSink out) throws IOException;
}
