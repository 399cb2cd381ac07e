package nl.wijktoets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.wijktoets.proposal.ProposalSchema;
import nl.wijktoets.rubric.RubricLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code wijktoets schema [proposal]}: print a JSON Schema for editors and CI. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    description = {
      "Print a JSON Schema (draft 2020-12): of a proposal file (proposal, for editors and CI) or"
          + " of the JSON report of assess -f json (report, for its consumers), of a rubric file"
          + " (rubric), or of the project settings file .wijktoets.yaml (config).",
      "Save it next to your proposals and point your editor at it, e.g. with a first line",
      "  # yaml-language-server: $schema=./proposal.schema.json"
    },
    footerHeading = "%nExit codes:%n",
    footer = {"  0  printed", "  2  usage error: unknown schema name"})
public final class SchemaCommand extends Subcommand {

  /** The schemas this command prints. */
  enum Name {
    proposal,
    report,
    rubric,
    config
  }

  @Mixin Mixins.LanguageOption language;

  @Mixin Mixins.ConfigOptions config;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      defaultValue = "proposal",
      description = "Which schema: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Name name;

  SchemaCommand(Console console) {
    super(console);
  }

  @Override
  ExitCode execute() {
    console.print(text(name));
    return ExitCode.OK;
  }

  /** A schema as this command prints it (also what {@code init --schema} writes). */
  static String text(Name name) {
    String text =
        switch (name) {
          case proposal -> resource(ProposalSchema.RESOURCE); // no validator needed to print it
          case report -> resource("/nl/wijktoets/schema/report.schema.json");
          case rubric -> resource(RubricLoader.SCHEMA_RESOURCE);
          case config -> resource(ProjectConfig.SCHEMA_RESOURCE);
        };
    return text.endsWith("\n") ? text : text + "\n";
  }

  static String resource(String path) {
    try (var in = SchemaCommand.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
