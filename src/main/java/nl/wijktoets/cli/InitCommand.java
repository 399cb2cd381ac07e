package nl.wijktoets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
          + " explained and switched off, to switch on what the project needs.",
      "With --schema: also write the file's JSON Schema next to it (proposal.schema.json or"
          + " config.schema.json), which the file's first line points editors with the YAML"
          + " language server to (VS Code's YAML extension, for instance), for completion and"
          + " checks while you type."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  written",
      "  2  usage error: unknown option, or --schema with -",
      "  3  FILE or the schema exists (use --force to overwrite it) or cannot be written",
      "",
      "Examples:",
      "  wijktoets init                       # writes proposal.yaml, comments in your language",
      "  wijktoets init voorstel.yaml --lang nl",
      "  wijktoets init - --lang en           # to standard output",
      "  wijktoets init --config              # writes .wijktoets.yaml",
      "  wijktoets init --config --schema     # and config.schema.json, for your editor"
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

  @Option(
      names = "--schema",
      description =
          "Also write the JSON Schema next to FILE (proposal.schema.json, or config.schema.json"
              + " with --config), for editors; the file's first line points to it.")
  boolean schema;

  @Option(names = "--force", description = "Overwrite FILE (and the schema) if it exists.")
  boolean force;

  /**
   * The first line of a settings file written with --schema, for the YAML language server. Without
   * --schema the file has none: it would point to a file that is not there, which editors report as
   * an error. (The proposal template always starts with its own, as the README documents.)
   */
  static final String CONFIG_SCHEMA_LINE = "# yaml-language-server: $schema=./config.schema.json\n";

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
    String text =
        settings
            ? (schema ? CONFIG_SCHEMA_LINE : "") + settingsTemplate(console.language())
            : template(console.language());
    String file =
        this.file != null ? this.file : settings ? ProjectConfig.FILE_NAME : "proposal.yaml";
    if (file.equals("-")) {
      if (schema) {
        throw new CliException(ExitCode.USAGE, "init.schema-with-dash");
      }
      console.print(text);
      return ExitCode.OK;
    }
    Path target = Path.of(file);
    // the schema the first line names: next to the file, as the line's ./NAME says
    String schemaName = settings ? "config.schema.json" : "proposal.schema.json";
    Path schemaFile = schema ? target.resolveSibling(schemaName) : null;
    String schemaText =
        schema
            ? SchemaCommand.text(settings ? SchemaCommand.Name.config : SchemaCommand.Name.proposal)
            : null;
    if (schema) {
      Outputs.checkClashes(List.of(), List.of(target, schemaFile));
    }
    // a device, a pipe or /dev/stdout is written through, as every output is (OutputFiles):
    // it exists, but nothing is overwritten
    if (Files.exists(target) && !force && !OutputFiles.writtenThrough(target)) {
      throw new CliException(ExitCode.INPUT_ERROR, "init.exists", file);
    }
    // an existing schema that is this one is fine (several proposals share one); another needs
    // --force like the file itself
    boolean schemaCurrent = schema && sameText(schemaFile, schemaText);
    if (schema
        && !schemaCurrent
        && Files.exists(schemaFile)
        && !force
        && !OutputFiles.writtenThrough(schemaFile)) {
      throw new CliException(ExitCode.INPUT_ERROR, "init.exists", schemaFile.toString());
    }
    try {
      if (schema && !schemaCurrent) {
        OutputFiles.write(schemaFile, schemaText);
      }
      OutputFiles.write(target, text);
    } catch (OutputFiles.WriteError e) {
      throw CliException.cannotWrite(e);
    }
    if (schema) {
      console.err().println(console.msg("init.schema-written", schemaFile, file));
    }
    console.err().println(console.msg(settings ? "init.config-written" : "init.written", file));
    console.err().flush();
    return ExitCode.OK;
  }

  /** Whether a file holds exactly this text (false when it cannot be read). */
  private static boolean sameText(Path file, String text) {
    try {
      return Files.isRegularFile(file)
          && Files.size(file) == text.getBytes(StandardCharsets.UTF_8).length
          && Files.readString(file, StandardCharsets.UTF_8).equals(text);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
