package nl.wijktoets.cli;

import java.util.function.Function;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.util.OutputFiles;

/**
 * How a command (or a type converter) stops with an error: the exit code and the message to print.
 * {@link Main} reports it in one place, as {@code wijktoets: error: MESSAGE} on stderr, and exits
 * with the code. No stack trace: this is an expected error, not a crash.
 */
public final class CliException extends RuntimeException {

  private final ExitCode exitCode;
  private final String key;
  private final Object[] args;
  private final transient Function<Language, String> text;

  private CliException(ExitCode exitCode, String key, Object[] args, String text) {
    super(text != null ? text : key, null, false, false);
    this.exitCode = exitCode;
    this.key = key;
    this.args = args;
    this.text = null;
  }

  private CliException(ExitCode exitCode, Function<Language, String> text) {
    super(text.apply(Language.EN), null, false, false);
    this.exitCode = exitCode;
    this.key = null;
    this.args = null;
    this.text = text;
  }

  /**
   * A file could not be written: {@code cannot write PATH: reason}, the path as the user gave it,
   * exit 3.
   */
  public static CliException cannotWrite(OutputFiles.WriteError e) {
    return new CliException(ExitCode.INPUT_ERROR, l -> writeError(l, e));
  }

  /** {@code cannot write PATH: reason} in a language. */
  static String writeError(Language l, OutputFiles.WriteError e) {
    return Messages.cannotWrite(l, e);
  }

  /** An error whose message is the message {@code key} with {@code args}, in the run's language. */
  public CliException(ExitCode exitCode, String key, Object... args) {
    this(exitCode, key, args, null);
  }

  /** An error whose message is ready to print (already in the run's language). */
  public static CliException withText(ExitCode exitCode, String text) {
    return new CliException(exitCode, null, null, text);
  }

  /** An error whose reasons have been printed already (as findings): only the exit code is left. */
  public static CliException alreadyReported(ExitCode exitCode) {
    return new CliException(exitCode, null, null, null);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** The same error with another exit code. */
  public CliException exitingWith(ExitCode code) {
    return text != null
        ? new CliException(code, text)
        : new CliException(code, key, args, key == null ? getMessage() : null);
  }

  /** The message in a language, or null when there is nothing more to say. */
  public String message(Language language) {
    if (text != null) {
      return text.apply(language);
    }
    return key != null ? Messages.get(language, key, args) : getMessage();
  }
}
