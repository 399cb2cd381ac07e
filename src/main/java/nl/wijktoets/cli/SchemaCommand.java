package nl.wijktoets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.ProposalSchema;
import nl.wijktoets.rubric.RubricLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wijktoets schema [proposal]}: print a JSON Schema for editors and CI. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    description = {
      "Print a JSON Schema (draft 2020-12): of a proposal file (proposal, for editors and CI) or"
          + " of the JSON report of assess -f json (report, for its consumers), or of a rubric file"
          + " (rubric).",
      "Save it next to your proposals and point your editor at it, e.g. with a first line",
      "  # yaml-language-server: $schema=./proposal.schema.json"
    },
    footerHeading = "%nExit codes:%n",
    footer = {"  0  printed", "  2  usage error: unknown schema name"})
public final class SchemaCommand implements Callable<Integer> {

  /** The schemas this command prints. */
  enum Name {
    proposal,
    report,
    rubric
  }

  @picocli.CommandLine.Option(
      names = "--lang",
      paramLabel = "nl|en",
      converter = LanguageConverter.class,
      description = "Language of help and messages (default: nl for a Dutch locale, else en).")
  Language lang;

  private final Console console;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      defaultValue = "proposal",
      description = "Which schema: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Name name;

  SchemaCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    String text =
        switch (name) {
          case proposal -> ProposalSchema.get().text();
          case report -> resource("/nl/wijktoets/schema/report.schema.json");
          case rubric -> resource(RubricLoader.SCHEMA_RESOURCE);
        };
    console.out().print(text.endsWith("\n") ? text : text + "\n");
    console.out().flush();
    return ExitCodes.OK;
  }

  static String resource(String path) {
    try (var in = SchemaCommand.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
