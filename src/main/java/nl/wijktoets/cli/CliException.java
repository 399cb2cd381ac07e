package nl.wijktoets.cli;

import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;

/**
 * How a command (or a type converter) stops with an error: the exit code and the message to print.
 * {@link Main} reports it in one place, as {@code wijktoets: error: MESSAGE} on stderr, and exits
 * with the code. No stack trace: this is an expected error, not a crash.
 */
public final class CliException extends RuntimeException {

  private final ExitCode exitCode;
  private final String key;
  private final Object[] args;

  private CliException(ExitCode exitCode, String key, Object[] args, String text) {
    super(text != null ? text : key, null, false, false);
    this.exitCode = exitCode;
    this.key = key;
    this.args = args;
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
    return new CliException(code, key, args, key == null ? getMessage() : null);
  }

  /** The message in a language, or null when there is nothing more to say. */
  public String message(Language language) {
    return key != null ? Messages.get(language, key, args) : getMessage();
  }
}
