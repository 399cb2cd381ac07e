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
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.proposal.ProposalYamlWriter;
import nl.wijktoets.report.JsonReport;
import nl.wijktoets.report.JunitReport;
import nl.wijktoets.report.Overview;
import nl.wijktoets.report.XmlWriter;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.scoring.Gates;
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
      boolean flat) {}

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+][0-9]+([.,][0-9]+)?");

  /** Rows per task handed to a thread. */
  static final int CHUNK = 128;

  private final Assessor assessor;
  private final Options options;
  private final Overview overview;
  private final Set<String> yamlNames = new HashSet<>();
  private final Gates gates;
  private final int defaultFirstYear;
  private final LongAdder dutchCells = new LongAdder();

  public BatchRunner(Rubric rubric, Options options) {
    this.assessor = new Assessor(rubric);
    this.options = options;
    this.overview = new Overview(rubric);
    this.gates = Gates.of(options.minScore(), options.minLesson());
    this.defaultFirstYear = FlatRow.nextCalendarYear(options.clock());
  }

  public Overview overview() {
    return overview;
  }

  /** How many cells of flat rows were read as Dutch numbers (60.000, 12,5) so far. */
  public long dutchCells() {
    return dutchCells.sum();
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
      List<String> passThrough = new ArrayList<>();
      List<Integer> passIndex = new ArrayList<>();
      for (int i = 0; i < csv.header().size(); i++) {
        if (!FlatRow.COLUMNS.contains(csv.header().get(i))) {
          passThrough.add(csv.originalHeader().get(i));
          passIndex.add(i);
        }
      }
      List<String> header = new ArrayList<>(List.of("id", "name", "score", "band"));
      rubric.lessons().forEach(l -> header.add(l.id()));
      header.add("top_steps");
      header.add("status");
      for (String h : passThrough) {
        // a column named like a computed one (a results file fed back in) is kept apart
        header.add(safe(header.contains(h.toLowerCase(Locale.ROOT)) ? "input_" + h : h));
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
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.max(1, options.threads()),
              r -> {
                Thread t = new Thread(r, "wijktoets-batch");
                t.setDaemon(true);
                return t;
              });
      ArrayDeque<Future<List<RowResult>>> window = new ArrayDeque<>();
      int maxWindow = Math.max(2, options.threads() * 4);
      long done = 0;
      try {
        List<BatchCsv.Row> chunk = new ArrayList<>(CHUNK);
        BatchCsv.Row row;
        while ((row = csv.next()) != null) {
          chunk.add(row);
          if (chunk.size() == CHUNK) {
            List<BatchCsv.Row> task = chunk;
            window.add(pool.submit(() -> score(csv, task)));
            chunk = new ArrayList<>(CHUNK);
            while (window.size() >= maxWindow) {
              done += write(window.poll(), printer, passIndex, junit);
              progress.accept(done);
            }
          }
        }
        if (!chunk.isEmpty()) {
          List<BatchCsv.Row> task = chunk;
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
      throw new IOException(e.getCause());
    }
    Rubric rubric = assessor.rubric();
    List<String> record = new ArrayList<>();
    for (RowResult r : results) {
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
        if (options.toYaml() != null && r.flat()) {
          writeYaml(a.proposal(), r.id(), r.row());
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

  private List<RowResult> score(BatchCsv csv, List<BatchCsv.Row> rows) {
    List<RowResult> out = new ArrayList<>(rows.size());
    for (BatchCsv.Row row : rows) {
      out.add(scoreRow(csv, row));
    }
    return out;
  }

  private String msg(String key, Object... args) {
    return Messages.get(options.language(), key, args);
  }

  RowResult scoreRow(BatchCsv csv, BatchCsv.Row row) {
    Map<String, String> cells = csv.cells(row);
    String id = blankToNull(cells.get("id"));
    if (id == null) {
      id = Integer.toString(row.number());
    }
    String name = cells.getOrDefault("name", "");
    if (row.ragged()) {
      return error(
          row,
          id,
          name,
          msg("batch.row.ragged", row.values().size(), csv.header().size(), row.line()));
    }
    String where = options.displayName() + ":" + row.line();
    try {
      Assessment a;
      String file = blankToNull(cells.get("file"));
      if (file != null) {
        a = fromFile(file, where);
        if (name.isBlank()) {
          name = a.proposal().name();
        }
      } else {
        FlatRow.Read read = FlatRow.read(cells, csv.index(), where, row.line(), defaultFirstYear);
        dutchCells.add(read.dutchCells());
        a = assessor.score(read.proposal(), options.reportLanguage(), List.of());
      }
      boolean gate = gateFailed(a);
      String json =
          options.json() == null ? null : JsonReport.compact(a, options.top(), options.config());
      return new RowResult(row, id, name, a, "ok", false, gate, json, file == null);
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

  private RowResult error(BatchCsv.Row row, String id, String name, String status) {
    return new RowResult(row, id, name, null, status, true, false, null, false);
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

  private void writeYaml(Proposal p, String id, BatchCsv.Row row) throws IOException {
    String base = id.replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) {
      base = "row-" + row.number();
    }
    // called in input order, so the names are the same on every run
    String name = base;
    if (!yamlNames.add(name)) {
      name = base + "-row-" + row.number();
      yamlNames.add(name);
    }
    OutputFiles.write(options.toYaml().resolve(name + ".yaml"), ProposalYamlWriter.write(p));
  }

  /** A buffered UTF-8 writer for an output file. */
  public static Writer writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}
