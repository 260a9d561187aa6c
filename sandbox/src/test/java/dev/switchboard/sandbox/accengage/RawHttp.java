package dev.switchboard.sandbox.accengage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot show: whether an interim {@code 100
 * Continue} was sent, and what happens while a client holds its body back.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void write(String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The status line and headers of the next response, or null if none comes within {@code ms}. */
  String readHead(int ms) throws IOException {
    socket.setSoTimeout(ms);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
        head.write(b);
      }
    } catch (SocketTimeoutException e) {
      if (head.size() == 0) return null;
      throw e;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** True once the server has closed the connection (read returns EOF after any remaining body). */
  boolean closedByServer() throws IOException {
    socket.setSoTimeout(2_000);
    try {
      while (in.read() >= 0) {
        // drain the body
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
