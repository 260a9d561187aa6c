package dev.switchboard.sandbox.iqreseller;

import io.vertx.core.buffer.Buffer;
import java.io.OutputStream;

/** Collects encoder output into Vert.x buffers, one per response chunk. */
final class BufferOutputStream extends OutputStream {
  private Buffer buffer = Buffer.buffer(16 * 1024);

  @Override
  public void write(int b) {
    buffer.appendByte((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    buffer.appendBytes(b, off, len);
  }

  /** The bytes written since the last call. */
  Buffer take() {
    Buffer b = buffer;
    buffer = Buffer.buffer(16 * 1024);
    return b;
  }
}
