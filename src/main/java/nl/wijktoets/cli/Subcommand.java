package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.source.Finding;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code wijktoets} subcommand is: a thin layer that reads its options, calls the core
 * and prints through the {@link Console}.
 *
 * <ul>
 *   <li>Its options not on the command line have the project settings' values ({@code
 *       .wijktoets.yaml}, see {@link ProjectSettings}); a settings file with an error stops it
 *       before it starts (exit 3), so a bad file is never silently replaced by the defaults. Only
 *       {@code init --config}, which writes that file, runs without it ({@link
 *       #needsSettingsFile}).
 *   <li>Its shared options ({@link Mixins}: {@code --lang}, {@code -q}, {@code --verbose}) set up
 *       the console before it runs, the same way in every command.
 *   <li>It ends with an {@link ExitCode}; it stops on an error by throwing {@link CliException},
 *       which {@link Main} reports.
 * </ul>
 */
abstract class Subcommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  final Console console;

  private Optional<ProjectConfig> projectConfig = Optional.empty();

  Subcommand(Console console) {
    this.console = console;
  }

  @Override
  public final Integer call() throws IOException {
    Mixins.ConfigChoice choice = ProjectSettings.choice(spec);
    if (choice != null && choice.none() && choice.file() != null) {
      throw new CliException(ExitCode.USAGE, "config.both-options");
    }
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof Mixins.ConsoleSetting setting) {
        setting.applyTo(console);
      }
    }
    projectConfig = console.settings().chosen(spec);
    if (projectConfig.isPresent()) {
      if (needsSettingsFile()) {
        checkUsable(console, projectConfig.get());
      } else {
        projectConfig = projectConfig.filter(ProjectConfig::usable);
      }
    }
    return execute().number();
  }

  /**
   * Whether this run stops on a settings file that cannot be used (true for every command but the
   * one that rewrites that file, {@code init --config}: it runs as if there were none).
   */
  boolean needsSettingsFile() {
    return true;
  }

  /**
   * Prints a settings file's findings (warnings unless quiet) and stops when it cannot be used.
   *
   * @throws CliException (exit 3) when the file cannot be read or has an error
   */
  static void checkUsable(Console console, ProjectConfig config) {
    if (config.unreadable() != null) {
      throw new CliException(
          ExitCode.INPUT_ERROR,
          "config.cannot-read",
          config.name(),
          console.msg(config.unreadable()));
    }
    config.findings().forEach(console::finding);
    if (!config.usable()) {
      throw new CliException(ExitCode.INPUT_ERROR, "config.unusable", config.name());
    }
  }

  /** The project settings file this run uses, if any. */
  Optional<ProjectConfig> projectConfig() {
    return projectConfig;
  }

  /**
   * The project settings file this run uses, as the user knows it ({@code .wijktoets.yaml}, {@code
   * ../.wijktoets.yaml}, or as named with {@code --config}), for reports; null for none.
   */
  String configName() {
    return projectConfig.map(ProjectConfig::name).orElse(null);
  }

  /**
   * Where an option's value came from when the project settings file gave it, as {@code "
   * (.wijktoets.yaml:LINE)"} to append to a message about it; empty when the command line or the
   * built-in default gave it.
   */
  String fromSettings(String option) {
    return settingFromFile(option)
        .map(v -> " (" + projectConfig.get().name() + ":" + v.at().line() + ")")
        .orElse("");
  }

  /** The settings file's value of an option, when that is where the option's value came from. */
  private Optional<ProjectConfig.Value> settingFromFile(String option) {
    if (spec.commandLine().getParseResult() != null
        && spec.commandLine().getParseResult().hasMatchedOption(option)) {
      return Optional.empty();
    }
    return ProjectConfig.Key.of(spec.name(), option)
        .flatMap(key -> projectConfig.flatMap(c -> c.value(key)));
  }

  /**
   * Checks {@code --top N} against the rubric in use ({@link Mixins#top}). A {@code top} from the
   * settings file that the rubric cannot give is an error of that file: located, exit 3.
   */
  int top(int top, Rubric rubric) {
    Optional<ProjectConfig.Value> fromFile = settingFromFile("--top");
    long criteria = rubric.criteria().count();
    if (fromFile.isPresent() && (top < 1 || top > criteria)) {
      console.finding(
          Finding.error(
              "config/type",
              fromFile.get().at(),
              ProjectConfig.Key.TOP.path(),
              "finding.config.top-range",
              criteria,
              top));
      throw new CliException(ExitCode.INPUT_ERROR, "config.unusable", configName());
    }
    return Mixins.top(top, rubric);
  }

  /**
   * The input files of this run, for the output clash check: the file arguments, the {@code
   * --rubric} file, the files of a {@code --templates} folder and the project settings file.
   */
  List<Path> inputs(
      Collection<String> files, Mixins.RubricOption rubric, Mixins.TemplatesOption templates) {
    List<Path> inputs = new ArrayList<>(Outputs.inputs(files, rubric, templates));
    String config = configName();
    Path wd = console.settings() == null ? null : console.settings().workingDirectory();
    if (config != null) {
      inputs.add(wd == null ? Path.of(config) : wd.resolve(config));
    }
    return inputs;
  }

  /** Does the command's work. */
  abstract ExitCode execute() throws IOException;
}
