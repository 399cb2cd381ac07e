package nl.wijktoets.cli;

import nl.wijktoets.rubric.RubricLoader;
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

  /** {@code --version}: the tool's version and the built-in rubric's id, version and hash. */
  public static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      RubricLoader.Identity r = RubricLoader.builtinIdentity();
      return new String[] {
        Version.NAME + " " + Version.version(),
        "rubric " + r.id() + " " + r.version() + " sha256:" + r.hash()
      };
    }
  }
}
