package nl.wijktoets.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.wijktoets.rubric.RubricLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code wijktoets rubric [show|check FILE]}: print the built-in rubric or check a custom one. */
@Command(
    name = "rubric",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    description = {
      "show: print the built-in rubric as YAML, a starting point for your own.",
      "check FILE: check a custom rubric against `wijktoets schema rubric` and beyond (unique ids,"
          + " known measures and parameters, positive weights that add up, thresholds and bands in"
          + " order, texts in both languages); every problem with file:line:col."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  shown, or the rubric can be used (warnings allowed)",
      "  1  check: the rubric has errors",
      "  2  usage error",
      "  3  FILE cannot be read",
      "",
      "Examples:",
      "  wijktoets rubric show > my-rubric.yaml",
      "  wijktoets rubric check my-rubric.yaml",
      "  wijktoets assess proposal.yaml --rubric my-rubric.yaml"
    })
public final class RubricCommand extends Subcommand {

  enum Action {
    show,
    check
  }

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "show",
      paramLabel = "ACTION",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Action action;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The rubric file to check.")
  Path file;

  @Mixin Mixins.LanguageOption language;

  @Mixin Mixins.ConfigOptions config;

  RubricCommand(Console console) {
    super(console);
  }

  @Override
  ExitCode execute() {
    if (action == Action.show) {
      console.print(new String(RubricLoader.builtinBytes(), StandardCharsets.UTF_8));
      return ExitCode.OK;
    }
    if (file == null) {
      throw new CliException(ExitCode.USAGE, "rubric.check-needs-file");
    }
    byte[] bytes = Rubrics.read(console, file); // cannot be read: exit 3, with the reason
    try {
      Rubrics.check(console, file, bytes);
    } catch (CliException e) {
      throw e.exitingWith(ExitCode.GATE_FAILED); // the check failed
    }
    console.err().println(console.msg("rubric.ok", file));
    console.err().flush();
    return ExitCode.OK;
  }
}
