package nl.wijktoets.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.Templates;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Gates;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options several commands share, each declared once as a picocli mixin ({@code @Mixin}).
 *
 * <p>Texts: the English description here is the usual one. Where a command says it differently (for
 * example what {@code --lang} defaults to), its text is in {@code help.properties} under the
 * command's key, e.g. {@code wijktoets.assess.lang}; the Dutch texts are in {@code
 * help_nl.properties} under the same keys.
 */
final class Mixins {

  private Mixins() {}

  /** An option that sets up the {@link Console}; {@link Subcommand} applies it before running. */
  interface ConsoleSetting {
    void applyTo(Console console);
  }

  /** {@code --lang nl|en}: the language of help, messages and (where a command has one) output. */
  static final class LanguageOption implements ConsoleSetting {
    @Option(
        names = "--lang",
        paramLabel = "nl|en",
        converter = LanguageConverter.class,
        completionCandidates = LanguageNames.class,
        description = "Language of help and messages (default: nl for a Dutch locale, else en).")
    Language lang;

    /** The language asked for, or null for the command's default. */
    Language value() {
      return lang;
    }

    @Override
    public void applyTo(Console console) {
      console.language(lang);
    }
  }

  /** What {@code --lang} completes to: the languages as users write them. */
  static final class LanguageNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Language.values())
          .map(l -> l.name().toLowerCase(Locale.ROOT))
          .iterator();
    }
  }

  /** Reads {@code --lang nl|en}. */
  static final class LanguageConverter implements CommandLine.ITypeConverter<Language> {
    @Override
    public Language convert(String value) {
      return Language.parse(value)
          .orElseThrow(
              () -> new CommandLine.TypeConversionException("'" + value + "' is not nl or en"));
    }
  }

  /**
   * {@code -q, --quiet}: the same in every command that has it: no warnings (a {@code --rubric}
   * file's included); errors always show.
   */
  static final class QuietOption implements ConsoleSetting {
    @Option(
        names = {"-q", "--quiet"},
        description =
            "Do not print warnings, also not those of a --rubric file. Errors are always printed.")
    boolean quiet;

    @Override
    public void applyTo(Console console) {
      console.quiet(quiet);
    }
  }

  /** {@code --verbose}: stack traces of internal errors. */
  static final class VerboseOption implements ConsoleSetting {
    @Option(names = "--verbose", description = "Print stack traces of internal errors.")
    boolean verbose;

    @Override
    public void applyTo(Console console) {
      if (verbose) {
        console.verbose(true);
      }
    }
  }

  /**
   * Which project settings file a command reads: one named with {@code --config FILE}, none with
   * {@code --no-config}, else the {@code .wijktoets.yaml} discovery finds (see {@link
   * ProjectSettings}).
   */
  interface ConfigChoice {
    /** The file named on the command line, or null. */
    Path file();

    /** Whether the command line said to read no settings file. */
    boolean none();
  }

  /** {@code --config FILE} and {@code --no-config}: which project settings file to read. */
  static final class ConfigOptions implements ConfigChoice {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description =
            "Read the project settings from FILE instead of the .wijktoets.yaml found in this"
                + " folder or a folder above it (see wijktoets config).")
    Path file;

    @Option(
        names = "--no-config",
        description = "Read no project settings file: only the command line and built-in defaults.")
    boolean none;

    @Override
    public Path file() {
      return file;
    }

    @Override
    public boolean none() {
      return none;
    }
  }

  /** {@code --no-config} alone, for a command whose {@code --config} means something else. */
  static final class NoConfigOption implements ConfigChoice {
    @Option(
        names = "--no-config",
        description = "Read no project settings file: only the command line and built-in defaults.")
    boolean none;

    @Override
    public Path file() {
      return null;
    }

    @Override
    public boolean none() {
      return none;
    }
  }

  /** {@code --rubric FILE}: a custom rubric instead of the built-in one. */
  static final class RubricOption {
    @Option(
        names = "--rubric",
        paramLabel = "FILE",
        description = "Score with this rubric instead of the built-in one (see wijktoets rubric).")
    Path file;

    /**
     * The {@code --rubric} file, checked (its errors, and its warnings unless quiet, printed as
     * findings), or the built-in rubric.
     *
     * @throws CliException when the file cannot be read or used
     */
    Rubric load(Console console) {
      return Rubrics.load(console, file);
    }
  }

  /** {@code --templates DIR}: Freemarker templates that replace the built-in ones. */
  static final class TemplatesOption {
    @Option(
        names = "--templates",
        paramLabel = "DIR",
        description =
            "Use the Freemarker templates in DIR instead of the built-in ones of the same name"
                + " (sandboxed; see the README).")
    Path dir;

    /**
     * The built-in templates, or those of {@code --templates DIR}.
     *
     * @throws CliException when DIR is not a folder that can be read
     */
    Templates load() {
      if (dir == null) {
        return new Templates();
      }
      if (Files.isDirectory(dir)) {
        try {
          return Templates.withDirectory(dir);
        } catch (IOException e) {
          // reported below
        }
      }
      throw new CliException(ExitCode.INPUT_ERROR, "error.templates-dir", dir);
    }
  }

  /** The CI gates {@code --min-score N}, {@code --min-lesson N} and {@code --no-fail}. */
  static final class GateOptions {
    @Option(
        names = "--min-score",
        paramLabel = "N",
        converter = MinScore.class,
        description = "Gate: exit 1 when the total (0-100, decimals allowed) is below N.")
    BigDecimal minScore;

    @Option(
        names = "--min-lesson",
        paramLabel = "N",
        converter = MinLesson.class,
        description = "Gate: exit 1 when any lesson's percentage of its weight is below N.")
    BigDecimal minLesson;

    @Option(
        names = "--no-fail",
        description = "Report failed gates but exit 0 (input errors still exit 3).")
    boolean noFail;

    Gates gates() {
      return Gates.of(minScore, minLesson);
    }

    /** The exit code for a failed gate: 1, or 0 with {@code --no-fail}. */
    ExitCode failed() {
      return noFail ? ExitCode.OK : ExitCode.GATE_FAILED;
    }
  }

  /**
   * Reads a gate's N: a number from 0 to 100 with at most 6 decimals ({@link Gates#valid}); else a
   * usage error naming the option.
   */
  abstract static class GateValue implements CommandLine.ITypeConverter<BigDecimal> {
    private final String option;

    GateValue(String option) {
      this.option = option;
    }

    @Override
    public BigDecimal convert(String value) {
      BigDecimal n = decimal(value);
      if (n == null) {
        throw new CliException(ExitCode.USAGE, "usage.bad-number", option, value);
      }
      if (!Gates.valid(n)) {
        throw new CliException(ExitCode.USAGE, "error.gate.range", option);
      }
      return n;
    }
  }

  /**
   * Checks {@code --top N} (assess, batch) against the rubric in use: 1 up to its number of
   * criteria.
   *
   * @throws CliException a usage error (exit 2) otherwise
   */
  static int top(int top, Rubric rubric) {
    long criteria = rubric.criteria().count();
    if (top < 1 || top > criteria) {
      throw new CliException(ExitCode.USAGE, "error.top.range", criteria, top);
    }
    return top;
  }

  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]{1,12}(?:[.,][0-9]{1,12})?");

  /**
   * A number as people write it on a command line, with a decimal point or a Dutch decimal comma
   * ({@code 80,5}); null when it is none.
   */
  static BigDecimal decimal(String value) {
    String v = value.strip();
    return DECIMAL.matcher(v).matches() ? new BigDecimal(v.replace(',', '.')) : null;
  }

  /** {@code --min-score N}. */
  static final class MinScore extends GateValue {
    MinScore() {
      super("--min-score");
    }
  }

  /** {@code --min-lesson N}. */
  static final class MinLesson extends GateValue {
    MinLesson() {
      super("--min-lesson");
    }
  }
}
