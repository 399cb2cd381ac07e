package nl.wijktoets.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.wijktoets.batch.BatchCsv;
import nl.wijktoets.batch.BatchRunner;
import nl.wijktoets.report.Overview;
import nl.wijktoets.report.OverviewReport;
import nl.wijktoets.report.ReportException;
import nl.wijktoets.report.Templates;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.util.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wijktoets batch LIST.csv}: score every row of a CSV list. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    sortOptions = false,
    description = {
      "Score every row of a CSV list (batch format 1: flat columns, or a `file` column naming a"
          + " YAML proposal next to the list) and write a results CSV in input order, plus an"
          + " overview report. One bad row never stops the batch: its status says what is wrong."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every row scored; every gate met",
      "  1  a row is below --min-score/--min-lesson",
      "  2  usage error: unknown option, missing argument",
      "  3  a row could not be scored, or the list cannot be read (header, quotes, encoding)",
      "",
      "Examples:",
      "  wijktoets batch examples/batch/proposals.csv -o results.csv --report overview.html",
      "  wijktoets batch list.csv --json assessments.jsonl --junit batch.xml --min-score 55",
      "  wijktoets batch lijst.csv -o resultaten.csv --xlsx resultaten.xlsx --group-by district"
    })
public final class BatchCommand extends Subcommand {

  /** Threads by default: one per processor, at most this many (more rarely helps). */
  static final int DEFAULT_MAX_THREADS = 8;

  @Parameters(paramLabel = "LIST.csv", description = "The CSV list (, or ; separated, UTF-8).")
  Path list;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the results CSV to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Write the overview report to FILE: Markdown for .md, HTML for .html or .htm.")
  Path report;

  @Option(
      names = "--xlsx",
      paramLabel = "FILE",
      description =
          "Write the results to FILE as an Excel workbook: scores as numbers, the header frozen"
              + " and filtered, a sheet of the rows that failed.")
  Path xlsx;

  @Option(
      names = "--no-xlsx",
      description = "No workbook, also not the one the project settings ask for (batch.xlsx).")
  boolean noXlsx;

  @Option(
      names = "--group-by",
      paramLabel = "COLUMN",
      description =
          "Group the overview by a column of the list (such as district): counts per band and"
              + " the mean score per group; the group is a column of --xlsx too.")
  String groupBy;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write every assessment to FILE, one JSON object per line.")
  Path json;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Write JUnit XML to FILE: a test suite per row, a test case per criterion.")
  Path junit;

  @Option(
      names = "--to-yaml",
      paramLabel = "DIR",
      description = "Write the proposal each flat row describes to DIR/<id>.yaml (format 1).")
  Path toYaml;

  @Mixin Mixins.LanguageOption language;

  @Mixin Mixins.ConfigOptions config;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "3",
      description = "How many next steps go in top_steps (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin Mixins.GateOptions gates;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads that score rows, 1 to 64 (default: the number of processors, at most 8)."
              + " The output is the same for any N.")
  Integer threads;

  @Option(
      names = "--no-progress",
      description = "No progress line (it only shows when stderr is a terminal).")
  boolean noProgress;

  @Mixin Mixins.QuietOption quiet;

  @Mixin Mixins.TemplatesOption templates;

  @Mixin Mixins.RubricOption rubric;

  @Mixin Mixins.VerboseOption verbose;

  BatchCommand(Console console) {
    super(console);
  }

  /** The existing proposals of file rows in the --to-yaml folder (see checkFileRows). */
  private List<Path> fileRowProposals = List.of();

  /** How many cells were read as Dutch numbers in this run. */
  private long dutchCells;

  @Override
  ExitCode execute() throws IOException {
    xlsx = workbook();
    int threads = threads();
    checkFiles();
    Rubric rubric = this.rubric.load(console);
    top(top, rubric);
    Templates templates = this.templates.load();
    long started = System.nanoTime();
    Overview overview;
    try (OutputFiles files = new OutputFiles()) {
      // every output is opened (and so checked) before the first row is read
      if (toYaml != null) {
        OutputFiles.createFolder(toYaml);
      }
      Writer results = output == null ? console.out() : files.open(output).writer();
      Writer jsonWriter = json == null ? null : files.open(json).writer();
      Writer junitWriter = junit == null ? null : files.open(junit).writer();
      Writer reportWriter = report == null ? null : files.open(report).writer();
      OutputStream xlsxStream = xlsx == null ? null : files.open(xlsx).stream();
      BatchRunner runner =
          new BatchRunner(
                  rubric,
                  options(jsonWriter, junitWriter, threads),
                  new BatchRunner.Extras(xlsxStream, groupBy))
              .protect(
                  outputs(),
                  inputs(
                      fileRowProposals.stream().map(Path::toString).toList(),
                      this.rubric,
                      this.templates));
      overview = score(runner, results);
      for (Writer w : new Writer[] {results, jsonWriter, junitWriter}) {
        if (w != null) {
          w.flush();
        }
      }
      if (xlsxStream != null) {
        xlsxStream.flush();
      }
      if (reportWriter != null) {
        String name = report.toString().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        reportWriter.write(
            new OverviewReport(templates, configName())
                .render(overview, list.toString(), console.language(), html));
        reportWriter.flush();
      }
      files.commitAll();
    } catch (BatchCsv.CsvException e) {
      printCsvError(e);
      return ExitCode.INPUT_ERROR;
    } catch (ReportException e) {
      throw CliException.withText(ExitCode.INPUT_ERROR, e.getMessage());
    } catch (OutputFiles.WriteError e) {
      throw CliException.cannotWrite(e);
    } catch (BatchRunner.GroupByException e) {
      throw new CliException(
          ExitCode.USAGE, "batch.group-by.unknown", e.column(), String.join(", ", e.columns()));
    }
    if (!console.quiet()) {
      printSummary(overview, (System.nanoTime() - started) / 1e9);
    }
    if (overview.errors() > 0) {
      return ExitCode.INPUT_ERROR;
    }
    return overview.gateFailures() > 0 ? gates.failed() : ExitCode.OK;
  }

  /** --threads: 1 to 64; by default the number of processors, at most 8. */
  private int threads() {
    if (threads == null) {
      return Math.min(DEFAULT_MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }
    if (threads < 1 || threads > BatchRunner.MAX_THREADS) {
      throw new CliException(ExitCode.USAGE, "batch.threads-range", BatchRunner.MAX_THREADS);
    }
    return threads;
  }

  /**
   * The workbook to write: {@code --xlsx FILE}; none with {@code --no-xlsx}; with {@code
   * batch.xlsx: true} in the project settings, next to the results ({@link #besideResults}).
   */
  private Path workbook() {
    if (noXlsx) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--xlsx")) {
        throw new CliException(ExitCode.USAGE, "batch.xlsx-and-no-xlsx");
      }
      return null;
    }
    if (xlsx != null && xlsx.toString().equals(ProjectConfig.WORKBOOK_BESIDE_RESULTS)) {
      return besideResults(output, list);
    }
    return xlsx;
  }

  /**
   * The workbook next to the results: {@code results.csv} gives {@code results.xlsx}; results on
   * standard output give {@code LIST-results.xlsx} in the current folder.
   */
  static Path besideResults(Path output, Path list) {
    if (output != null) {
      String name = output.getFileName().toString();
      String base =
          name.toLowerCase(Locale.ROOT).endsWith(".csv")
              ? name.substring(0, name.length() - 4)
              : name;
      return output.resolveSibling(base + ".xlsx");
    }
    String name = list.getFileName().toString();
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return Path.of(base + "-results.xlsx");
  }

  private List<Path> outputs() {
    List<Path> outputs = new ArrayList<>();
    for (Path p : new Path[] {output, report, json, junit, xlsx}) {
      if (p != null) {
        outputs.add(p);
      }
    }
    return outputs;
  }

  /**
   * Before any work: the list can be read, --report is .md or .html, no output is an input (the
   * list, the rubric, a template) or another output.
   */
  private void checkFiles() {
    if (!Files.isRegularFile(list)) {
      String why = Files.isDirectory(list) ? "error.is-directory" : "error.not-found";
      throw new CliException(
          ExitCode.INPUT_ERROR, "error.cannot-read", list.toString(), console.msg(why));
    }
    if (report != null && !isReportName(report)) {
      throw new CliException(ExitCode.USAGE, "batch.report-extension", report);
    }
    Outputs.checkClashes(inputs(List.of(list.toString()), rubric, templates), outputs());
    fileRowProposals = checkFileRows();
  }

  /**
   * The existing proposals the list's {@code file} rows name that lie in the {@code --to-yaml}
   * folder, which no flat row's file may then take. Read in a first pass over the list, only when
   * it has a {@code file} column; an output that is one of those proposals (any of them, wherever
   * it lies) stops the run here, before anything is written (exit 2).
   */
  private List<Path> checkFileRows() {
    List<Path> inYamlFolder = new ArrayList<>();
    OutputFiles.Claims claimed = new OutputFiles.Claims(outputs());
    Path yamlFolder = toYaml == null ? null : realOrAbsolute(toYaml);
    for (Path proposal : BatchCsv.fileRowProposals(list)) {
      Path owner = claimed.owner(proposal);
      if (owner != null) {
        throw new CliException(ExitCode.USAGE, "error.output-is-input", owner, proposal);
      }
      if (yamlFolder != null && yamlFolder.equals(realOrAbsolute(proposal).getParent())) {
        inYamlFolder.add(proposal);
      }
    }
    return inYamlFolder;
  }

  private static Path realOrAbsolute(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Scores the list into the results (-o or standard output), --json and --junit. */
  private Overview score(BatchRunner runner, Writer results)
      throws IOException, BatchCsv.CsvException, BatchRunner.GroupByException {
    boolean showProgress = !noProgress && !console.quiet() && Progress.stderrIsTerminal();
    Progress progress = new Progress(console.err(), showProgress, Files.size(list));
    try (InputStream in = progress.wrap(Files.newInputStream(list))) {
      runner.run(in, results, progress::update);
    } finally {
      progress.done();
    }
    if (!console.quiet()) {
      for (BatchCsv.Warning w : runner.warnings()) {
        console
            .err()
            .println(
                list
                    + ":"
                    + w.line()
                    + ": "
                    + console.msg("level.warning")
                    + ": "
                    + console.msg(w.key(), w.args()));
      }
    }
    dutchCells = runner.dutchCells();
    return runner.overview();
  }

  private BatchRunner.Options options(Writer jsonWriter, Writer junitWriter, int threads) {
    return new BatchRunner.Options(
        list.toString(),
        list,
        console.language(),
        language.value(),
        top,
        gates.minScore,
        gates.minLesson,
        threads,
        toYaml,
        jsonWriter,
        junitWriter,
        console.clock(),
        configName());
  }

  /** The list as a whole cannot be read on (header, quoting, encoding): where, and why. */
  private void printCsvError(BatchCsv.CsvException e) throws IOException {
    // a decoding error surfaces where the reader's buffer was filled: find its real line
    int line = e.key().equals("batch.csv.encoding") ? firstLineNotUtf8(list) : e.line();
    console
        .err()
        .println(
            list
                + ":"
                + line
                + ": "
                + console.msg("level.error")
                + ": "
                + console.msg(e.key(), e.args()));
    console.err().flush();
  }

  private void printSummary(Overview overview, double seconds) {
    console
        .err()
        .println(
            console.msg(
                "batch.summary",
                overview.rows(),
                overview.ok(),
                overview.errors(),
                String.format(Locale.ROOT, "%.1f", seconds),
                Math.round(overview.rows() / Math.max(seconds, 1e-3))));
    if (overview.blank() > 0) {
      console.err().println(console.msg("batch.summary.blank", overview.blank()));
    }
    if (dutchCells > 0) {
      // rows have no warnings: say here how many cells were read the Dutch way
      console.err().println(console.msg("batch.summary.dutch", dutchCells));
    }
    console.err().flush();
  }

  /** The line of the first byte sequence that is not UTF-8 (read again only after an error). */
  static int firstLineNotUtf8(Path file) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int line = 1;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
      CharBuffer chars = CharBuffer.allocate(1 << 16);
      boolean end = false;
      while (!end) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = n < 0;
        if (n > 0) {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
        var result = decoder.decode(bytes, chars, end);
        chars.flip();
        while (chars.hasRemaining()) {
          if (chars.get() == '\n') {
            line++;
          }
        }
        chars.clear();
        if (result.isError()) {
          return line;
        }
        bytes.compact();
      }
    }
    return line;
  }

  private static boolean isReportName(Path p) {
    String n = p.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm");
  }
}
