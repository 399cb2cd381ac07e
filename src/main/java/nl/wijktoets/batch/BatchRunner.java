package nl.wijktoets.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.proposal.ProposalYamlWriter;
import nl.wijktoets.report.JsonReport;
import nl.wijktoets.report.JunitReport;
import nl.wijktoets.report.Overview;
import nl.wijktoets.report.XmlWriter;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.scoring.Gates;
import nl.wijktoets.scoring.Scorer;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.util.OutputFiles;
import org.apache.commons.csv.CSVFormat;

/**
 * Scores every row of a batch CSV, streaming and in constant memory: rows are read in order, scored
 * in chunks on several threads, and written back in input order, so the output is the same whatever
 * the number of threads. One bad row never stops the batch.
 */
public final class BatchRunner {

  /**
   * What a batch run is asked to do. {@code language} is for row statuses and the overview; {@code
   * reportLanguage} for each assessment (--json, --junit), null meaning the proposal's own. The
   * {@code clock} gives flat rows without {@code first_year} their first plan year (next year).
   * {@code config} is the project settings file the run used, named in every --json line and
   * --junit suite; null for none.
   */
  public record Options(
      String displayName,
      Path csv,
      Language language,
      Language reportLanguage,
      int top,
      BigDecimal minScore,
      BigDecimal minLesson,
      int threads,
      Path toYaml,
      Writer json,
      Writer junit,
      Clock clock,
      String config) {}

  /**
   * What a batch run is asked to do besides {@link Options}: an Excel workbook of the results
   * ({@code --xlsx}), and the column rows are grouped by in the overview and the workbook ({@code
   * --group-by}, as the list's header names it; null for none).
   */
  public record Extras(OutputStream xlsx, String groupBy) {
    public static final Extras NONE = new Extras(null, null);
  }

  /** Why a row could not be scored: the column at fault (null: none), a rule id, the message. */
  public record Failure(String column, String rule, String message) {}

  /**
   * How a row ended. A scored row has its assessment; a failed one its {@link Failure}. {@code
   * line} is the row's results CSV record and {@code entry} what it adds to the overview (null for
   * a failed row), both made by the thread that scored it.
   */
  public record RowResult(
      BatchCsv.Row row,
      String id,
      String name,
      Assessment assessment,
      String status,
      boolean error,
      boolean gateFailed,
      String json,
      boolean flat,
      Path yaml,
      Failure failure,
      String group,
      String line,
      Overview.Entry entry) {}

  /**
   * What the thread that reads the list decided about a row before it is scored: the file its
   * proposal goes to with {@code --to-yaml} and the status that names a changed name, or why its
   * {@code file} may not be read (it is an output of this run).
   */
  record Planned(BatchCsv.Pending row, Path yaml, String yamlStatus, String refusal) {
    static Planned plain(BatchCsv.Pending row) {
      return new Planned(row, null, null, null);
    }
  }

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+][0-9]+([.,][0-9]+)?");

  /** The most threads a batch may use ({@code --threads}). */
  public static final int MAX_THREADS = 64;

  /**
   * Rows read but not yet written, at most, whatever the number of threads: what keeps memory flat
   * (every row in flight holds its assessment and its JSON).
   */
  static final int MAX_IN_FLIGHT = 2048;

  /** The longest {@code --to-yaml} file name made from an id, before {@code .yaml}. */
  static final int MAX_YAML_NAME = 100;

  private final Assessor assessor;
  private final Options options;
  private final Overview overview;
  private final Set<String> yamlNames = new HashSet<>();
  private final Gates gates;
  private final int defaultFirstYear;
  private final LongAdder dutchCells = new LongAdder();
  private final OutputFiles.Claims outputs = new OutputFiles.Claims(List.of());
  private final OutputFiles.Claims inputs = new OutputFiles.Claims(List.of());
  private boolean guarded;
  private List<BatchCsv.Warning> warnings = List.of();
  private long maxRowsInFlight;
  private final Scorer.Detail detail;
  private final Extras extras;
  // set once per run, before the first row is handed to a thread
  private FlatRow.Layout layout;
  private CSVFormat format;
  private boolean decimalComma;
  private char delimiter = ',';
  private List<Integer> passIndex = List.of();
  private int groupIndex = -1;
  private ResultsXlsx xlsx;

  public BatchRunner(Rubric rubric, Options options) {
    this(rubric, options, Extras.NONE);
  }

  public BatchRunner(Rubric rubric, Options options, Extras extras) {
    this.assessor = new Assessor(rubric);
    this.options = options;
    this.extras = extras;
    this.overview = new Overview(rubric);
    this.gates = Gates.of(options.minScore(), options.minLesson());
    this.defaultFirstYear = FlatRow.nextCalendarYear(options.clock());
    // measured values and evidence only when an output shows them
    this.detail =
        options.json() != null || options.junit() != null
            ? Scorer.Detail.FULL
            : Scorer.Detail.LEVELS;
  }

  public Overview overview() {
    return overview;
  }

  /** How many cells of flat rows were read as Dutch numbers (60.000, 12,5) so far. */
  public long dutchCells() {
    return dutchCells.sum();
  }

  /** The most rows that were read but not yet written at any time of the last run. */
  long maxRowsInFlight() {
    return maxRowsInFlight;
  }

  /** What was odd about the list but did not stop it (a second byte order mark). */
  public List<BatchCsv.Warning> warnings() {
    return warnings;
  }

  /**
   * The files this run writes and reads besides the rows' own: a row whose {@code file} is one of
   * the outputs fails alone, and no {@code --to-yaml} file is an input (the list, the rubric, a
   * {@code file} row's proposal) or another output.
   */
  public BatchRunner protect(Collection<Path> outputFiles, Collection<Path> inputFiles) {
    outputFiles.stream().filter(Objects::nonNull).forEach(outputs::add);
    inputFiles.stream().filter(Objects::nonNull).forEach(inputs::add);
    inputs.add(options.csv());
    guarded = true;
    return this;
  }

  /**
   * Chunks in flight at most: enough to keep every thread busy (four each), and never more rows
   * than {@link #MAX_IN_FLIGHT}. Fewer rows in flight is less for the garbage collector to copy at
   * each pause: with two threads, 30 MB was left after each collection with 16 chunks in flight, 10
   * MB with 8 (pauses of a million-row batch 660 ms, then 400 ms).
   */
  static int window(int threads, int chunkSize) {
    return Math.max(2, Math.min(MAX_IN_FLIGHT / chunkSize, 4 * Math.max(1, threads)));
  }

  /**
   * Rows per task handed to a thread: smaller with more threads, so rows in flight stay bounded.
   */
  static int chunkSize(int threads) {
    return Math.max(16, Math.min(128, MAX_IN_FLIGHT / (4 * Math.max(1, threads))));
  }

  /**
   * Reads the CSV from {@code in} and writes the results CSV to {@code results}.
   *
   * @param progress called with the number of rows done, after each chunk
   * @throws BatchCsv.CsvException when the file as a whole cannot be read on (header, quoting)
   */
  public void run(InputStream in, Writer results, Consumer<Long> progress)
      throws IOException, BatchCsv.CsvException, GroupByException {
    Rubric rubric = assessor.rubric();
    try (BatchCsv csv = BatchCsv.open(in)) {
      warnings = csv.warnings();
      layout = FlatRow.Layout.of(csv.index());
      List<String> passThrough = new ArrayList<>();
      List<Integer> passIndex = new ArrayList<>();
      Set<String> flatColumns = new HashSet<>(FlatRow.COLUMNS);
      for (int i = 0; i < csv.header().size(); i++) {
        if (!flatColumns.contains(csv.header().get(i))) {
          passThrough.add(csv.originalHeader().get(i));
          passIndex.add(i);
        }
      }
      List<String> header = new ArrayList<>(List.of("id", "name", "score", "band"));
      rubric.lessons().forEach(l -> header.add(l.id()));
      header.add("top_steps");
      header.add("status");
      // a column named like a computed one (a results file fed back in) is kept apart
      Set<String> computed = new HashSet<>(header);
      for (String h : passThrough) {
        header.add(safe(computed.contains(h.toLowerCase(Locale.ROOT)) ? "input_" + h : h));
      }
      this.passIndex = List.copyOf(passIndex);
      String groupName = null;
      if (extras.groupBy() != null) {
        Integer g = csv.index().get(FlatRow.normaliseHeader(extras.groupBy()));
        if (g == null) {
          throw new GroupByException(extras.groupBy(), csv.originalHeader());
        }
        groupIndex = g;
        groupName = csv.originalHeader().get(g);
        overview.groupBy(groupName);
      }
      // the list's dialect: its delimiter; with ; (Excel's Dutch "CSV") decimal commas and a BOM,
      // which Excel needs to read UTF-8; with , a BOM when the list had one
      decimalComma = csv.delimiter() == ';';
      delimiter = csv.delimiter();
      format =
          CSVFormat.Builder.create(CSVFormat.RFC4180)
              .setDelimiter(csv.delimiter())
              .setRecordSeparator("\n")
              .get();
      if (decimalComma || csv.bom()) {
        results.write('\uFEFF');
      }
      results.write(record(header));
      if (extras.xlsx() != null) {
        xlsx =
            new ResultsXlsx(
                extras.xlsx(), header, rubric.lessons().size(), groupName, options.language());
      }
      XmlWriter junit = null;
      if (options.junit() != null) {
        junit = XmlWriter.open(options.junit());
        junit.startElement("testsuites");
        junit.attribute("name", "wijktoets batch");
      }
      int threads = Math.max(1, Math.min(MAX_THREADS, options.threads()));
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "wijktoets-batch");
                t.setDaemon(true);
                return t;
              });
      int chunkSize = chunkSize(threads);
      int maxWindow = window(threads, chunkSize);
      ArrayDeque<Future<Chunk>> window = new ArrayDeque<>();
      long done = 0;
      try {
        List<Planned> chunk = new ArrayList<>(chunkSize);
        BatchCsv.Pending row;
        long read = 0;
        while (true) {
          try {
            row = csv.nextPending();
          } catch (BatchCsv.CsvException e) {
            // the rows before it are scored and written first: one of them may be unreadable too
            // (its cells are split where it is scored), and then that one, the first, is reported
            if (!chunk.isEmpty()) {
              List<Planned> task = chunk;
              window.add(pool.submit(() -> score(csv, task)));
            }
            while (!window.isEmpty()) {
              done += write(window.poll(), results, junit);
            }
            throw e;
          }
          if (row == null) {
            break;
          }
          chunk.add(plan(csv, row));
          read++;
          maxRowsInFlight = Math.max(maxRowsInFlight, read - done);
          if (chunk.size() == chunkSize) {
            List<Planned> task = chunk;
            window.add(pool.submit(() -> score(csv, task)));
            chunk = new ArrayList<>(chunkSize);
            while (window.size() >= maxWindow) {
              done += write(window.poll(), results, junit);
              progress.accept(done);
            }
          }
        }
        if (!chunk.isEmpty()) {
          List<Planned> task = chunk;
          window.add(pool.submit(() -> score(csv, task)));
        }
        while (!window.isEmpty()) {
          done += write(window.poll(), results, junit);
          progress.accept(done);
        }
      } finally {
        pool.shutdownNow();
      }
      overview.blank(csv.blankRows());
      if (junit != null) {
        junit.endElement();
        junit.close();
      }
      if (xlsx != null) {
        xlsx.finish();
      }
    }
  }

  /** {@code --group-by} names a column the list does not have. */
  public static final class GroupByException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String column;
    private final transient List<String> columns;

    GroupByException(String column, List<String> columns) {
      super(column, null, false, false);
      this.column = column;
      this.columns = List.copyOf(columns);
    }

    public String column() {
      return column;
    }

    /** The list's columns, as its header writes them. */
    public List<String> columns() {
      return columns;
    }
  }

  private int write(Future<Chunk> future, Writer out, XmlWriter junit)
      throws IOException, BatchCsv.CsvException {
    Chunk chunk;
    try {
      chunk = future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error; // out of memory: not a row's fault
      }
      throw new IOException(e.getCause());
    }
    List<RowResult> results = chunk.rows();
    for (RowResult result : results) {
      RowResult r =
          result.assessment() != null && result.yaml() != null ? writeYaml(result) : result;
      out.write(r.line());
      Assessment a = r.assessment();
      int line = r.row().line();
      if (a != null) {
        overview.add(r.row().number(), r.id(), r.entry(), r.group());
        if (r.gateFailed()) {
          overview.gateFailed(r.row().number(), line, r.id(), a);
        }
        if (junit != null) {
          JunitReport.suite(junit, a, options.minLesson(), options.config());
        }
      } else {
        Failure f = r.failure();
        overview.error(line, r.id(), f.column(), f.message(), r.group());
        if (junit != null) {
          JunitReport.failedRow(
              junit, options.displayName(), line, r.id(), f.column(), f.rule(), f.message());
        }
      }
      if (options.json() != null) {
        options.json().write(r.json());
        options.json().write('\n');
      }
      if (xlsx != null) {
        xlsx.row(r, a == null ? null : scores(a), a == null ? null : steps(a), passValues(r.row()));
      }
    }
    if (chunk.stop() != null) {
      throw chunk.stop(); // the list cannot be read on from this row
    }
    return results.size();
  }

  /** A row's results CSV record: id, name, score, band, lesson scores, steps, status, the rest. */
  private String record(RowResult r) {
    StringBuilder sb = new StringBuilder(256);
    cell(sb, safe(r.id()), true);
    cell(sb, safe(r.name()), false);
    Assessment a = r.assessment();
    int lessons = assessor.rubric().lessons().size();
    if (a != null) {
      String[] scores = scores(a);
      cell(sb, number(scores[0]), false);
      cell(sb, a.band().id(), false);
      for (int i = 1; i <= lessons; i++) {
        cell(sb, number(scores[i]), false);
      }
      cell(sb, steps(a), false);
    } else {
      for (int i = 0; i < lessons + 3; i++) {
        cell(sb, "", false);
      }
    }
    cell(sb, safe(r.status()), false);
    List<String> values = r.row().values();
    for (int i : passIndex) {
      cell(sb, safe(i < values.size() ? values.get(i) : ""), false);
    }
    sb.append('\n');
    return sb.toString();
  }

  /**
   * Appends one cell (after a delimiter unless it is the first). A plain cell, which is most of
   * them (a score, a band, an id), is appended as it is; any other goes through Commons CSV, so the
   * quoting stays exactly that of the RFC 4180 format. Written out here because this runs for every
   * cell of a million-row batch: Commons CSV's printer looked at each cell several times (4% of a
   * batch's CPU time, measured with JFR).
   */
  private void cell(StringBuilder sb, String value, boolean first) {
    if (plain(value, delimiter)) {
      if (!first) {
        sb.append(delimiter);
      }
      sb.append(value);
      return;
    }
    try {
      format.print(value, sb, first);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
  }

  /**
   * Whether a cell needs no quotes in any case Commons CSV's minimal quoting knows of: not empty,
   * not starting with a character up to {@code #}, no line end, quote or delimiter, not ending in
   * white space or a control character.
   */
  static boolean plain(String value, char delimiter) {
    int n = value.length();
    if (n == 0 || value.charAt(0) <= '#' || value.charAt(n - 1) <= ' ') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == delimiter || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  /** The total and each lesson's score, as plain decimals with a point (six places at most). */
  private static String[] scores(Assessment a) {
    String[] out = new String[a.lessons().size() + 1];
    out[0] = a.total().toPlainString(6);
    for (int i = 0; i < a.lessons().size(); i++) {
      out[i + 1] = a.lessons().get(i).score().toPlainString(6);
    }
    return out;
  }

  /** A number in the results' dialect: a decimal comma in a ; list. */
  private String number(String plain) {
    return decimalComma ? plain.replace('.', ',') : plain;
  }

  /** The first --top next steps, by criterion id, separated by spaces. */
  private String steps(Assessment a) {
    StringBuilder steps = new StringBuilder();
    int n = 0;
    for (Assessment.NextStep s : a.nextSteps()) {
      if (n++ >= options.top()) {
        break;
      }
      if (steps.length() > 0) {
        steps.append(' ');
      }
      steps.append(s.criterion().criterion().id());
    }
    return steps.toString();
  }

  private List<String> passValues(BatchCsv.Row row) {
    List<String> values = new ArrayList<>(passIndex.size());
    for (int i : passIndex) {
      values.add(i < row.values().size() ? row.values().get(i) : "");
    }
    return values;
  }

  /** One record of the results CSV, line end included. */
  private String record(List<?> cells) {
    StringBuilder sb = new StringBuilder(256);
    try {
      boolean first = true;
      for (Object cell : cells) {
        format.print(cell, sb, first);
        first = false;
      }
      format.println(sb);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return sb.toString();
  }

  /** Neutralises cells a spreadsheet would run as a formula (=, +, -, @, tab, CR). */
  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell == null ? "" : cell;
    }
    char c = cell.charAt(0);
    if ((c == '-' || c == '+') && PLAIN_NUMBER.matcher(cell).matches()) {
      return cell; // -5 or +3.5 is a number, not a formula
    }
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }

  /**
   * A chunk of rows scored, in order; {@code stop} is why the list cannot be read on after them (a
   * record that cannot be split into cells), or null.
   */
  private record Chunk(List<RowResult> rows, BatchCsv.CsvException stop) {}

  /** Splits and scores a chunk's rows, on a scoring thread; stops at a record it cannot split. */
  private Chunk score(BatchCsv csv, List<Planned> rows) {
    List<RowResult> out = new ArrayList<>(rows.size());
    for (Planned planned : rows) {
      BatchCsv.Row row;
      try {
        row = planned.row().row(); // split here, on the thread that scores it
      } catch (BatchCsv.CsvException e) {
        return new Chunk(out, e); // the rows before it are written, then the list stops
      }
      out.add(scoreRow(csv, planned, row));
    }
    return new Chunk(out, null);
  }

  /**
   * Decides, in the thread that reads the list and so in input order, what only depends on the rows
   * before: whether a {@code file} row's proposal is an output of this run, and the {@code
   * --to-yaml} file of a flat row.
   */
  private Planned plan(BatchCsv csv, BatchCsv.Pending pending) throws BatchCsv.CsvException {
    if ((!guarded || !csv.index().containsKey("file")) && options.toYaml() == null) {
      return Planned.plain(pending); // nothing to decide here: the row is split where it is scored
    }
    BatchCsv.Row row = pending.row();
    String file = cell(csv, row, "file");
    if (file != null) {
      Path path;
      try {
        path = options.csv().toAbsolutePath().getParent().resolve(file).normalize();
      } catch (InvalidPathException e) {
        return Planned.plain(pending); // refused when it is read
      }
      Path output = outputs.owner(path);
      if (options.toYaml() != null) {
        inputs.add(path);
      }
      return output == null
          ? Planned.plain(pending)
          : new Planned(pending, null, null, msg("batch.row.file-is-output", file, output));
    }
    if (options.toYaml() == null) {
      return Planned.plain(pending);
    }
    String id = cell(csv, row, "id");
    return yamlFile(pending, id == null ? Integer.toString(row.number()) : id);
  }

  private static String cell(BatchCsv csv, BatchCsv.Row row, String column) {
    Integer i = csv.index().get(column);
    return i == null || i >= row.values().size() ? null : blankToNull(row.values().get(i));
  }

  /**
   * A flat row's {@code --to-yaml} file: its id with every character a file name should not have
   * replaced by {@code _}; an id longer than {@link #MAX_YAML_NAME} shortened, with a short hash of
   * the whole id so that different ids stay apart. A name already taken in this run (compared
   * without case), or that is an input or another output, gets {@code -row-N} (then {@code -2},
   * {@code -3} ...). The same list gives the same names on every run.
   */
  private Planned yamlFile(BatchCsv.Pending row, String id) {
    String base = fileName(id);
    boolean shortened = false;
    boolean changed = !base.equals(id);
    if (base.isEmpty() || base.startsWith(".")) {
      base = "row-" + row.number(); // no hidden files, no "..", no empty name
      changed = true;
    } else if (base.length() > MAX_YAML_NAME) {
      base = base.substring(0, MAX_YAML_NAME - 11) + "-" + shortHash(id);
      shortened = true;
    }
    for (int k = 1; ; k++) {
      String name = k == 1 ? base : base + "-row-" + row.number() + (k == 2 ? "" : "-" + (k - 1));
      Path target = options.toYaml().resolve(name + ".yaml");
      if (yamlNames.contains(name.toLowerCase(Locale.ROOT))
          || outputs.owner(target) != null
          || inputs.owner(target) != null) {
        continue;
      }
      yamlNames.add(name.toLowerCase(Locale.ROOT));
      outputs.add(target);
      String status = null;
      if (k > 1) {
        status = msg("batch.yaml.renamed", name + ".yaml", base + ".yaml");
      } else if (shortened) {
        status = msg("batch.yaml.shortened", name + ".yaml");
      } else if (changed) {
        status = msg("batch.yaml.changed", name + ".yaml");
      }
      return new Planned(row, target, status, null);
    }
  }

  /**
   * An id as a file name: letters (also accented ones, such as é), digits, {@code .}, {@code _} and
   * {@code -} kept, every other character (a slash, a space, a control character) made {@code _}.
   */
  static String fileName(String id) {
    StringBuilder b = new StringBuilder(id.length());
    id.codePoints()
        .forEach(
            c ->
                b.appendCodePoint(
                    Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_'));
    return b.toString();
  }

  /** The first 10 hex digits of the SHA-256 of a text. */
  static String shortHash(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private String msg(String key, Object... args) {
    return Messages.get(options.language(), key, args);
  }

  RowResult scoreRow(BatchCsv csv, BatchCsv.Row row) {
    if (layout == null) { // a row scored on its own (tests), not through run()
      layout = FlatRow.Layout.of(csv.index());
      format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    }
    return scoreRow(csv, Planned.plain(BatchCsv.Pending.of(row)), row);
  }

  private RowResult scoreRow(BatchCsv csv, Planned planned, BatchCsv.Row row) {
    List<String> values = row.values();
    String id = blankToNull(layout.cell(values, FlatRow.Column.ID));
    if (id == null) {
      id = Integer.toString(row.number());
    }
    String name = Objects.requireNonNullElse(layout.cell(values, FlatRow.Column.NAME), "");
    String group =
        groupIndex < 0 ? null : groupIndex < values.size() ? values.get(groupIndex).strip() : "";
    if (row.ragged()) {
      return error(
          row,
          id,
          name,
          group,
          msg("batch.row.ragged", row.values().size(), csv.header().size(), row.line()),
          new Failure(
              null,
              "batch/ragged",
              msg("batch.row.ragged.why", row.values().size(), csv.header().size())));
    }
    if (planned.refusal() != null) {
      return failed(row, id, name, group, "file", "batch/file-is-output", planned.refusal());
    }
    String where = options.displayName() + ":" + row.line();
    try {
      Assessment a;
      String file = blankToNull(layout.cell(values, FlatRow.Column.FILE));
      if (file != null) {
        a = fromFile(file, where);
        if (name.isBlank()) {
          name = a.proposal().name();
        }
      } else {
        FlatRow.Read read = FlatRow.read(values, layout, where, row.line(), defaultFirstYear);
        dutchCells.add(read.dutchCells());
        a = assessor.score(read.proposal(), options.reportLanguage(), List.of(), detail);
      }
      boolean gate = gateFailed(a);
      String json =
          options.json() == null
              ? null
              : JsonReport.batchLine(a, options.top(), options.config(), id, row.line());
      String status = planned.yamlStatus() == null ? "ok" : planned.yamlStatus();
      RowResult r =
          new RowResult(
              row,
              id,
              name,
              a,
              status,
              false,
              gate,
              json,
              file == null,
              planned.yaml(),
              null,
              group,
              null,
              null);
      return withLine(r);
    } catch (RowException e) {
      return failed(row, id, name, group, e.column(), rule(e.key()), msg(e.key(), e.args()));
    } catch (FileProblem e) {
      return failed(row, id, name, group, "file", e.rule(), e.getMessage());
    } catch (IOException e) {
      return failed(row, id, name, group, "file", "batch/file", String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      String why = msg("error.internal", String.valueOf(e.getMessage()));
      return error(row, id, name, group, why, new Failure(null, "batch/internal", why));
    }
  }

  /** The rule id of a row error's message key: {@code batch.row.count} is {@code batch/count}. */
  static String rule(String key) {
    return "batch/" + (key.startsWith("batch.row.") ? key.substring("batch.row.".length()) : key);
  }

  private RowResult withLine(RowResult r) {
    return new RowResult(
        r.row(),
        r.id(),
        r.name(),
        r.assessment(),
        r.status(),
        r.error(),
        r.gateFailed(),
        r.json(),
        r.flat(),
        r.yaml(),
        r.failure(),
        r.group(),
        record(r),
        r.assessment() == null ? null : overview.entry(r.assessment()));
  }

  /** A row that failed in a column: its status names the line and the column. */
  private RowResult failed(
      BatchCsv.Row row,
      String id,
      String name,
      String group,
      String column,
      String rule,
      String message) {
    return error(
        row,
        id,
        name,
        group,
        msg("batch.row.error", column, message, row.line()),
        new Failure(column, rule, message));
  }

  private RowResult error(
      BatchCsv.Row row, String id, String name, String group, String status, Failure failure) {
    String json =
        options.json() == null
            ? null
            : JsonReport.failedRow(
                id, row.line(), failure.column(), failure.rule(), failure.message());
    return withLine(
        new RowResult(
            row, id, name, null, status, true, false, json, false, null, failure, group, null,
            null));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A {@code file} cell that cannot be used: outside the folder, unreadable or invalid. */
  static final class FileProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final String rule;

    FileProblem(String rule, String message) {
      super(message, null, false, false);
      this.rule = rule;
    }

    /** The rule the file breaks: a finding's rule, or batch's own. */
    String rule() {
      return rule;
    }
  }

  private Assessment fromFile(String file, String where) throws FileProblem, IOException {
    Path base = options.csv().toAbsolutePath().getParent();
    Path resolved = base.resolve(file).normalize();
    if (Path.of(file).isAbsolute() || !resolved.startsWith(base.normalize())) {
      throw new FileProblem("batch/outside", msg("batch.row.outside", file));
    }
    if (!Files.isRegularFile(resolved)) {
      throw new FileProblem("batch/no-file", msg("batch.row.no-file", file));
    }
    // no way out through a symbolic link either
    if (!resolved.toRealPath().startsWith(base.toRealPath())) {
      throw new FileProblem("batch/outside", msg("batch.row.outside", file));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(resolved)) {
      bytes = in.readNBytes((int) YamlTreeReader.Limits.PROPOSAL.maxBytes() + 1);
    }
    Assessor.Outcome outcome = assessor.assess(file, bytes, options.reportLanguage());
    if (!outcome.scored()) {
      Finding first = outcome.errors().get(0);
      throw new FileProblem(first.rule(), first.format(options.language()));
    }
    return outcome.assessment();
  }

  private boolean gateFailed(Assessment a) {
    return gates.failed(a);
  }

  /** Writes a scored flat row's proposal; a row whose file cannot be written fails alone. */
  private RowResult writeYaml(RowResult r) {
    try {
      OutputFiles.write(r.yaml(), ProposalYamlWriter.write(r.assessment().proposal()));
      return r;
    } catch (OutputFiles.WriteError e) {
      String why = Messages.cannotWrite(options.language(), e);
      return error(
          r.row(),
          r.id(),
          r.name(),
          r.group(),
          msg("batch.row.yaml-failed", why, r.row().line()),
          new Failure(null, "batch/yaml-failed", why));
    }
  }

  /** A buffered UTF-8 writer for an output file. */
  public static Writer writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}
