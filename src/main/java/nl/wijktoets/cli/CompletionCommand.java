package nl.wijktoets.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code wijktoets completion [bash|zsh]}: print the shell completion script, generated from the
 * command model, so it always matches the commands and options. The scripts in {@code completions/}
 * are its output (a test fails when they are stale).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    description = {
      "Print a completion script for bash or zsh.",
      "bash: source <(wijktoets completion bash)   (or copy completions/wijktoets.bash to"
          + " /etc/bash_completion.d/)",
      "zsh:  source <(wijktoets completion zsh)    (e.g. in ~/.zshrc)"
    },
    footerHeading = "%nExit codes:%n",
    footer = {"  0  printed", "  2  usage error: unknown shell"})
public final class CompletionCommand extends Subcommand {

  /** The shells a script is made for. */
  enum Shell {
    bash,
    zsh
  }

  @Mixin Mixins.LanguageOption language;

  @Parameters(
      arity = "0..1",
      paramLabel = "SHELL",
      defaultValue = "bash",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Shell shell;

  CompletionCommand(Console console) {
    super(console);
  }

  /** The script for a shell, generated from the full command tree. */
  public static String script(Shell shell) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    CommandLine cli =
        Main.commandLine(new Console(none, none, InputStream.nullInputStream(), Map.of()));
    String bash = AutoComplete.bash("wijktoets", cli);
    return switch (shell) {
      case bash -> bash;
      case zsh ->
          "# wijktoets completion for zsh: source this file (e.g. from ~/.zshrc).\n"
              + "autoload -U +X compinit && compinit\n"
              + "autoload -U +X bashcompinit && bashcompinit\n"
              + bash;
    };
  }

  @Override
  ExitCode execute() {
    console.print(script(shell));
    return ExitCode.OK;
  }
}
