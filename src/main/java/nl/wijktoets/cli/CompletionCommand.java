package nl.wijktoets.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
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

  @Mixin Mixins.ConfigOptions config;

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
    String bash = AutoComplete.bash("wijktoets", forCompletion(cli));
    return switch (shell) {
      case bash -> bash;
      case zsh ->
          "# wijktoets completion for zsh: source this file (e.g. from ~/.zshrc).\n"
              + "autoload -U +X compinit && compinit\n"
              + "autoload -U +X bashcompinit && bashcompinit\n"
              + bash;
    };
  }

  /** Labels of values that name a file or a folder. */
  private static final Set<String> FILE_LABELS = Set.of("FILE", "PATH", "DIR", "OLD", "NEW");

  /**
   * The command tree as the completion script sees it. Some commands read a file name as text
   * ({@code -} is standard input, a trailing {@code /} a folder), but picocli completes file names
   * only for File and Path values: here, for completion only, every value labelled as a file is a
   * Path. And {@code config COMMAND [OPTION...]} takes another command's options after the
   * command's name: here {@code config} has each such command as a subcommand, with that command's
   * options and config's own (which win, as they do when config runs), so {@code config assess
   * --<TAB>} completes assess's options.
   */
  static CommandLine forCompletion(CommandLine cli) {
    CommandSpec spec = CommandSpec.create().name(cli.getCommandName());
    for (OptionSpec o : cli.getCommandSpec().options()) {
      spec.addOption(option(o));
    }
    boolean config = cli.getCommandSpec().userObject() instanceof ConfigCommand;
    if (!config) { // config's COMMAND completes as its subcommands (below), its OPTIONs with them
      for (PositionalParamSpec p : cli.getCommandSpec().positionalParameters()) {
        spec.addPositional(
            FILE_LABELS.contains(p.paramLabel())
                ? PositionalParamSpec.builder()
                    .index(p.index())
                    .paramLabel(p.paramLabel())
                    .arity(p.arity())
                    .hidden(p.hidden())
                    .type(p.typeInfo().isMultiValue() ? List.class : Path.class)
                    .auxiliaryTypes(Path.class)
                    .build()
                : PositionalParamSpec.builder(p).build());
      }
    }
    CommandLine copy = new CommandLine(spec);
    cli.getSubcommands().forEach((name, sub) -> copy.addSubcommand(name, forCompletion(sub)));
    if (config) {
      for (String name : new ConfigCommand.CommandNames()) {
        CommandSpec target = CommandSpec.create().name(name);
        Set<String> taken = new java.util.HashSet<>();
        for (OptionSpec o : cli.getCommandSpec().options()) {
          target.addOption(option(o));
          taken.addAll(List.of(o.names()));
        }
        for (OptionSpec o : cli.getParent().getSubcommands().get(name).getCommandSpec().options()) {
          if (List.of(o.names()).stream().noneMatch(taken::contains)) {
            target.addOption(option(o));
          }
        }
        copy.addSubcommand(name, new CommandLine(target));
      }
    }
    return copy;
  }

  /** An option as the completion script sees it: a Path when it names a file or a folder. */
  private static OptionSpec option(OptionSpec o) {
    return FILE_LABELS.contains(o.paramLabel())
        ? OptionSpec.builder(o.names())
            .paramLabel(o.paramLabel())
            .arity(o.arity())
            .hidden(o.hidden())
            .type(Path.class)
            .build()
        : OptionSpec.builder(o).build();
  }

  @Override
  ExitCode execute() {
    console.print(script(shell));
    return ExitCode.OK;
  }
}
