package nl.wijktoets.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.wijktoets.batch.BatchCsv;
import nl.wijktoets.batch.BatchRunner;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.Overview;
import nl.wijktoets.report.OverviewReport;
import nl.wijktoets.report.ReportException;
import nl.wijktoets.report.Templates;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Gates;
import nl.wijktoets.util.AtomicFiles;
import picocli.CommandLine.Command;
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
public final class BatchCommand implements Callable<Integer> {

  private final Console console;

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

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      converter = LanguageConverter.class,
      description =
          "Language of the overview, row statuses and messages (default: nl for a Dutch locale, else en).")
  Language lang;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "3",
      description = "How many next steps go in top_steps (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--min-score",
      paramLabel = "N",
      description = "Gate: exit 1 when a row's total is below N.")
  BigDecimal minScore;

  @Option(
      names = "--min-lesson",
      paramLabel = "N",
      description = "Gate: exit 1 when a lesson of a row is below N percent of its weight.")
  BigDecimal minLesson;

  @Option(
      names = "--no-fail",
      description = "Report failed gates but exit 0 (row errors still exit 3).")
  boolean noFail;

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

  @Option(
      names = {"-q", "--quiet"},
      description = "No summary line on stderr.")
  boolean quiet;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "Use the Freemarker templates in DIR instead of the built-in ones of the same name"
              + " (sandboxed; see the README).")
  Path templatesDir;

  @Option(
      names = "--rubric",
      paramLabel = "FILE",
      description = "Score with this rubric instead of the built-in one (see wijktoets rubric).")
  Path rubricFile;

  @Option(names = "--verbose", description = "Print stack traces of internal errors.")
  boolean verbose;

  BatchCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    console.language(lang);
    console.verbose(verbose);
    Rubric rubric = Rubrics.load(console, rubricFile, false);
    if (rubric == null) {
      return ExitCodes.INPUT_ERROR;
    }
    Language language = console.language();
    String name = list.toString();
    if (!Files.isRegularFile(list)) {
      console.error(
          console.msg(
              "error.cannot-read",
              name,
              console.msg(Files.isDirectory(list) ? "error.is-directory" : "error.not-found")));
      return ExitCodes.INPUT_ERROR;
    }
    try {
      Gates.of(minScore, minLesson);
    } catch (IllegalArgumentException e) {
      console.error(console.msg("error.gate.range", e.getMessage()));
      return ExitCodes.USAGE;
    }
    if (report != null && !isReportName(report)) {
      console.error(console.msg("batch.report-extension", report));
      return ExitCodes.USAGE;
    }
    for (Path out : new Path[] {output, report, json, junit}) {
      if (out != null && Files.exists(out) && Files.isSameFile(out, list)) {
        console.error(console.msg("error.output-is-input", out));
        return ExitCodes.INPUT_ERROR;
      }
    }
    if (toYaml != null) {
      Files.createDirectories(toYaml);
    }
    Templates templates = AssessCommand.templates(console, templatesDir);
    if (templates == null) {
      return ExitCodes.INPUT_ERROR;
    }
    long started = System.nanoTime();
    List<AtomicFiles.Output> outputs = new ArrayList<>();
    try {
      AtomicFiles.Output resultsFile =
          output == null ? null : track(outputs, AtomicFiles.open(output));
      AtomicFiles.Output jsonFile = json == null ? null : track(outputs, AtomicFiles.open(json));
      AtomicFiles.Output junitFile = junit == null ? null : track(outputs, AtomicFiles.open(junit));
      Writer results =
          resultsFile == null ? console.out() : BatchRunner.writer(resultsFile.stream());
      Writer jsonWriter = jsonFile == null ? null : BatchRunner.writer(jsonFile.stream());
      Writer junitWriter = junitFile == null ? null : BatchRunner.writer(junitFile.stream());
      BatchRunner runner =
          new BatchRunner(
              rubric,
              new BatchRunner.Options(
                  name,
                  list,
                  language,
                  lang,
                  Math.max(0, top),
                  minScore,
                  minLesson,
                  threads == null
                      ? Runtime.getRuntime().availableProcessors()
                      : Math.max(1, threads),
                  toYaml,
                  jsonWriter,
                  junitWriter,
                  LocalDate.now(ZoneOffset.UTC).getYear() + 1));
      Progress progress =
          new Progress(
              console.err(),
              !noProgress && !quiet && Progress.stderrIsTerminal(),
              Files.size(list));
      try (InputStream in = progress.wrap(Files.newInputStream(list))) {
        runner.run(in, results, progress::update);
      } catch (BatchCsv.CsvException e) {
        progress.done();
        // a decoding error surfaces where the reader's buffer was filled: find its real line
        int line = e.key().equals("batch.csv.encoding") ? firstLineNotUtf8(list) : e.line();
        console
            .err()
            .println(
                name
                    + ":"
                    + line
                    + ": "
                    + console.msg("level.error")
                    + ": "
                    + console.msg(e.key(), e.args()));
        console.err().flush();
        return ExitCodes.INPUT_ERROR;
      }
      progress.done();
      results.flush();
      if (jsonWriter != null) {
        jsonWriter.flush();
      }
      if (junitWriter != null) {
        junitWriter.flush();
      }
      Overview overview = runner.overview();
      if (report != null) {
        String text =
            new OverviewReport(templates)
                .render(
                    overview,
                    name,
                    language,
                    report.toString().toLowerCase(Locale.ROOT).endsWith(".html"));
        AtomicFiles.write(report, text.getBytes(StandardCharsets.UTF_8));
      }
      for (AtomicFiles.Output o : outputs) {
        o.commit();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (!quiet) {
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
        console.err().flush();
      }
      int code = ExitCodes.OK;
      if (overview.gateFailures() > 0 && !noFail) {
        code = ExitCodes.GATE_FAILED;
      }
      if (overview.errors() > 0) {
        code = ExitCodes.INPUT_ERROR;
      }
      return code;
    } catch (ReportException e) {
      console.error(e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (IOException e) {
      console.error(
          console.msg(
              "error.write", e.getMessage() == null ? name : e.getMessage(), Main.oneLine(e)));
      return ExitCodes.INPUT_ERROR;
    } finally {
      for (AtomicFiles.Output o : outputs) {
        o.close();
      }
    }
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

  private static AtomicFiles.Output track(List<AtomicFiles.Output> outputs, AtomicFiles.Output o) {
    outputs.add(o);
    return o;
  }

  private static boolean isReportName(Path p) {
    String n = p.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm");
  }
}
