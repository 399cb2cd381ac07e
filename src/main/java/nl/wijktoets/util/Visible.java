package nl.wijktoets.util;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Text as it may reach a terminal, a browser or a spreadsheet: control characters that could move
 * the cursor, clear the screen, change the title or turn text around are shown as visible escapes
 * (&#92;u009B) instead. Every text output and message goes through here ({@link OutputFiles} for
 * files, the console for standard output and error).
 *
 * <p>Shown as escapes: the C0 controls except tab and newline (a carriage return is kept only right
 * before a newline, as a Windows line end), DEL, the C1 controls U+0080-U+009F, and the
 * bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069. Right-to-left
 * text itself (Arabic, Hebrew) is kept as it is.
 *
 * <p>Hand-written: no library does this particular job (Apache Commons Text escapes for a format,
 * not for a terminal).
 */
public final class Visible {

  private Visible() {}

  /** Whether {@code c} is shown as an escape (a carriage return: see {@link #text}). */
  public static boolean isControl(char c) {
    if (c < 0x20) {
      return c != '\t' && c != '\n';
    }
    if (c < 0x7F) {
      return false;
    }
    return c <= 0x9F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  /** The text with every control character shown as a visible escape such as &#92;u009B. */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && !needsEscape(s, i)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
    for (; i < n; i++) {
      if (needsEscape(s, i)) {
        escape(b, s.charAt(i));
      } else {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  private static boolean needsEscape(String s, int i) {
    char c = s.charAt(i);
    if (c == '\r') {
      return i + 1 >= s.length() || s.charAt(i + 1) != '\n';
    }
    return isControl(c);
  }

  private static void escape(StringBuilder b, char c) {
    b.append("\\u");
    String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
    b.append("0".repeat(4 - hex.length())).append(hex);
  }

  /**
   * One character as a visible escape (&#92;u001B), to name an invisible character in a message; a
   * character beyond U+FFFF as its two UTF-16 halves.
   */
  public static String escaped(int codePoint) {
    StringBuilder b = new StringBuilder(12);
    for (char c : Character.toChars(codePoint)) {
      escape(b, c);
    }
    return b.toString();
  }

  /** A writer that passes text on with control characters shown as escapes. */
  public static Writer writer(Writer out) {
    return new EscapingWriter(out);
  }

  private static final class EscapingWriter extends Writer {
    private final Writer out;
    private final StringBuilder buffer = new StringBuilder();
    private boolean pendingCr;

    EscapingWriter(Writer out) {
      super(out);
      this.out = out;
    }

    /**
     * Passes the text on in runs between the characters to escape, scanning the characters
     * themselves (a CharSequence view made each character a call and each run a copy). The scan for
     * printable ASCII is a small method given at most {@link #SCAN} characters at a time: this
     * method runs once per full buffer (64K characters, every 800 rows of a batch's results), too
     * seldom for the JIT compiler to take it up early, and its loop ran interpreted for the first
     * five seconds of a million-row batch; a method called this often is compiled at once.
     */
    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      int end = off + len;
      int start = off; // the start of the run not passed on yet
      int i = off;
      while (i < end) {
        if (pendingCr) {
          pendingCr = false;
          if (cbuf[i] == '\n') {
            out.write('\r');
          } else {
            escaped('\r');
          }
        }
        int plain = printableUntil(cbuf, i, Math.min(end, i + SCAN));
        if (plain > i) {
          i = plain;
          continue;
        }
        char c = cbuf[i];
        if (c == '\r' || isControl(c)) {
          if (i > start) {
            out.write(cbuf, start, i - start);
          }
          start = i + 1;
          if (c == '\r') {
            pendingCr = true;
          } else {
            escaped(c);
          }
        }
        i++;
      }
      if (end > start) {
        out.write(cbuf, start, end - start);
      }
    }

    private static final int SCAN = 256;

    /** The index of the first character from {@code from} that is not printable ASCII, or to. */
    private static int printableUntil(char[] a, int from, int to) {
      int i = from;
      while (i < to && a[i] >= 0x20 && a[i] < 0x7F) {
        i++;
      }
      return i;
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      char[] chars = new char[len];
      str.getChars(off, off + len, chars, 0);
      write(chars, 0, len);
    }

    private void escaped(char c) throws IOException {
      buffer.setLength(0);
      escape(buffer, c);
      out.write(buffer.toString());
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (pendingCr) {
        pendingCr = false;
        escaped('\r');
      }
      out.close();
    }
  }
}
