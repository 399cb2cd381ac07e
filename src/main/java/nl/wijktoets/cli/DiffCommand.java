package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.DiffReport;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.AssessmentDiff;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.InputFiles;
import nl.wijktoets.source.YamlNode;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.util.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
public final class DiffCommand extends Subcommand {

  enum Format {
    md,
    json
  }

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

  @Mixin Mixins.LanguageOption language;

  @Mixin Mixins.ConfigOptions config;

  @Mixin Mixins.RubricOption rubric;

  @Mixin Mixins.QuietOption quiet;

  DiffCommand(Console console) {
    super(console);
  }

  private record Side(Assessment assessment, YamlNode tree) {}

  @Override
  ExitCode execute() {
    if (output != null) {
      Outputs.checkClashes(inputs(List.of(oldFile, newFile), rubric, null), List.of(output));
    }
    Assessor assessor = new Assessor(rubric.load(console));
    Side after = side(assessor, newFile, language.value());
    Side before = side(assessor, oldFile, after.assessment().language());
    AssessmentDiff diff =
        AssessmentDiff.of(before.assessment(), before.tree(), after.assessment(), after.tree());
    String text =
        format == Format.json
            ? DiffReport.json(diff, configName())
            : DiffReport.markdown(diff, after.assessment().language(), configName());
    if (output == null) {
      console.print(text);
    } else {
      try {
        OutputFiles.write(output, text);
      } catch (OutputFiles.WriteError e) {
        throw CliException.cannotWrite(e);
      }
    }
    return ExitCode.OK;
  }

  /** One version, read and scored; its findings printed. */
  private Side side(Assessor assessor, String file, Language language) {
    String name = InputFiles.displayName(file);
    byte[] bytes;
    try {
      bytes = InputFiles.read(file, console.in(), YamlTreeReader.Limits.PROPOSAL.maxBytes());
    } catch (IOException e) {
      String why =
          e instanceof InputFiles.Unreadable u ? console.msg(u.reasonKey()) : Main.oneLine(e);
      throw new CliException(ExitCode.INPUT_ERROR, "error.cannot-read", name, why);
    }
    Assessor.Outcome outcome = assessor.assess(name, bytes, language);
    console.findings(outcome.findings(), outcome.scored(), name, file);
    if (!outcome.scored()) {
      console.err().println(console.msg("error.not-scored", name));
      throw CliException.alreadyReported(ExitCode.INPUT_ERROR);
    }
    var tree = new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL).read(name, bytes).root();
    return new Side(outcome.assessment(), tree);
  }
}
