package nl.wijktoets.cli;

/** The exit codes of every command, as the README and {@code --help} list them. */
public final class ExitCodes {

  /** Done; every gate met. */
  public static final int OK = 0;

  /** A gate failed: a score below --min-score/--min-lesson, or validate found an error. */
  public static final int GATE_FAILED = 1;

  /** Usage error: unknown option, missing argument. */
  public static final int USAGE = 2;

  /**
   * Input or runtime error: a file missing or unreadable, a proposal that cannot be parsed or
   * scored, a bad rubric or template, or a crash. Never 1: a crash must not look like a low score.
   */
  public static final int INPUT_ERROR = 3;

  private ExitCodes() {}

  /** The worse of two exit codes (3 is worse than 1, which is worse than 0). */
  public static int worst(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int code) {
    return switch (code) {
      case OK -> 0;
      case GATE_FAILED -> 1;
      case USAGE -> 2;
      default -> 3;
    };
  }
}
