package nl.wijktoets.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.ReportException;
import nl.wijktoets.report.ReportFormat;
import nl.wijktoets.report.Reports;
import nl.wijktoets.report.Templates;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.scoring.Gates;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.InputFiles;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wijktoets assess FILE...}: score proposals and write the advice report. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    sortOptions = false,
    description = {
      "Score proposals (YAML files, or - for standard input) against the rubric and write the"
          + " assessment.",
      "Errors in a file are printed as file:line:col lines on stderr and the file is not scored;"
          + " warnings are printed too (--quiet hides them)."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done; every gate met",
      "  1  a gate failed: total below --min-score or a lesson below --min-lesson",
      "  2  usage error: unknown option, missing argument",
      "  3  input or runtime error: a file missing, unreadable or invalid (no report is written)",
      "",
      "Examples:",
      "  wijktoets assess examples/moerwijk.yaml",
      "  wijktoets assess examples/moerwijk.yaml --lang en -o moerwijk.md",
      "  wijktoets assess examples/*.yaml -f json -o reports/ --min-score 55"
    })
public final class AssessCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Proposal files (YAML); - reads standard input.")
  List<String> files;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). md and html are the"
              + " advice report; json is the whole assessment; junit is JUnit XML with a test case per"
              + " criterion, failing where its lesson is below --min-lesson or the 30%% floor.",
      defaultValue = "md")
  ReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      description =
          "Write the report to PATH instead of standard output. With several inputs PATH is a"
              + " folder (existing, or ending in /) and each report is <input name>.<format>.")
  String output;

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      converter = LanguageConverter.class,
      description =
          "Language of the report and messages (default: the proposal's `language`, else nl).")
  Language lang;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "3",
      description = "How many next steps to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--min-score",
      paramLabel = "N",
      description = "Gate: exit 1 when the total (0-100, decimals allowed) is below N.")
  BigDecimal minScore;

  @Option(
      names = "--min-lesson",
      paramLabel = "N",
      description = "Gate: exit 1 when any lesson's percentage of its weight is below N.")
  BigDecimal minLesson;

  @Option(
      names = "--no-fail",
      description = "Report failed gates but exit 0 (input errors still exit 3).")
  boolean noFail;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print warnings.")
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

  AssessCommand(Console console) {
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
    if (top < 0) {
      top = 0;
    }
    Assessor assessor = new Assessor(rubric);
    Gates gates;
    try {
      gates = Gates.of(minScore, minLesson);
    } catch (IllegalArgumentException e) {
      console.error(console.msg("error.gate.range", e.getMessage()));
      return ExitCodes.USAGE;
    }
    if (format == ReportFormat.html && files.size() > 1 && (output == null || output.equals("-"))) {
      console.error(console.msg("error.html-needs-dir"));
      return ExitCodes.USAGE;
    }
    Templates templates = templates(console, templatesDir);
    if (templates == null) {
      return ExitCodes.INPUT_ERROR;
    }
    Reports reports = new Reports(templates, minLesson);
    // where each report goes, decided (and checked for clashes) before anything is written
    Map<String, Path> targets = targets();
    if (targets == null) {
      return ExitCodes.INPUT_ERROR;
    }
    int code = ExitCodes.OK;
    List<Assessment> assessed = new ArrayList<>();
    Map<Assessment, String> inputOf = new IdentityHashMap<>();
    for (String file : files) {
      String name = InputFiles.displayName(file);
      byte[] bytes;
      try {
        bytes = InputFiles.read(file, console.in(), YamlTreeReader.Limits.PROPOSAL.maxBytes());
      } catch (InputFiles.Unreadable e) {
        console.error(console.msg("error.cannot-read", name, console.msg(e.reasonKey())));
        code = ExitCodes.worst(code, ExitCodes.INPUT_ERROR);
        continue;
      } catch (IOException e) {
        console.error(console.msg("error.cannot-read", name, Main.oneLine(e)));
        code = ExitCodes.worst(code, ExitCodes.INPUT_ERROR);
        continue;
      }
      Assessor.Outcome outcome = assessor.assess(name, bytes, lang);
      for (Finding f : outcome.findings()) {
        if (f.isError() || !quiet) {
          console.finding(f);
        }
      }
      if (!outcome.scored()) {
        console.err().println(console.msg("error.not-scored", name));
        code = ExitCodes.worst(code, ExitCodes.INPUT_ERROR);
        continue;
      }
      Assessment a = outcome.assessment();
      assessed.add(a);
      inputOf.put(a, file);
      if (!gatesMet(a, gates)) {
        code = ExitCodes.worst(code, noFail ? ExitCodes.OK : ExitCodes.GATE_FAILED);
      }
    }
    console.err().flush();
    code = ExitCodes.worst(code, write(reports, assessed, inputOf, targets));
    return code;
  }

  /** The built-in templates, or those of --templates DIR; null after an error message. */
  static Templates templates(Console console, Path dir) {
    if (dir == null) {
      return new Templates();
    }
    if (!Files.isDirectory(dir)) {
      console.error(console.msg("error.templates-dir", dir));
      return null;
    }
    try {
      return Templates.withDirectory(dir);
    } catch (IOException e) {
      console.error(console.msg("error.templates-dir", dir));
      return null;
    }
  }

  /** Checks the gates on the exact scores, saying on stderr which failed. */
  private boolean gatesMet(Assessment a, Gates gates) {
    Language l = console.language();
    if (gates.totalBelow(a)) {
      console
          .err()
          .println(
              a.proposal().file()
                  + ": "
                  + console.msg(
                      "error.gate.score", Formats.total(a.total(), l), minScore.toPlainString()));
    }
    for (Assessment.LessonResult lesson : a.lessons()) {
      if (gates.lessonBelow(lesson)) {
        console
            .err()
            .println(
                a.proposal().file()
                    + ": "
                    + console.msg(
                        "error.gate.lesson",
                        lesson.lesson().id(),
                        Formats.percent(lesson.share(), l),
                        minLesson.toPlainString()));
      }
    }
    return !gates.failed(a);
  }

  /**
   * Input -> output path; empty for standard output; null (after an error message) when the outputs
   * clash or would overwrite an input.
   */
  private Map<String, Path> targets() throws IOException {
    Map<String, Path> targets = new LinkedHashMap<>();
    if (output == null || output.equals("-")) {
      return targets;
    }
    Path out = Path.of(output);
    boolean dirMode = files.size() > 1 || output.endsWith("/") || Files.isDirectory(out);
    if (files.size() > 1 && !(output.endsWith("/") || Files.isDirectory(out))) {
      console.error(console.msg("error.output-not-dir"));
      return null;
    }
    Set<Path> seen = new HashSet<>();
    for (String file : files) {
      Path target = dirMode ? out.resolve(reportName(file)) : out;
      if (!seen.add(target.toAbsolutePath().normalize())) {
        console.error(console.msg("error.output-clash", target));
        return null;
      }
      targets.put(file, target);
    }
    for (String file : files) {
      if (file.equals("-")) {
        continue;
      }
      Path in = Path.of(file);
      for (Path target : targets.values()) {
        if (Files.exists(target) && Files.exists(in) && Files.isSameFile(in, target)) {
          console.error(console.msg("error.output-is-input", target));
          return null;
        }
      }
    }
    return targets;
  }

  private String reportName(String file) {
    String base = file.equals("-") ? "stdin" : Path.of(file).getFileName().toString();
    String lower = base.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml")) {
      base = base.substring(0, base.length() - 5);
    } else if (lower.endsWith(".yml")) {
      base = base.substring(0, base.length() - 4);
    }
    return base + "." + format.extension();
  }

  private int write(
      Reports reports,
      List<Assessment> assessed,
      Map<Assessment, String> inputOf,
      Map<String, Path> targets) {
    if (targets.isEmpty()) {
      if (assessed.isEmpty()) {
        return ExitCodes.OK;
      }
      String text;
      try {
        // one input gives one report; several give an array (JSON) or separated reports, even
        // when only some of them could be scored
        text =
            files.size() == 1
                ? reports.render(format, assessed.get(0), top)
                : reports.renderAll(format, assessed, top);
      } catch (ReportException e) {
        console.error(e.getMessage());
        return ExitCodes.INPUT_ERROR;
      }
      console.out().print(text);
      console.out().flush();
      return ExitCodes.OK;
    }
    int code = ExitCodes.OK;
    for (Assessment a : assessed) {
      Path target = targets.get(inputOf.get(a));
      try {
        AtomicFiles.write(target, reports.render(format, a, top).getBytes(StandardCharsets.UTF_8));
      } catch (ReportException e) {
        console.error(e.getMessage());
        code = ExitCodes.INPUT_ERROR;
      } catch (IOException e) {
        console.error(console.msg("error.write", target, Main.oneLine(e)));
        code = ExitCodes.INPUT_ERROR;
      }
    }
    return code;
  }
}
