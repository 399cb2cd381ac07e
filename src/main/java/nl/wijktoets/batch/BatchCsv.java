package nl.wijktoets.batch;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a batch CSV (format 1), streaming: UTF-8 with or without BOM, {@code ,} or {@code ;}
 * detected from the header, quoted fields with newlines, case-insensitive headers (a duplicate is
 * an error), every row with its line number.
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

  /** A data row: its line, its cells by lower-case header, and whether it is ragged. */
  public record Row(int number, int line, List<String> values, boolean ragged) {}

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final char delimiter;
  private final List<String> header;
  private final List<String> originalHeader;
  private final Map<String, Integer> index;
  private int rowNumber;
  private long linesBefore;
  private final List<Warning> warnings = new ArrayList<>();

  private BatchCsv(
      Reader reader,
      char delimiter,
      List<String> header,
      List<String> originalHeader,
      CSVParser parser,
      long headerLines) {
    this.delimiter = delimiter;
    this.header = header;
    this.originalHeader = originalHeader;
    this.parser = parser;
    this.records = parser.iterator();
    this.linesBefore = headerLines;
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
    boolean secondBom = false;
    if (first != '\uFEFF') {
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
    CSVFormat format =
        CSVFormat.Builder.create(CSVFormat.RFC4180)
            .setDelimiter(delimiter)
            .setQuote('"')
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .get();
    CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    Iterator<CSVRecord> it = parser.iterator();
    if (!it.hasNext()) {
      throw new CsvException(1, "batch.csv.empty");
    }
    CSVRecord headerRecord = next(it, 1);
    List<String> header = new ArrayList<>();
    List<String> original = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < headerRecord.size(); i++) {
      String name = FlatRow.normaliseHeader(headerRecord.get(i));
      if (name.isEmpty()) {
        throw new CsvException(1, "batch.csv.empty-header", i + 1);
      }
      Integer before = seen.putIfAbsent(name, i);
      if (before != null) {
        throw new CsvException(
            1, "batch.csv.duplicate-header", headerRecord.get(i).strip(), before + 1, i + 1);
      }
      header.add(name);
      original.add(headerRecord.get(i).strip());
    }
    BatchCsv csv =
        new BatchCsv(
            reader,
            delimiter,
            List.copyOf(header),
            List.copyOf(original),
            parser,
            parser.getCurrentLineNumber());
    if (secondBom) {
      csv.warnings.add(new Warning(1, "batch.csv.second-bom"));
    }
    return csv;
  }

  /** What was odd about the file so far (a second byte order mark). */
  public List<Warning> warnings() {
    return List.copyOf(warnings);
  }

  private static CSVRecord next(Iterator<CSVRecord> it, long line) throws CsvException {
    try {
      return it.next();
    } catch (UncheckedIOException e) {
      throw problem(e, line);
    } catch (IllegalStateException e) {
      throw new CsvException((int) line, "batch.csv.quote", oneLine(e.getMessage()));
    }
  }

  private static CsvException problem(UncheckedIOException e, long line) {
    if (e.getCause() instanceof CharacterCodingException) {
      return new CsvException((int) line, "batch.csv.encoding");
    }
    return new CsvException((int) line, "batch.csv.quote", oneLine(e.getMessage()));
  }

  /** The parser's message without Java class names or its own line note. */
  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    return s.replaceAll("([a-z]+\\.)+[A-Za-z]*Exception: ", "")
        .replaceAll("\\(startline \\d+\\)\\s*", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  public char delimiter() {
    return delimiter;
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

  /** The next data row, or null at the end; empty lines are skipped. */
  public Row next() throws CsvException {
    while (true) {
      long startLine = linesBefore + 1;
      boolean has;
      try {
        has = records.hasNext();
      } catch (UncheckedIOException e) {
        throw problem(e, startLine);
      } catch (IllegalStateException e) {
        throw new CsvException((int) startLine, "batch.csv.quote", oneLine(e.getMessage()));
      }
      if (!has) {
        return null;
      }
      CSVRecord record = next(records, startLine);
      linesBefore = parser.getCurrentLineNumber();
      if (record.size() == 1 && record.get(0).isEmpty()) {
        continue; // an empty line
      }
      rowNumber++;
      List<String> values = new ArrayList<>(record.size());
      record.forEach(values::add);
      return new Row(rowNumber, (int) startLine, values, record.size() != header.size());
    }
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
    parser.close();
  }
}
