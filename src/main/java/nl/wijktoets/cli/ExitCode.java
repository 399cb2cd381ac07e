package nl.wijktoets.cli;

/** The exit codes of every command, as the README and {@code --help} list them. */
public enum ExitCode {

  /** Done; every gate met. */
  OK(0),

  /** A gate failed: a score below --min-score/--min-lesson, or validate found an error. */
  GATE_FAILED(1),

  /** Usage error: unknown option, missing argument, a value out of range. */
  USAGE(2),

  /**
   * Input or runtime error: a file missing or unreadable, a proposal that cannot be parsed or
   * scored, a bad rubric or template, or a crash. Never 1: a crash must not look like a low score.
   */
  INPUT_ERROR(3);

  private final int number;

  ExitCode(int number) {
    this.number = number;
  }

  /** The number the process exits with. */
  public int number() {
    return number;
  }

  /** The worse of two exit codes: 3 is worse than 2, which is worse than 1, then 0. */
  public ExitCode worst(ExitCode other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
