package nl.wijktoets.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The two halves of reading an RFC 4180 list, split so that batch can spread the work: {@link
 * #next} (the thread that reads the list, in order) only finds where each record ends, counting
 * lines and following quotes; {@link #fields} (any thread) splits one record into its cells.
 *
 * <p>Hand-written rather than a library's parser: batch reads a million rows on one thread, and
 * Commons CSV took most of that thread's time there (3.4 µs of a row's ~15 µs, measured with JFR),
 * while no CSV library hands out a record's text unsplit so that other threads can split it. The
 * dialect is the one Commons CSV's RFC 4180 format reads (and the tests hold it to): a quote opens
 * a quoted field only at its start, {@code ""} inside one is a quote, white space may follow the
 * closing quote, anything else there is an error; records end at LF, CR or CR LF, which count as
 * one line each, also inside quotes.
 */
final class CsvRecords {

  /** A quote that is never closed, or text after a closing quote: the list cannot be read on. */
  static final class QuoteException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    QuoteException(int line, String detail) {
      super(detail, null, false, false);
      this.line = line;
    }

    /** The line where the record with the quote starts. */
    int line() {
      return line;
    }
  }

  /** One record: the line it starts on, and its text without the line end. */
  record Raw(int line, String text) {}

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_SEEN = 3; // in a quoted field, after a quote: closing or doubled

  private final Reader in;
  private final char delimiter;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private boolean eof;
  private boolean skipLf; // the last record ended with CR: an LF right after it belongs to it
  private int line = 1; // the line the next record starts on
  private final StringBuilder spill = new StringBuilder();

  CsvRecords(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The line the next record starts on. */
  int line() {
    return line;
  }

  /**
   * The next record, or null at the end of the list.
   *
   * @throws QuoteException when a quoted field is still open at the end of the list
   */
  Raw next() throws IOException, QuoteException {
    spill.setLength(0);
    if (skipLf && position < limit) {
      skipLf = false; // the last record ended with CR: an LF right after it belongs to it
      if (buffer[position] == '\n') {
        position++;
      }
    }
    if (!skipLf) {
      // the common case, a record without a quote and whole in the buffer, ends at its first line
      // end: one tight loop finds it (with a quote in it, or past the buffer, the loop below reads
      // the record from its start)
      char[] b = buffer;
      int p = position;
      int n = limit;
      while (p < n) {
        char x = b[p];
        if (x == '\n' || x == '\r' || x == '"') {
          break;
        }
        p++;
      }
      if (p < n && b[p] != '"') {
        String text = new String(b, position, p - position);
        skipLf = b[p] == '\r';
        position = p + 1;
        return new Raw(line++, text);
      }
    }
    int start = line;
    int lines = 0; // line ends inside quoted fields
    int state = FIELD_START;
    boolean previousCr = false;
    boolean any = false;
    int from = position;
    while (true) {
      if (position >= limit) {
        spill.append(buffer, from, position - from);
        if (!fill()) {
          if (!any) {
            return null;
          }
          if (state == QUOTED) {
            throw new QuoteException(start, "the list ends inside a quoted field");
          }
          line = start + lines + 1;
          return new Raw(start, spill.toString());
        }
        from = 0;
      }
      if (state == UNQUOTED && !skipLf) {
        // the common case, inside an unquoted field: run on to the next delimiter or line end in a
        // tight loop (a quote inside an unquoted field is an ordinary character)
        int p = position;
        char d = delimiter;
        while (p < limit) {
          char x = buffer[p];
          if (x == d || x == '\n' || x == '\r') {
            break;
          }
          p++;
        }
        position = p;
        if (p >= limit) {
          continue;
        }
      }
      char c = buffer[position];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          from = ++position;
          continue;
        }
      }
      any = true;
      if (state == QUOTED) {
        position++;
        if (c == '"') {
          state = QUOTE_SEEN;
        } else if (c == '\r' || (c == '\n' && !previousCr)) {
          lines++;
        }
        previousCr = c == '\r';
        continue;
      }
      if (state == QUOTE_SEEN) {
        if (c == '"') {
          position++;
          state = QUOTED;
          previousCr = false;
          continue;
        }
        state = UNQUOTED; // the quote closed the field; c is read as outside quotes
      }
      if (c == '\n' || c == '\r') {
        String text = text(from, position);
        position++;
        skipLf = c == '\r';
        line = start + lines + 1;
        return new Raw(start, text);
      }
      position++;
      if (c == '"' && state == FIELD_START) {
        state = QUOTED;
        previousCr = false;
      } else {
        state = c == delimiter ? FIELD_START : UNQUOTED;
      }
    }
  }

  private String text(int from, int to) {
    if (spill.length() == 0) {
      return new String(buffer, from, to - from);
    }
    spill.append(buffer, from, to - from);
    return spill.toString();
  }

  /** Refills the exhausted buffer; false at the end of the list. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /**
   * The cells of one record.
   *
   * @throws QuoteException when text follows a closing quote (the line is the record's)
   */
  static List<String> fields(Raw raw, char delimiter, int expected) throws QuoteException {
    String s = raw.text();
    List<String> out = new ArrayList<>(Math.max(expected, 4));
    int length = s.length();
    int i = 0;
    while (true) {
      if (i < length && s.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        int j = i + 1;
        while (true) {
          int quote = s.indexOf('"', j);
          if (quote < 0) {
            throw new QuoteException(raw.line(), "end of the record inside a quoted field");
          }
          field.append(s, j, quote);
          if (quote + 1 < length && s.charAt(quote + 1) == '"') {
            field.append('"');
            j = quote + 2;
          } else {
            j = quote + 1;
            break;
          }
        }
        while (j < length && s.charAt(j) != delimiter) {
          if (!Character.isWhitespace(s.charAt(j))) {
            throw new QuoteException(
                raw.line(), "invalid character between a closing quote and the delimiter");
          }
          j++;
        }
        out.add(field.toString());
        if (j >= length) {
          return out;
        }
        i = j + 1;
      } else {
        int end = s.indexOf(delimiter, i);
        if (end < 0) {
          out.add(s.substring(i));
          return out;
        }
        out.add(s.substring(i, end));
        i = end + 1;
      }
    }
  }
}
