package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.wijktoets.report.FileFindings;
import nl.wijktoets.report.FindingsFormat;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.InputFiles;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.util.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
public final class ValidateCommand extends Subcommand {

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
  FindingsFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the findings to FILE instead of standard output.")
  String output;

  // fallbackValue: --strict is true even when the project settings make true the default
  @Option(
      names = "--strict",
      negatable = true,
      fallbackValue = "true",
      description = "Warnings fail too (exit 1). --no-strict turns a project setting off.")
  boolean strict;

  @Mixin Mixins.LanguageOption language;

  @Mixin Mixins.ConfigOptions config;

  @Mixin Mixins.QuietOption quietOption;

  @Mixin Mixins.RubricOption rubric;

  @Mixin Mixins.VerboseOption verbose;

  ValidateCommand(Console console) {
    super(console);
  }

  @Override
  ExitCode execute() {
    files = InputFiles.expand(files);
    if (output != null && !output.equals("-")) {
      Outputs.checkClashes(inputs(files, rubric, null), List.of(Path.of(output)));
    }
    Assessor assessor = new Assessor(rubric.load(console));
    boolean quiet = console.quiet();
    List<FileFindings> results = new ArrayList<>();
    ExitCode code = ExitCode.OK;
    for (String file : files) {
      String name = InputFiles.displayName(file);
      try {
        byte[] bytes =
            InputFiles.read(file, console.in(), YamlTreeReader.Limits.PROPOSAL.maxBytes());
        Assessor.Outcome outcome = assessor.check(name, bytes);
        FileFindings r =
            new FileFindings(name, outcome.findings(), null, outcome.proposal() != null);
        if (console.verbose()) {
          // the parser's own words, on stderr: never in the output format itself
          outcome.findings().stream()
              .filter(f -> f.detail() != null)
              .forEach(
                  f -> {
                    console.err().println(f.location() + ": " + f.rule());
                    console.detail(f);
                  });
        }
        results.add(r);
        if (r.errors(strict) > 0) {
          code = code.worst(ExitCode.GATE_FAILED);
        }
      } catch (IOException e) {
        String why =
            e instanceof InputFiles.Unreadable u ? console.msg(u.reasonKey()) : Main.oneLine(e);
        String message = console.msg("error.cannot-read", name, why);
        console.error(message);
        results.add(new FileFindings(name, List.of(), message));
        code = code.worst(ExitCode.INPUT_ERROR);
      }
    }
    String text = format.writer(console.language(), strict, quiet).write(results);
    if (output == null || output.equals("-")) {
      console.print(text);
    } else {
      try {
        OutputFiles.write(Path.of(output), text);
      } catch (OutputFiles.WriteError e) {
        throw CliException.cannotWrite(e);
      }
    }
    long errors =
        results.stream()
            .mapToLong(r -> r.findings().stream().filter(f -> f.isError()).count())
            .sum();
    long warnings = results.stream().mapToLong(r -> r.findings().size()).sum() - errors;
    long unread = results.stream().filter(r -> r.unreadable() != null).count();
    // exit 3 when a file (or a pattern that matched nothing) could not be read: the summary says so
    console
        .err()
        .println(
            unread == 0
                ? console.msg("validate.summary", results.size(), errors, warnings)
                : console.msg(
                    "validate.summary.unread", results.size() - unread, errors, warnings, unread));
    console.err().flush();
    return code;
  }
}
