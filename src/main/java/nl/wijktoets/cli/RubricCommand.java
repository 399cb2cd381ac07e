package nl.wijktoets.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
public final class RubricCommand implements Callable<Integer> {

  enum Action {
    show,
    check
  }

  private final Console console;

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

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      converter = LanguageConverter.class,
      description = "Language of the messages (default: nl for a Dutch locale, else en).")
  Language lang;

  RubricCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    console.language(lang);
    if (action == Action.show) {
      console.out().print(new String(RubricLoader.builtinBytes(), StandardCharsets.UTF_8));
      console.out().flush();
      return ExitCodes.OK;
    }
    if (file == null) {
      console.error(console.msg("rubric.check-needs-file"));
      return ExitCodes.USAGE;
    }
    if (!Files.isRegularFile(file)) {
      console.error(console.msg("error.cannot-read", file, console.msg("error.not-found")));
      return ExitCodes.INPUT_ERROR;
    }
    boolean ok = Rubrics.load(console, file, false) != null;
    if (ok) {
      console.err().println(console.msg("rubric.ok", file));
      console.err().flush();
    }
    return ok ? ExitCodes.OK : ExitCodes.GATE_FAILED;
  }
}
