package nl.wijktoets.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "  wijktoets batch list.csv --json assessments.jsonl --junit batch.xml --min-score 55"
    })
public final class BatchCommand extends Subcommand {

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
      description = "Write the overview report to FILE: Markdown for .md, HTML for .html.")
  Path report;

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
          "Threads that score rows (default: the number of processors). The output is the same for any N.")
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

  /** How many cells were read as Dutch numbers in this run. */
  private long dutchCells;

  @Override
  ExitCode execute() throws IOException {
    Rubric rubric = this.rubric.load(console);
    checkFiles();
    if (toYaml != null) {
      OutputFiles.createFolder(toYaml);
    }
    Templates templates = this.templates.load();
    long started = System.nanoTime();
    Overview overview;
    try (OutputFiles files = new OutputFiles()) {
      overview = score(rubric, templates, files);
    } catch (BatchCsv.CsvException e) {
      printCsvError(e);
      return ExitCode.INPUT_ERROR;
    } catch (ReportException e) {
      throw CliException.withText(ExitCode.INPUT_ERROR, e.getMessage());
    } catch (IOException e) {
      String what = e.getMessage() == null ? list.toString() : e.getMessage();
      throw new CliException(ExitCode.INPUT_ERROR, "error.write", what, Main.oneLine(e));
    }
    if (!console.quiet()) {
      printSummary(overview, (System.nanoTime() - started) / 1e9);
    }
    if (overview.errors() > 0) {
      return ExitCode.INPUT_ERROR;
    }
    return overview.gateFailures() > 0 ? gates.failed() : ExitCode.OK;
  }

  /** Before any work: the list can be read, --report is .md or .html, no output is the list. */
  private void checkFiles() throws IOException {
    if (!Files.isRegularFile(list)) {
      String why = Files.isDirectory(list) ? "error.is-directory" : "error.not-found";
      throw new CliException(
          ExitCode.INPUT_ERROR, "error.cannot-read", list.toString(), console.msg(why));
    }
    if (report != null && !isReportName(report)) {
      throw new CliException(ExitCode.USAGE, "batch.report-extension", report);
    }
    for (Path out : new Path[] {output, report, json, junit}) {
      if (out != null && OutputFiles.sameFile(out, list)) {
        throw new CliException(ExitCode.INPUT_ERROR, "error.output-is-input", out);
      }
    }
  }

  /**
   * Scores the list into the results (-o or standard output), --json and --junit, writes the
   * overview (--report), and commits the files once the whole list has been read.
   */
  private Overview score(Rubric rubric, Templates templates, OutputFiles files)
      throws IOException, BatchCsv.CsvException, ReportException {
    Writer results = output == null ? console.out() : writer(files, output);
    Writer jsonWriter = json == null ? null : writer(files, json);
    Writer junitWriter = junit == null ? null : writer(files, junit);
    BatchRunner runner = new BatchRunner(rubric, options(jsonWriter, junitWriter));
    boolean showProgress = !noProgress && !console.quiet() && Progress.stderrIsTerminal();
    Progress progress = new Progress(console.err(), showProgress, Files.size(list));
    try (InputStream in = progress.wrap(Files.newInputStream(list))) {
      runner.run(in, results, progress::update);
    } finally {
      progress.done();
    }
    for (Writer w : new Writer[] {results, jsonWriter, junitWriter}) {
      if (w != null) {
        w.flush();
      }
    }
    Overview overview = runner.overview();
    dutchCells = runner.dutchCells();
    if (report != null) {
      boolean html = report.toString().toLowerCase(Locale.ROOT).endsWith(".html");
      OutputFiles.write(
          report,
          new OverviewReport(templates, configName())
              .render(overview, list.toString(), console.language(), html));
    }
    files.commitAll();
    return overview;
  }

  private static Writer writer(OutputFiles files, Path target) throws IOException {
    return BatchRunner.writer(files.open(target).stream());
  }

  private BatchRunner.Options options(Writer jsonWriter, Writer junitWriter) {
    return new BatchRunner.Options(
        list.toString(),
        list,
        console.language(),
        language.value(),
        Math.max(0, top),
        gates.minScore,
        gates.minLesson,
        threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads),
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
