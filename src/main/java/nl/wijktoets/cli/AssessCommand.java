package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.ReportException;
import nl.wijktoets.report.ReportFormat;
import nl.wijktoets.report.Reports;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.scoring.Gates;
import nl.wijktoets.source.InputFiles;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.util.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
public final class AssessCommand extends Subcommand {

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

  @Mixin Mixins.LanguageOption language;

  @Mixin Mixins.ConfigOptions config;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "3",
      description = "How many next steps to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin Mixins.GateOptions gates;

  @Mixin Mixins.QuietOption quiet;

  @Mixin Mixins.TemplatesOption templates;

  @Mixin Mixins.RubricOption rubric;

  @Mixin Mixins.VerboseOption verbose;

  AssessCommand(Console console) {
    super(console);
  }

  @Override
  ExitCode execute() throws IOException {
    files = InputFiles.expand(files);
    if (format == ReportFormat.html && files.size() > 1 && toStandardOutput()) {
      throw new CliException(ExitCode.USAGE, "error.html-needs-dir");
    }
    // where each report goes, decided (and checked for clashes) before anything is read or written
    Map<String, Path> targets = targets();
    Assessor assessor = new Assessor(rubric.load(console));
    top = top(top, assessor.rubric());
    Reports reports = new Reports(templates.load(), gates.minLesson, configName());
    ExitCode code = ExitCode.OK;
    List<Assessment> assessed = new ArrayList<>();
    Map<Assessment, String> inputOf = new IdentityHashMap<>();
    for (String file : files) {
      Optional<Assessment> a = assess(assessor, file);
      if (a.isEmpty()) {
        code = code.worst(ExitCode.INPUT_ERROR);
        continue;
      }
      assessed.add(a.get());
      inputOf.put(a.get(), file);
      if (!gatesMet(a.get())) {
        code = code.worst(gates.failed());
      }
    }
    console.err().flush();
    return code.worst(write(reports, assessed, inputOf, targets));
  }

  private boolean toStandardOutput() {
    return output == null || output.equals("-");
  }

  /** One input, read and scored, its findings printed; empty when it could not be scored. */
  private Optional<Assessment> assess(Assessor assessor, String file) {
    String name = InputFiles.displayName(file);
    byte[] bytes;
    try {
      bytes = InputFiles.read(file, console.in(), YamlTreeReader.Limits.PROPOSAL.maxBytes());
    } catch (InputFiles.Unreadable e) {
      console.error(console.msg("error.cannot-read", name, console.msg(e.reasonKey())));
      return Optional.empty();
    } catch (IOException e) {
      console.error(console.msg("error.cannot-read", name, Main.oneLine(e)));
      return Optional.empty();
    }
    Assessor.Outcome outcome = assessor.assess(name, bytes, language.value());
    console.findings(outcome.findings(), outcome.scored(), name, file);
    if (!outcome.scored()) {
      console.err().println(console.msg("error.not-scored", name));
      return Optional.empty();
    }
    return Optional.of(outcome.assessment());
  }

  /** Checks the gates on the exact scores, saying on stderr which failed. */
  private boolean gatesMet(Assessment a) {
    Gates gates = this.gates.gates();
    Language l = console.language();
    if (gates.totalBelow(a)) {
      console
          .err()
          .println(
              a.proposal().file()
                  + ": "
                  + console.msg(
                      "error.gate.score",
                      Formats.total(a.total(), l),
                      this.gates.minScore.toPlainString())
                  + fromSettings("--min-score"));
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
                        this.gates.minLesson.toPlainString())
                    + fromSettings("--min-lesson"));
      }
    }
    return !gates.failed(a);
  }

  /**
   * Input -> output path; empty for standard output.
   *
   * @throws CliException when the outputs clash or one would overwrite an input
   */
  private Map<String, Path> targets() throws IOException {
    Map<String, Path> targets = new LinkedHashMap<>();
    if (toStandardOutput()) {
      return targets;
    }
    Path out = Path.of(output);
    boolean dirMode = files.size() > 1 || output.endsWith("/") || Files.isDirectory(out);
    if (files.size() > 1 && !(output.endsWith("/") || Files.isDirectory(out))) {
      throw new CliException(ExitCode.INPUT_ERROR, "error.output-not-dir");
    }
    Set<Path> seen = new HashSet<>();
    for (String file : files) {
      Path target = dirMode ? out.resolve(reportName(file)) : out;
      if (!seen.add(target.toAbsolutePath().normalize())) {
        throw new CliException(ExitCode.USAGE, "error.output-clash", target);
      }
      targets.put(file, target);
    }
    Outputs.checkClashes(inputs(files, rubric, templates), targets.values());
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

  private ExitCode write(
      Reports reports,
      List<Assessment> assessed,
      Map<Assessment, String> inputOf,
      Map<String, Path> targets) {
    if (targets.isEmpty()) {
      if (assessed.isEmpty()) {
        return ExitCode.OK;
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
        throw CliException.withText(ExitCode.INPUT_ERROR, e.getMessage());
      }
      console.print(text);
      return ExitCode.OK;
    }
    ExitCode code = ExitCode.OK;
    for (Assessment a : assessed) {
      Path target = targets.get(inputOf.get(a));
      try {
        OutputFiles.write(target, reports.render(format, a, top));
      } catch (ReportException e) {
        console.error(e.getMessage());
        code = ExitCode.INPUT_ERROR;
      } catch (OutputFiles.WriteError e) {
        console.error(CliException.writeError(console.language(), e));
        code = ExitCode.INPUT_ERROR;
      }
    }
    return code;
  }
}
