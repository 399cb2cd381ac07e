package nl.wijktoets.batch;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a batch CSV (format 1), streaming: UTF-8 with or without BOM, {@code ,} or {@code ;}
 * detected from the header, quoted fields with newlines, case-insensitive headers (a duplicate is
 * an error), every row with its line number. Rows whose cells are all empty (a spreadsheet's blank
 * rows, {@code ;;;;}) and empty lines are skipped and counted as blank.
 */
public final class BatchCsv implements Closeable {

  /** A problem with the file as a whole (header, quoting, encoding): it cannot be read on. */
  public static final class CsvException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String key;
    private final transient Object[] args;

    public CsvException(int line, String key, Object... args) {
      super("line " + line + ": " + key, null, false, false);
      this.line = line;
      this.key = key;
      this.args = args;
    }

    public int line() {
      return line;
    }

    public String key() {
      return key;
    }

    public Object[] args() {
      return args;
    }
  }

  /** Something odd about the file that does not stop it being read: where, and what. */
  public record Warning(int line, String key, Object... args) {}

  /** A data row: its number (blank rows not counted), its line, its cells, whether ragged. */
  public record Row(int number, int line, List<String> values, boolean ragged) {}

  private final BufferedReader reader;
  private final CsvRecords records;
  private final char delimiter;
  private final boolean bom;
  private final List<String> header;
  private final List<String> originalHeader;
  private final Map<String, Integer> index;
  private final List<Warning> warnings = new ArrayList<>();
  private int rowNumber;
  private long blankRows;

  private BatchCsv(
      BufferedReader reader,
      CsvRecords records,
      char delimiter,
      boolean bom,
      List<String> header,
      List<String> originalHeader) {
    this.reader = reader;
    this.records = records;
    this.delimiter = delimiter;
    this.bom = bom;
    this.header = header;
    this.originalHeader = originalHeader;
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      idx.put(header.get(i), i);
    }
    this.index = idx;
  }

  /** Opens a CSV: strips a BOM, detects the delimiter, reads and checks the header. */
  public static BatchCsv open(InputStream in) throws IOException, CsvException {
    try {
      return openChecked(in);
    } catch (CharacterCodingException e) {
      throw new CsvException(1, "batch.csv.encoding");
    }
  }

  private static BatchCsv openChecked(InputStream in) throws IOException, CsvException {
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16);
    reader.mark(1 << 16);
    int first = reader.read();
    boolean bom = first == '\uFEFF';
    boolean secondBom = false;
    if (!bom) {
      reader.reset();
    } else {
      reader.mark(1 << 16);
      // a second BOM (a file saved twice with one): stripped too, with a warning
      if (reader.read() == '\uFEFF') {
        secondBom = true;
        reader.mark(1 << 16);
      } else {
        reader.reset();
      }
    }
    // the delimiter: whichever of , and ; occurs more often in the header line, outside quotes
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    int read = 0;
    int c;
    while ((c = reader.read()) != -1 && read < (1 << 16) - 1) {
      read++;
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    reader.reset();
    char delimiter = semicolons > commas ? ';' : ',';
    CsvRecords records = new CsvRecords(reader, delimiter);
    CsvRecords.Raw headerRecord = nextRecord(records);
    if (headerRecord == null) {
      throw new CsvException(1, "batch.csv.empty");
    }
    List<String> cells = split(headerRecord, delimiter, 8);
    List<String> header = new ArrayList<>();
    List<String> original = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = FlatRow.normaliseHeader(cells.get(i));
      if (name.isEmpty()) {
        throw new CsvException(1, "batch.csv.empty-header", i + 1);
      }
      Integer before = seen.putIfAbsent(name, i);
      if (before != null) {
        throw new CsvException(
            1, "batch.csv.duplicate-header", cells.get(i).strip(), before + 1, i + 1);
      }
      header.add(name);
      original.add(cells.get(i).strip());
    }
    BatchCsv csv =
        new BatchCsv(reader, records, delimiter, bom, List.copyOf(header), List.copyOf(original));
    if (secondBom) {
      csv.warnings.add(new Warning(1, "batch.csv.second-bom"));
    }
    return csv;
  }

  private static CsvRecords.Raw nextRecord(CsvRecords records) throws IOException, CsvException {
    try {
      return records.next();
    } catch (CsvRecords.QuoteException e) {
      throw new CsvException(e.line(), "batch.csv.quote", e.getMessage());
    } catch (CharacterCodingException e) {
      throw new CsvException(records.line(), "batch.csv.encoding");
    }
  }

  private static List<String> split(CsvRecords.Raw raw, char delimiter, int expected)
      throws CsvException {
    try {
      return CsvRecords.fields(raw, delimiter, expected);
    } catch (CsvRecords.QuoteException e) {
      throw new CsvException(e.line(), "batch.csv.quote", e.getMessage());
    }
  }

  public char delimiter() {
    return delimiter;
  }

  /** Whether the list starts with a byte order mark (as Excel's "CSV UTF-8" does). */
  public boolean bom() {
    return bom;
  }

  /** The header names, lower case, in file order. */
  public List<String> header() {
    return header;
  }

  /** The header names as written. */
  public List<String> originalHeader() {
    return originalHeader;
  }

  /** Each column's 0-based position. */
  public Map<String, Integer> index() {
    return index;
  }

  /** What was odd about the file so far (a second byte order mark). */
  public List<Warning> warnings() {
    return List.copyOf(warnings);
  }

  /** How many blank rows (all cells empty, or an empty line) were skipped so far. */
  public long blankRows() {
    return blankRows;
  }

  /** The next data row, or null at the end; blank rows are skipped and counted. */
  public Row next() throws CsvException, IOException {
    Pending pending = nextPending();
    return pending == null ? null : pending.row();
  }

  /**
   * A data row read in order (numbered, blank rows skipped) whose record is split into cells only
   * when {@link #row} is first asked for: batch asks on the thread that scores the row, so the
   * thread that reads the list only finds where records end, and the cells are made in the cache of
   * the core that reads them next. Not for two threads at once: the reading thread hands the row
   * over before the scoring thread asks.
   */
  static final class Pending {
    private final BatchCsv csv;
    private final int number;
    private final CsvRecords.Raw raw;
    private Row row;

    private Pending(BatchCsv csv, int number, CsvRecords.Raw raw, Row row) {
      this.csv = csv;
      this.number = number;
      this.raw = raw;
      this.row = row;
    }

    /** A row already split (a row scored on its own). */
    static Pending of(Row row) {
      return new Pending(null, row.number(), null, row);
    }

    int number() {
      return number;
    }

    /**
     * The row with its cells.
     *
     * @throws CsvException when text follows a closing quote: the list cannot be read on
     */
    Row row() throws CsvException {
      if (row == null) {
        List<String> values = split(raw, csv.delimiter, csv.header.size());
        row = new Row(number, raw.line(), values, values.size() != csv.header.size());
      }
      return row;
    }
  }

  /** The next data row, not yet split (see {@link Pending}); null at the end. */
  Pending nextPending() throws CsvException, IOException {
    while (true) {
      CsvRecords.Raw raw = nextRecord(records);
      if (raw == null) {
        return null;
      }
      Row row = null;
      if (mayBeBlank(raw.text(), delimiter)) {
        // only delimiters, quotes and white space: split now to tell (rare)
        List<String> values = split(raw, delimiter, header.size());
        if (isBlank(values)) {
          blankRows++;
          continue;
        }
        row = new Row(rowNumber + 1, raw.line(), values, values.size() != header.size());
      }
      rowNumber++;
      return new Pending(this, rowNumber, raw, row);
    }
  }

  /**
   * Whether a record could be a blank row: it has nothing but delimiters, quotes and white space.
   * Any other character is in some cell, so that cell is not blank.
   */
  private static boolean mayBeBlank(String text, char delimiter) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != delimiter && c != '"' && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(List<String> values) {
    for (String v : values) {
      if (!v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The existing files a list's {@code file} rows name, resolved against the list's folder, read
   * lazily in a pass of their own (for the output clash check before a batch writes anything);
   * nothing when the list has no {@code file} column or cannot be read (the batch reports that).
   */
  public static Iterable<Path> fileRowProposals(Path list) {
    return () -> fileRowIterator(list);
  }

  private static Iterator<Path> fileRowIterator(Path list) {
    InputStream in = null;
    BatchCsv csv;
    try {
      in = Files.newInputStream(list);
      csv = open(in);
    } catch (IOException | CsvException | RuntimeException e) {
      try {
        if (in != null) {
          in.close();
        }
      } catch (IOException ignored) {
        // nothing was written
      }
      return Collections.emptyIterator();
    }
    Integer column = csv.index().get("file");
    Path base = list.toAbsolutePath().getParent();
    return new Iterator<>() {
      private Path next = column == null ? null : advance();

      private Path advance() {
        try {
          Row row;
          while ((row = csv.next()) != null) {
            String file = column < row.values().size() ? row.values().get(column).strip() : "";
            if (file.isEmpty()) {
              continue;
            }
            try {
              Path p = base.resolve(file).normalize();
              if (Files.isRegularFile(p)) {
                return p;
              }
            } catch (InvalidPathException e) {
              // refused when the row is scored
            }
          }
        } catch (IOException | CsvException | RuntimeException e) {
          // the list's own problems (quotes, encoding) are reported when it is scored
        }
        try {
          csv.close();
        } catch (IOException e) {
          // nothing was written
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Path next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Path p = next;
        next = advance();
        return p;
      }
    };
  }

  /** A row's cells by lower-case header (missing cells of a short row are absent). */
  public Map<String, String> cells(Row row) {
    Map<String, String> cells = new HashMap<>();
    for (int i = 0; i < Math.min(header.size(), row.values().size()); i++) {
      cells.put(header.get(i), row.values().get(i));
    }
    return cells;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
