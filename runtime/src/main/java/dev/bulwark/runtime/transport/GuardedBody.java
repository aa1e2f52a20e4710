package dev.bulwark.runtime.transport;

import dev.bulwark.runtime.http.HttpProblem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

/**
 * A request body whose read failures are client errors, not server errors: a malformed chunk, a body cut short, or
 * a read that the server's timeout ended becomes a 400 (408 for a timeout) that closes the connection, instead of an
 * {@code IOException} that the pipeline would report as a 500.
 */
public final class GuardedBody extends FilterInputStream {

  /** Wraps a server's body stream. */
  public GuardedBody(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      throw translate(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      throw translate(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      throw translate(e);
    }
  }

  @Override
  public void close() {
    try {
      super.close();
    } catch (IOException e) {
      // The body was already unusable; the response decides what the client sees.
    }
  }

  static HttpProblem translate(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException || t instanceof TimeoutException) {
        return HttpProblem.of(408, "body read timed out").withHeader(Framing.CLOSE_HEADER, "close");
      }
    }
    return Framing.refused("body could not be read: " + e.getClass().getSimpleName());
  }
}
