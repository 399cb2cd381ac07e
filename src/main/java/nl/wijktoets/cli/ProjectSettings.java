package nl.wijktoets.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijktoets.i18n.Language;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The project settings of one run: which {@code .wijktoets.yaml} a command reads ({@code --config
 * FILE}, none with {@code --no-config}, else the one discovery finds from the working folder), read
 * once, and its values as the default values of the command's options.
 *
 * <p>The values reach the options through picocli's default value provider, so the precedence is
 * picocli's own: an option on the command line wins; an option not on it gets the file's value;
 * without one, its built-in default. This holds for options with a picocli default value ({@code
 * --top}) and for flags ({@code --strict}, which has {@code --no-strict} to turn the file's {@code
 * true} off; a flag the file can set declares {@code fallbackValue = "true"}, so that picocli does
 * not read the flag as "the opposite of the default" once the default comes from the file).
 */
final class ProjectSettings {

  private final Path workingDirectory;
  private final Map<String, Optional<ProjectConfig>> read = new HashMap<>();

  /**
   * @param workingDirectory the folder discovery starts in and relative paths are shown from; null
   *     reads no settings at all (for the generators of completion scripts and man pages)
   */
  ProjectSettings(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  /** The default value provider for one command of the tree. */
  CommandLine.IDefaultValueProvider provider(CommandSpec command) {
    return arg -> arg instanceof OptionSpec option ? defaultValue(command, option) : null;
  }

  /** The file's value for an option of a command, as the option's text; null for none. */
  String defaultValue(CommandSpec command, OptionSpec option) {
    return ProjectConfig.Key.of(command.name(), option.longestName())
        .flatMap(key -> chosen(command).filter(ProjectConfig::usable).flatMap(c -> c.value(key)))
        .map(ProjectConfig.Value::text) // null (xlsx: false): the built-in default
        .orElse(null);
  }

  /**
   * The settings file a command reads (read once per run, usable or not); empty when it reads none.
   */
  Optional<ProjectConfig> chosen(CommandSpec command) {
    Mixins.ConfigChoice choice = choice(command);
    return chosen(choice == null ? null : choice.file(), choice != null && choice.none());
  }

  /** The settings file named ({@code --config}), none ({@code --no-config}), or discovered. */
  Optional<ProjectConfig> chosen(Path explicit, boolean none) {
    if (workingDirectory == null || none) {
      return Optional.empty();
    }
    return read.computeIfAbsent(explicit == null ? "" : "=" + explicit, k -> load(explicit));
  }

  /**
   * The language the project settings give a run, looked up before picocli reads the arguments (as
   * {@link Main} does for {@code --lang}), so that help and usage errors are in it too: from the
   * file named with {@code --config FILE}, none with {@code --no-config}, else the discovered one;
   * empty when there is none, or it cannot be used (the command reports that).
   */
  Optional<Language> language(String[] args) {
    Path explicit = null;
    boolean none = false;
    boolean init = Main.subcommandsFor(args).equals(List.of("init")); // its --config is a flag
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      String a = args[i];
      if (a.equals("--no-config")) {
        none = true;
      } else if (a.equals("--config") && i + 1 < args.length && !init) {
        explicit = path(args[i + 1]);
      } else if (a.startsWith("--config=") && !init) {
        explicit = path(a.substring(9));
      }
    }
    return chosen(explicit, none)
        .filter(ProjectConfig::usable)
        .flatMap(c -> c.value(ProjectConfig.Key.LANG))
        .flatMap(v -> Language.parse(v.text()));
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      return null; // picocli reports it
    }
  }

  /** How a command chooses its settings file: its {@code --config}/{@code --no-config} mixin. */
  static Mixins.ConfigChoice choice(CommandSpec command) {
    if (command == null) {
      return null; // the top command alone (--version): discovery
    }
    for (CommandSpec mixin : command.mixins().values()) {
      if (mixin.userObject() instanceof Mixins.ConfigChoice c) {
        return c;
      }
    }
    return null;
  }

  private Optional<ProjectConfig> load(Path explicit) {
    if (explicit != null) {
      return Optional.of(ProjectConfig.read(explicit, explicit.toString(), workingDirectory));
    }
    return ProjectConfig.discover(workingDirectory)
        .map(
            file ->
                ProjectConfig.read(
                    file, ProjectConfig.shown(file, workingDirectory), workingDirectory));
  }
}
