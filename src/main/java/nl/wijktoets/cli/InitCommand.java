package nl.wijktoets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.util.AtomicFiles;
import picocli.CommandLine.Command;
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
          + " values that are valid, and per block the lesson it feeds. It validates as it is."
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
      "  wijktoets init - --lang en           # to standard output"
    })
public final class InitCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = "proposal.yaml",
      description =
          "Where to write the template (default: ${DEFAULT-VALUE}); - for standard output.")
  String file;

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      converter = LanguageConverter.class,
      description = "Language of the comments (default: nl for a Dutch locale, else en).")
  Language lang;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  InitCommand(Console console) {
    this.console = console;
  }

  /** The template text in a language, as packaged. */
  public static String template(Language lang) {
    String path = "/nl/wijktoets/init/proposal." + lang.code() + ".yaml";
    try (InputStream in = InitCommand.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Integer call() {
    console.language(lang);
    String text = template(console.language());
    if (file.equals("-")) {
      console.out().print(text);
      console.out().flush();
      return ExitCodes.OK;
    }
    Path target = Path.of(file);
    if (Files.exists(target) && !force) {
      console.error(console.msg("init.exists", file));
      return ExitCodes.INPUT_ERROR;
    }
    try {
      AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      console.error(console.msg("error.write", file, Main.oneLine(e)));
      return ExitCodes.INPUT_ERROR;
    }
    console.err().println(console.msg("init.written", file));
    console.err().flush();
    return ExitCodes.OK;
  }
}
