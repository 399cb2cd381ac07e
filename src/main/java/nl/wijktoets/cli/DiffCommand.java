package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.DiffReport;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.AssessmentDiff;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.InputFiles;
import nl.wijktoets.source.YamlNode;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wijktoets diff OLD NEW}: what changed between two versions of a proposal. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    sortOptions = false,
    description = {
      "Compare two versions of a proposal: the total and band before and after, each lesson's"
          + " and criterion's change, and for each changed criterion the fields that changed (YAML"
          + " path, old and new value). Contact details and founders' names are never shown."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  compared",
      "  2  usage error",
      "  3  a file cannot be read or scored, or the --rubric file cannot be used",
      "",
      "Examples:",
      "  wijktoets diff voorstel-v1.yaml voorstel-v2.yaml",
      "  wijktoets diff old.yaml new.yaml -f json -o diff.json"
    })
public final class DiffCommand implements Callable<Integer> {

  enum Format {
    md,
    json
  }

  private final Console console;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier version (YAML).")
  String oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later version (YAML).")
  String newFile;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "md",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      converter = LanguageConverter.class,
      description = "Language (default: the new version's `language`, else nl).")
  Language lang;

  @Option(
      names = "--rubric",
      paramLabel = "FILE",
      description = "Score both with this rubric instead of the built-in one.")
  Path rubricFile;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print warnings.")
  boolean quiet;

  DiffCommand(Console console) {
    this.console = console;
  }

  private record Side(Assessment assessment, YamlNode tree) {}

  @Override
  public Integer call() throws IOException {
    console.language(lang);
    Rubric rubric = Rubrics.load(console, rubricFile, quiet);
    if (rubric == null) {
      return ExitCodes.INPUT_ERROR;
    }
    Assessor assessor = new Assessor(rubric);
    Side after = side(assessor, newFile, lang);
    if (after == null) {
      return ExitCodes.INPUT_ERROR;
    }
    Side before = side(assessor, oldFile, after.assessment().language());
    if (before == null) {
      return ExitCodes.INPUT_ERROR;
    }
    AssessmentDiff diff =
        AssessmentDiff.of(before.assessment(), before.tree(), after.assessment(), after.tree());
    String text =
        format == Format.json
            ? DiffReport.json(diff)
            : DiffReport.markdown(diff, after.assessment().language());
    if (output == null) {
      console.out().print(text);
      console.out().flush();
    } else {
      AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
    }
    return ExitCodes.OK;
  }

  private Side side(Assessor assessor, String file, Language language) {
    String name = InputFiles.displayName(file);
    byte[] bytes;
    try {
      bytes = InputFiles.read(file, console.in(), YamlTreeReader.Limits.PROPOSAL.maxBytes());
    } catch (IOException e) {
      String why =
          e instanceof InputFiles.Unreadable u ? console.msg(u.reasonKey()) : Main.oneLine(e);
      console.error(console.msg("error.cannot-read", name, why));
      return null;
    }
    Assessor.Outcome outcome = assessor.assess(name, bytes, language);
    for (Finding f : outcome.findings()) {
      if (f.isError() || !quiet) {
        console.finding(f);
      }
    }
    if (!outcome.scored()) {
      console.err().println(console.msg("error.not-scored", name));
      return null;
    }
    var tree = new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL).read(name, bytes).root();
    return new Side(outcome.assessment(), tree);
  }
}
