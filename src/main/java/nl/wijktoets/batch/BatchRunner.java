package nl.wijktoets.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
import org.apache.commons.csv.CSVPrinter;

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
   * {@code config} is the project settings file the run used, named in every --json line; null for
   * none.
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

  /** How a row ended. */
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
      Path yaml) {}

  /**
   * What the thread that reads the list decided about a row before it is scored: the file its
   * proposal goes to with {@code --to-yaml} and the status that names a changed name, or why its
   * {@code file} may not be read (it is an output of this run).
   */
  record Planned(BatchCsv.Row row, Path yaml, String yamlStatus, String refusal) {
    static Planned plain(BatchCsv.Row row) {
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

  public BatchRunner(Rubric rubric, Options options) {
    this.assessor = new Assessor(rubric);
    this.options = options;
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
      throws IOException, BatchCsv.CsvException {
    Rubric rubric = assessor.rubric();
    try (BatchCsv csv = BatchCsv.open(in)) {
      warnings = csv.warnings();
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
      CSVPrinter printer =
          new CSVPrinter(
              results,
              CSVFormat.Builder.create(CSVFormat.RFC4180)
                  .setDelimiter(csv.delimiter())
                  .setRecordSeparator("\n")
                  .get());
      printer.printRecord(header);
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
      int maxWindow = Math.max(2, MAX_IN_FLIGHT / chunkSize);
      ArrayDeque<Future<List<RowResult>>> window = new ArrayDeque<>();
      long done = 0;
      try {
        List<Planned> chunk = new ArrayList<>(chunkSize);
        BatchCsv.Row row;
        long read = 0;
        while ((row = csv.next()) != null) {
          chunk.add(plan(csv, row));
          read++;
          maxRowsInFlight = Math.max(maxRowsInFlight, read - done);
          if (chunk.size() == chunkSize) {
            List<Planned> task = chunk;
            window.add(pool.submit(() -> score(csv, task)));
            chunk = new ArrayList<>(chunkSize);
            while (window.size() >= maxWindow) {
              done += write(window.poll(), printer, passIndex, junit);
              progress.accept(done);
            }
          }
        }
        if (!chunk.isEmpty()) {
          List<Planned> task = chunk;
          window.add(pool.submit(() -> score(csv, task)));
        }
        while (!window.isEmpty()) {
          done += write(window.poll(), printer, passIndex, junit);
          progress.accept(done);
        }
      } finally {
        pool.shutdownNow();
      }
      if (junit != null) {
        junit.endElement();
        junit.close();
      }
      printer.flush();
    }
  }

  private int write(
      Future<List<RowResult>> future, CSVPrinter printer, List<Integer> passIndex, XmlWriter junit)
      throws IOException {
    List<RowResult> results;
    try {
      results = future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error; // out of memory: not a row's fault
      }
      throw new IOException(e.getCause());
    }
    Rubric rubric = assessor.rubric();
    List<String> record = new ArrayList<>();
    for (RowResult result : results) {
      RowResult r =
          result.assessment() != null && result.yaml() != null ? writeYaml(result) : result;
      record.clear();
      record.add(safe(r.id()));
      record.add(safe(r.name()));
      Assessment a = r.assessment();
      if (a != null) {
        record.add(a.total().toPlainString(6));
        record.add(a.band().id());
        for (Assessment.LessonResult l : a.lessons()) {
          record.add(l.score().toPlainString(6));
        }
        StringBuilder steps = new StringBuilder();
        a.nextSteps().stream()
            .limit(options.top())
            .forEach(
                s ->
                    steps
                        .append(steps.length() > 0 ? " " : "")
                        .append(s.criterion().criterion().id()));
        record.add(steps.toString());
        overview.add(r.row().number(), r.id(), a);
        if (r.gateFailed()) {
          overview.gateFailed();
        }
        if (options.json() != null) {
          options.json().write(r.json());
          options.json().write('\n');
        }
        if (junit != null) {
          JunitReport.suite(junit, a, options.minLesson());
        }
      } else {
        record.add("");
        record.add("");
        rubric.lessons().forEach(l -> record.add(""));
        record.add("");
        overview.error();
      }
      record.add(safe(r.status()));
      for (Integer i : passIndex) {
        record.add(i < r.row().values().size() ? safe(r.row().values().get(i)) : "");
      }
      printer.printRecord(record);
    }
    return results.size();
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

  private List<RowResult> score(BatchCsv csv, List<Planned> rows) {
    List<RowResult> out = new ArrayList<>(rows.size());
    for (Planned row : rows) {
      out.add(scoreRow(csv, row));
    }
    return out;
  }

  /**
   * Decides, in the thread that reads the list and so in input order, what only depends on the rows
   * before: whether a {@code file} row's proposal is an output of this run, and the {@code
   * --to-yaml} file of a flat row.
   */
  private Planned plan(BatchCsv csv, BatchCsv.Row row) {
    if (!guarded && options.toYaml() == null) {
      return Planned.plain(row);
    }
    String file = cell(csv, row, "file");
    if (file != null) {
      Path path;
      try {
        path = options.csv().toAbsolutePath().getParent().resolve(file).normalize();
      } catch (InvalidPathException e) {
        return Planned.plain(row); // refused when it is read
      }
      Path output = outputs.owner(path);
      if (options.toYaml() != null) {
        inputs.add(path);
      }
      return output == null
          ? Planned.plain(row)
          : new Planned(row, null, null, msg("batch.row.file-is-output", file, output));
    }
    if (options.toYaml() == null) {
      return Planned.plain(row);
    }
    String id = cell(csv, row, "id");
    return yamlFile(row, id == null ? Integer.toString(row.number()) : id);
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
  private Planned yamlFile(BatchCsv.Row row, String id) {
    String base = id.replaceAll("[^A-Za-z0-9._-]", "_");
    boolean shortened = false;
    if (base.isEmpty() || base.startsWith(".")) {
      base = "row-" + row.number();
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
      }
      return new Planned(row, target, status, null);
    }
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
    return scoreRow(csv, Planned.plain(row));
  }

  private RowResult scoreRow(BatchCsv csv, Planned planned) {
    BatchCsv.Row row = planned.row();
    FlatRow.Layout layout = layout(csv);
    List<String> values = row.values();
    String id = blankToNull(layout.cell(values, FlatRow.Column.ID));
    if (id == null) {
      id = Integer.toString(row.number());
    }
    String name = Objects.requireNonNullElse(layout.cell(values, FlatRow.Column.NAME), "");
    if (row.ragged()) {
      return error(
          row,
          id,
          name,
          msg("batch.row.ragged", row.values().size(), csv.header().size(), row.line()));
    }
    if (planned.refusal() != null) {
      return error(row, id, name, msg("batch.row.error", "file", planned.refusal(), row.line()));
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
          options.json() == null ? null : JsonReport.compact(a, options.top(), options.config());
      String status = planned.yamlStatus() == null ? "ok" : planned.yamlStatus();
      return new RowResult(
          row, id, name, a, status, false, gate, json, file == null, planned.yaml());
    } catch (RowException e) {
      return error(
          row, id, name, msg("batch.row.error", e.column(), msg(e.key(), e.args()), row.line()));
    } catch (FileProblem e) {
      return error(row, id, name, msg("batch.row.error", "file", e.getMessage(), row.line()));
    } catch (IOException e) {
      return error(
          row,
          id,
          name,
          msg("batch.row.error", "file", String.valueOf(e.getMessage()), row.line()));
    } catch (RuntimeException e) {
      return error(row, id, name, msg("error.internal", String.valueOf(e.getMessage())));
    }
  }

  /** Where the flat columns are in this list: worked out once, on first use. */
  private FlatRow.Layout layout(BatchCsv csv) {
    FlatRow.Layout l = layout;
    if (l == null || layoutOf != csv) {
      l = FlatRow.Layout.of(csv.index());
      layout = l;
      layoutOf = csv;
    }
    return l;
  }

  private volatile FlatRow.Layout layout;
  private volatile BatchCsv layoutOf;

  private RowResult error(BatchCsv.Row row, String id, String name, String status) {
    return new RowResult(row, id, name, null, status, true, false, null, false, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A {@code file} cell that cannot be used: outside the folder, unreadable or invalid. */
  static final class FileProblem extends Exception {
    private static final long serialVersionUID = 1L;

    FileProblem(String message) {
      super(message, null, false, false);
    }
  }

  private Assessment fromFile(String file, String where) throws FileProblem, IOException {
    Path base = options.csv().toAbsolutePath().getParent();
    Path resolved = base.resolve(file).normalize();
    if (Path.of(file).isAbsolute() || !resolved.startsWith(base.normalize())) {
      throw new FileProblem(msg("batch.row.outside", file));
    }
    if (!Files.isRegularFile(resolved)) {
      throw new FileProblem(msg("batch.row.no-file", file));
    }
    // no way out through a symbolic link either
    if (!resolved.toRealPath().startsWith(base.toRealPath())) {
      throw new FileProblem(msg("batch.row.outside", file));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(resolved)) {
      bytes = in.readNBytes((int) YamlTreeReader.Limits.PROPOSAL.maxBytes() + 1);
    }
    Assessor.Outcome outcome = assessor.assess(file, bytes, options.reportLanguage());
    if (!outcome.scored()) {
      Finding first = outcome.errors().get(0);
      throw new FileProblem(first.format(options.language()));
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
      return error(r.row(), r.id(), r.name(), msg("batch.row.yaml-failed", why, r.row().line()));
    }
  }

  /** A buffered UTF-8 writer for an output file. */
  public static Writer writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}
