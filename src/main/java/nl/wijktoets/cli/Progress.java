package nl.wijktoets.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress line on stderr that updates in place (rows done, rows per second, time left), shown
 * only when stderr is a terminal.
 */
final class Progress {

  private final PrintWriter err;
  private final boolean enabled;
  private final long totalBytes;
  private final long start = System.nanoTime();
  private long lastShown;
  private Counting counting;

  Progress(PrintWriter err, boolean enabled, long totalBytes) {
    this.err = err;
    this.enabled = enabled;
    this.totalBytes = totalBytes;
  }

  /** Whether stderr is a terminal (Linux: /proc/self/fd/2 points at a tty). */
  static boolean stderrIsTerminal() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
      String t = target.toString();
      return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
    } catch (IOException
        | RuntimeException e) { // no /proc (not Linux) or no access: no progress line
      return false;
    }
  }

  /** Wraps the input so progress can estimate the time left from the bytes read. */
  InputStream wrap(InputStream in) {
    counting = new Counting(in);
    return counting;
  }

  void update(long rows) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastShown < 200_000_000L) {
      return;
    }
    lastShown = now;
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    long rate = Math.round(rows / seconds);
    String left = "";
    if (counting != null && totalBytes > 0 && counting.count > 0) {
      double fraction = Math.min(1.0, (double) counting.count / totalBytes);
      long remaining = Math.round(seconds * (1 - fraction) / Math.max(fraction, 1e-6));
      left = String.format(Locale.ROOT, " · %d:%02d left", remaining / 60, remaining % 60);
    }
    err.print(String.format(Locale.ROOT, "\r\033[K%,d rows · %,d rows/s%s", rows, rate, left));
    err.flush();
  }

  void done() {
    if (enabled) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private static final class Counting extends FilterInputStream {
    volatile long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
