package nl.wijktoets.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import nl.wijktoets.source.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wijktoets help [COMMAND]}: the usage of the tool or of one command, as {@code --help}
 * prints it. It reads no project settings file (help must work whatever that file holds).
 */
@Command(
    name = "help",
    helpCommand = true,
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    description = {"Print the usage of wijktoets, or of one command (the same as COMMAND --help)."},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  printed",
      "  2  usage error: unknown command",
      "",
      "Examples:",
      "  wijktoets help",
      "  wijktoets help assess"
    })
final class HelpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "COMMAND",
      completionCandidates = CommandNames.class,
      description = "The command to explain: ${COMPLETION-CANDIDATES}.")
  String command;

  @Mixin Mixins.LanguageOption language;

  private final Console console;

  HelpCommand(Console console) {
    this.console = console;
  }

  /** What {@code help} completes to: the commands. */
  static final class CommandNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Main.COMMANDS.iterator();
    }
  }

  @Override
  public Integer call() {
    CommandLine parent = spec.parent().commandLine();
    if (command == null) {
      parent.usage(console.out());
      console.out().flush();
      return ExitCode.OK.number();
    }
    CommandLine sub = parent.getSubcommands().get(command);
    if (sub == null) {
      List<String> commands = new ArrayList<>(parent.getSubcommands().keySet());
      String nearest = Suggestions.nearest(command, commands);
      throw nearest == null
          ? new CliException(
              ExitCode.USAGE, "usage.unknown-command", command, String.join(", ", commands))
          : new CliException(ExitCode.USAGE, "usage.unknown-command.suggest", command, nearest);
    }
    sub.usage(console.out());
    console.out().flush();
    return ExitCode.OK.number();
  }
}
