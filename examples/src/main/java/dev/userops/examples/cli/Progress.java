package dev.userops.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress indicator on stderr while a large input is read: the share of its bytes
 * read, redrawn at most every {@value #REDRAW_MILLIS} ms and erased when done. Only when stderr is
 * a terminal, so logs and pipes never get carriage-return noise.
 */
final class Progress {
  private static final long REDRAW_MILLIS = 250;

  private final PrintWriter err;
  private final boolean enabled;

  private Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Progress on {@code err}, shown only if the process's stderr is a terminal. */
  static Progress onStderr(PrintWriter err) {
    return new Progress(err, stderrIsTerminal());
  }

  /**
   * Whether file descriptor 2 is a terminal. Java has no direct test: on Linux the descriptor's
   * link names a tty device; elsewhere {@link System#console()} (stdin and stdout interactive) is
   * the nearest stand-in.
   */
  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /**
   * {@code in}, counting the bytes read against {@code totalBytes}.
   *
   * @param label what is being read, e.g. "reading orders.csv"
   * @param totalBytes the input's size; 0 or less when unknown (then bytes are shown, not a share)
   */
  InputStream track(String label, InputStream in, long totalBytes) {
    if (!enabled) {
      return in;
    }
    return new FilterInputStream(in) {
      private long read;
      private long lastDrawn;

      @Override
      public int read() throws IOException {
        int b = super.read();
        advance(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        advance(Math.max(n, 0));
        return n;
      }

      private void advance(int bytes) {
        read += bytes;
        long now = System.nanoTime() / 1_000_000;
        if (now - lastDrawn >= REDRAW_MILLIS) {
          lastDrawn = now;
          String amount = totalBytes > 0
              ? String.format(Locale.ROOT, "%3d%% of %,d MB", 100 * read / totalBytes, totalBytes >> 20)
              : String.format(Locale.ROOT, "%,d MB", read >> 20);
          err.print("\r" + label + "  " + amount + "\u001b[K");
          err.flush();
        }
      }

      @Override
      public void close() throws IOException {
        super.close();
        err.print("\r\u001b[K");
        err.flush();
      }
    };
  }
}
