package nl.wijktoets.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
        .map(ProjectConfig.Value::text)
        .orElse(null);
  }

  /**
   * The settings file a command reads (read once per run, usable or not); empty when it reads none.
   */
  Optional<ProjectConfig> chosen(CommandSpec command) {
    Mixins.ConfigChoice choice = choice(command);
    if (workingDirectory == null || choice != null && choice.none()) {
      return Optional.empty();
    }
    Path explicit = choice == null ? null : choice.file();
    return read.computeIfAbsent(explicit == null ? "" : "=" + explicit, k -> load(explicit));
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
