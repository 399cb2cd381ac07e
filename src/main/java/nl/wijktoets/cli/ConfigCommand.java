package nl.wijktoets.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.SettingsReport;
import nl.wijktoets.report.SettingsReport.Row;
import nl.wijktoets.report.SettingsReport.Source;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * {@code wijktoets config [COMMAND [OPTION...]]}: the settings a command would use, each with where
 * it comes from. The command's options are parsed by the command itself, with the same project
 * settings as a real run, so what this shows is what the command does.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    sortOptions = false,
    description = {
      "Show the settings a command uses and where each comes from: the command line, the project"
          + " settings file (.wijktoets.yaml:LINE) or built in.",
      "wijktoets looks for .wijktoets.yaml in the current folder, then in each folder above it, up"
          + " to the first folder that holds .git. Options on the command line win over the file;"
          + " the file wins over the built-in defaults."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  shown",
      "  2  usage error: unknown command or option",
      "  3  the settings file cannot be read or has an error (see its findings)",
      "",
      "Examples:",
      "  wijktoets config                      # every setting the file can hold",
      "  wijktoets config assess",
      "  wijktoets config assess --min-score 60 -f json",
      "  wijktoets config batch --config ci/wijktoets.yaml"
    })
public final class ConfigCommand extends Subcommand {

  /** The output formats. */
  enum Format {
    text,
    json
  }

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "COMMAND",
      completionCandidates = CommandNames.class,
      description =
          "The command whose settings to show: ${COMPLETION-CANDIDATES} (default: every setting"
              + " the file can hold).")
  String command;

  /** What COMMAND completes to: the commands that read the settings (all but config and help). */
  static final class CommandNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Main.COMMANDS.stream()
          .filter(c -> !c.equals("config") && !c.equals("help"))
          .iterator();
    }
  }

  @Parameters(
      index = "1..*",
      paramLabel = "OPTION",
      description = "That command's options, as you would give them to it.")
  List<String> options = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin Mixins.LanguageOption language;

  @Mixin Mixins.ConfigOptions config;

  @Mixin Mixins.VerboseOption verbose;

  ConfigCommand(Console console) {
    super(console);
  }

  @Override
  ExitCode execute() {
    CommandLine tree = Main.commandLine(console);
    List<Row> rows = new ArrayList<>();
    if (command != null) {
      CommandLine target = tree.getSubcommands().get(command);
      if (target == null || !readsSettings(target)) {
        throw new CliException(
            ExitCode.USAGE, "config.unknown-command", command, String.join(", ", commands(tree)));
      }
      ParseResult parsed = parse(target, arguments(options));
      for (ProjectConfig.Key key : ProjectConfig.Key.values()) {
        OptionSpec option = target.getCommandSpec().findOption(key.option());
        if (option != null && key.appliesTo(command, key.option())) {
          rows.add(row(target.getCommandSpec(), parsed, option, key, List.of()));
        }
      }
    } else {
      if (!options.isEmpty()) {
        throw new CliException(ExitCode.USAGE, "config.options-without-command");
      }
      for (ProjectConfig.Key key : ProjectConfig.Key.values()) {
        List<String> users = new ArrayList<>();
        CommandLine first = null;
        for (CommandLine c : tree.getSubcommands().values()) {
          String name = c.getCommandName();
          if (readsSettings(c)
              && c.getCommandSpec().findOption(key.option()) != null
              && key.appliesTo(name, key.option())) {
            users.add(name);
            first = first == null ? c : first;
          }
        }
        if (first != null) {
          ParseResult parsed = parse(first, arguments(List.of()));
          OptionSpec option = first.getCommandSpec().findOption(key.option());
          rows.add(row(first.getCommandSpec(), parsed, option, key, users));
        }
      }
    }
    Optional<ProjectConfig> file = projectConfig();
    SettingsReport.Settings settings =
        new SettingsReport.Settings(
            command,
            file.map(ProjectConfig::name).orElse(null),
            config.none() ? "config.file.ignored" : "config.file.none",
            rows);
    console.print(
        format == Format.json
            ? SettingsReport.json(settings)
            : SettingsReport.text(settings, console.language()));
    return ExitCode.OK;
  }

  /**
   * The target command's arguments: the ones given after it, and this command's own {@code --lang},
   * {@code --config} and {@code --no-config}, which count for it too.
   */
  private List<String> arguments(List<String> given) {
    List<String> args = new ArrayList<>(given);
    ParseResult own = spec.commandLine().getParseResult();
    if (own != null && own.hasMatchedOption("--lang") && language.value() != null) {
      args.add("--lang");
      args.add(language.value().code());
    }
    if (config.file() != null) {
      args.add("--config");
      args.add(config.file().toString());
    }
    if (config.none()) {
      args.add("--no-config");
    }
    return args;
  }

  /**
   * Parses a command's options as a run would, without running it: its files are not needed, and a
   * usage error is this command's usage error.
   */
  private static ParseResult parse(CommandLine target, List<String> args) {
    CommandSpec spec = target.getCommandSpec();
    for (PositionalParamSpec p : new ArrayList<>(spec.positionalParameters())) {
      spec.remove(p);
    }
    spec.addPositional(
        PositionalParamSpec.builder()
            .paramLabel("FILE")
            .arity("0..*")
            .type(String[].class)
            .build());
    List<String> line = new ArrayList<>();
    line.add(target.getCommandName());
    line.addAll(args);
    try {
      // through the top command: picocli parses a subcommand only as part of its parent
      return target.getParent().parseArgs(line.toArray(new String[0])).subcommand();
    } catch (CommandLine.ParameterException e) {
      if (e.getCause() instanceof CliException c) {
        throw c;
      }
      throw CliException.withText(ExitCode.USAGE, e.getMessage());
    }
  }

  /** One setting of a command: its value and where it came from. */
  private Row row(
      CommandSpec target,
      ParseResult parsed,
      OptionSpec option,
      ProjectConfig.Key key,
      List<String> users) {
    OptionSpec off = target.findOption("--no-" + key.option().substring(2)); // --no-xlsx
    if (off != null && parsed.hasMatchedOption(off)) {
      return new Row(key.path(), off.longestName(), false, Source.COMMAND_LINE, 0, users);
    }
    if (parsed.hasMatchedOption(option)) {
      return new Row(
          key.path(), key.option(), shown(option.getValue()), Source.COMMAND_LINE, 0, users);
    }
    Optional<ProjectConfig.Value> fromFile =
        console.settings().chosen(target).filter(ProjectConfig::usable).flatMap(c -> c.value(key));
    if (fromFile.isPresent()) {
      ProjectConfig.Value v = fromFile.get();
      return new Row(key.path(), key.option(), v.shown(), Source.FILE, v.at().line(), users);
    }
    return new Row(key.path(), key.option(), shown(option.getValue()), Source.BUILT_IN, 0, users);
  }

  /** An option's value as {@link Row} holds it. */
  private static Object shown(Object value) {
    if (value instanceof Language l) {
      return l.code();
    }
    if (value instanceof Path p) {
      return p.toString();
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof BigDecimal) {
      return value;
    }
    return value == null ? null : value.toString();
  }

  private static List<String> commands(CommandLine tree) {
    return tree.getSubcommands().values().stream()
        .filter(ConfigCommand::readsSettings)
        .map(CommandLine::getCommandName)
        .toList();
  }

  /** The commands that read the settings: every {@link Subcommand} but this one ({@code help}). */
  private static boolean readsSettings(CommandLine c) {
    Object command = c.getCommandSpec().userObject();
    return command instanceof Subcommand && !(command instanceof ConfigCommand);
  }
}
