package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.FindingsReport;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.InputFiles;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wijktoets validate FILE...}: check proposal files for CI, without scoring them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    sortOptions = false,
    description = {
      "Check proposal files (structure, encodings, limits and domain rules) without scoring"
          + " them, in one run for many files. Every problem is a finding with file, line and"
          + " column and a stable rule id."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no error-level finding (with --strict: no finding at all)",
      "  1  a file has an error-level finding (a YAML syntax error, a bad encoding and a file over"
          + " the limits are findings too)",
      "  2  usage error: unknown option, missing argument",
      "  3  a file cannot be read at all (missing, a folder, no permission)",
      "",
      "Examples:",
      "  wijktoets validate proposals/*.yaml",
      "  wijktoets validate proposals/*.yaml -f sarif -o findings.sarif",
      "  wijktoets validate proposals/*.yaml -f github"
    })
public final class ValidateCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Proposal files (YAML); - reads standard input.")
  List<String> files;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). text is"
              + " file:line:col: level: message [rule-id]; sarif is SARIF 2.1.0; junit is JUnit"
              + " XML (a test suite per file, a test case per rule family); github is workflow"
              + " commands for annotations.")
  FindingsReport.Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the findings to FILE instead of standard output.")
  String output;

  @Option(names = "--strict", description = "Warnings fail too (exit 1).")
  boolean strict;

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      converter = LanguageConverter.class,
      description = "Language of the messages (default: nl for a Dutch locale, else en).")
  Language lang;

  @Option(
      names = {"-q", "--quiet"},
      description = "Leave warnings out of text and github output.")
  boolean quiet;

  @Option(
      names = "--rubric",
      paramLabel = "FILE",
      description =
          "Check waivers against this rubric instead of the built-in one (see wijktoets rubric).")
  Path rubricFile;

  @Option(names = "--verbose", description = "Print stack traces of internal errors.")
  boolean verbose;

  ValidateCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    console.language(lang);
    console.verbose(verbose);
    Rubric rubric = Rubrics.load(console, rubricFile, false);
    if (rubric == null) {
      return ExitCodes.INPUT_ERROR;
    }
    if (output != null && !output.equals("-")) {
      Path out = Path.of(output);
      for (String file : files) {
        try {
          if (!file.equals("-") && Files.exists(out) && Files.isSameFile(out, Path.of(file))) {
            console.error(console.msg("error.output-is-input", output));
            return ExitCodes.INPUT_ERROR;
          }
        } catch (IOException e) {
          // the input cannot be read: reported below like any other
        }
      }
    }
    Assessor assessor = new Assessor(rubric);
    List<FindingsReport.FileResult> results = new ArrayList<>();
    int code = ExitCodes.OK;
    for (String file : files) {
      String name = InputFiles.displayName(file);
      try {
        byte[] bytes =
            InputFiles.read(file, console.in(), YamlTreeReader.Limits.PROPOSAL.maxBytes());
        Assessor.Outcome outcome = assessor.check(name, bytes);
        FindingsReport.FileResult r = new FindingsReport.FileResult(name, outcome.findings(), null);
        results.add(r);
        if (r.errors(strict) > 0) {
          code = ExitCodes.worst(code, ExitCodes.GATE_FAILED);
        }
      } catch (IOException e) {
        String why =
            e instanceof InputFiles.Unreadable u ? console.msg(u.reasonKey()) : Main.oneLine(e);
        String message = console.msg("error.cannot-read", name, why);
        console.error(message);
        results.add(new FindingsReport.FileResult(name, List.of(), message));
        code = ExitCodes.worst(code, ExitCodes.INPUT_ERROR);
      }
    }
    String text = FindingsReport.render(format, results, console.language(), strict, quiet);
    if (output == null || output.equals("-")) {
      console.out().print(text);
      console.out().flush();
    } else {
      try {
        AtomicFiles.write(Path.of(output), text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        console.error(console.msg("error.write", output, Main.oneLine(e)));
        return ExitCodes.INPUT_ERROR;
      }
    }
    long errors =
        results.stream()
            .mapToLong(r -> r.findings().stream().filter(f -> f.isError()).count())
            .sum();
    long warnings = results.stream().mapToLong(r -> r.findings().size()).sum() - errors;
    console.err().println(console.msg("validate.summary", results.size(), errors, warnings));
    console.err().flush();
    return code;
  }
}
