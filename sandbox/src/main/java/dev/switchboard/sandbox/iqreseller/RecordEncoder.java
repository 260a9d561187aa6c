package dev.switchboard.sandbox.iqreseller;

import java.io.IOException;

/** A {@link RecordSink} that also frames a whole response document. */
interface RecordEncoder extends RecordSink {
  /** Starts a bare list: JSON {@code [}, XML {@code <ArrayOfSO>}. */
  void beginArray(String type) throws IOException;

  void endArray() throws IOException;

  /** A whole document that is "no object": JSON {@code null}. */
  void nullDocument(String type) throws IOException;

  /** Pushes buffered bytes to the underlying stream (not closing anything still open). */
  void flush() throws IOException;
}
