package nl.wijktoets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.util.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wijktoets init [FILE]}: write a commented proposal template to fill in. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    sortOptions = false,
    description = {
      "Write a proposal template to fill in: every field with a one-line explanation, example"
          + " values that are valid, and per block the lesson it feeds. As it is, it validates"
          + " with exit 0, with a warning for each block that still holds example values"
          + " (proposal/example-value; exit 1 with --strict), and its report says it describes the"
          + " example.",
      "With --config: write a project settings file (.wijktoets.yaml) instead, every setting"
          + " explained and switched off, to switch on what the project needs."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  written",
      "  2  usage error: unknown option",
      "  3  FILE exists (use --force to overwrite it) or cannot be written",
      "",
      "Examples:",
      "  wijktoets init                       # writes proposal.yaml, comments in your language",
      "  wijktoets init voorstel.yaml --lang nl",
      "  wijktoets init - --lang en           # to standard output",
      "  wijktoets init --config              # writes .wijktoets.yaml"
    })
public final class InitCommand extends Subcommand {

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description =
          "Where to write the template (default: proposal.yaml; with --config: .wijktoets.yaml);"
              + " - for standard output.")
  String file;

  @Mixin Mixins.LanguageOption language;

  @Option(
      names = "--config",
      description = "Write a project settings file (.wijktoets.yaml) instead of a proposal.")
  boolean settings;

  @Mixin Mixins.NoConfigOption noConfig;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  InitCommand(Console console) {
    super(console);
  }

  /** The proposal template text in a language, as packaged. */
  public static String template(Language lang) {
    return resource("/nl/wijktoets/init/proposal." + lang.code() + ".yaml");
  }

  /** The commented project settings file in a language, as packaged. */
  public static String settingsTemplate(Language lang) {
    return resource("/nl/wijktoets/init/config." + lang.code() + ".yaml");
  }

  private static String resource(String path) {
    try (InputStream in = InitCommand.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code init --config} writes the settings file, so it must not need a readable one. */
  @Override
  boolean needsSettingsFile() {
    return !settings;
  }

  @Override
  ExitCode execute() {
    String text = settings ? settingsTemplate(console.language()) : template(console.language());
    String file =
        this.file != null ? this.file : settings ? ProjectConfig.FILE_NAME : "proposal.yaml";
    if (file.equals("-")) {
      console.print(text);
      return ExitCode.OK;
    }
    Path target = Path.of(file);
    if (Files.exists(target) && !force) {
      throw new CliException(ExitCode.INPUT_ERROR, "init.exists", file);
    }
    try {
      OutputFiles.write(target, text);
    } catch (OutputFiles.WriteError e) {
      throw CliException.cannotWrite(e);
    }
    console.err().println(console.msg(settings ? "init.config-written" : "init.written", file));
    console.err().flush();
    return ExitCode.OK;
  }
}
