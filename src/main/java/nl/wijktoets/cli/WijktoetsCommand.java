package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.InputFiles;
import nl.wijktoets.util.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code wijktoets} command: lists the subcommands. */
@Command(
    name = "wijktoets",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    description = {
      "Assess proposals for a wijkonderneming (neighbourhood enterprise) against the three lessons"
          + " of Kiemkracht and LSA: social tendering, middle-up-down, participation trends."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done; every gate met",
      "  1  a gate failed (--min-score, --min-lesson), or validate found an error",
      "  2  usage error: unknown option, missing argument",
      "  3  input or runtime error: unreadable or invalid file, bad rubric or template"
    })
public final class WijktoetsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin Mixins.LanguageOption language;

  private final Console console;

  WijktoetsCommand(Console console) {
    this.console = console;
  }

  @Override
  public void run() {
    spec.commandLine().usage(console.out());
  }

  /**
   * {@code --version}: the tool's version, the rubric's id, version and hash (the built-in one, or
   * the one the project settings name), and the project settings file when one is used, so that a
   * score can be reproduced.
   */
  public static final class VersionInfo implements CommandLine.IVersionProvider {
    private final Console console;
    private final CommandSpec command;

    /** Without a console: the tool and the built-in rubric only. */
    public VersionInfo() {
      this(null, null);
    }

    VersionInfo(Console console, CommandSpec command) {
      this.console = console;
      this.command = command;
    }

    @Override
    public String[] getVersion() {
      List<String> lines = new ArrayList<>();
      lines.add(Version.NAME + " " + Version.version());
      Optional<ProjectConfig> config =
          console == null ? Optional.empty() : console.settings().chosen(command);
      RubricLoader.Identity r = RubricLoader.builtinIdentity();
      String rubricFile = null;
      if (config.isPresent() && config.get().usable()) {
        Optional<ProjectConfig.Value> named = config.get().value(ProjectConfig.Key.RUBRIC);
        if (named.isPresent()) {
          rubricFile = named.get().shown().toString();
          r = rubric(Path.of(named.get().text()));
        }
      }
      lines.add(
          r == null
              ? "rubric " + rubricFile + " (" + console.msg("config.version.rubric-unusable") + ")"
              : "rubric "
                  + r.id()
                  + " "
                  + r.version()
                  + " sha256:"
                  + r.hash()
                  + (rubricFile == null ? "" : " (" + rubricFile + ")"));
      config.ifPresent(
          c ->
              lines.add(
                  "config "
                      + c.name()
                      + (c.usable() ? "" : " (" + console.msg("config.version.unusable") + ")")));
      return lines.toArray(new String[0]);
    }

    /** The id, version and hash of the rubric in a file, or null when it cannot be used. */
    private static RubricLoader.Identity rubric(Path file) {
      try {
        byte[] bytes = InputFiles.read(file.toString(), null, 1024 * 1024);
        Rubric r = RubricLoader.check(file.toString(), bytes).rubric();
        return r == null ? null : new RubricLoader.Identity(r.id(), r.version(), r.hash());
      } catch (IOException e) {
        return null;
      }
    }
  }
}
