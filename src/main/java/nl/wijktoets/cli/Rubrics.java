package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Path;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.InputFiles;

/**
 * Loads the rubric a command was given ({@code --rubric}, {@code rubric check}), or the built-in.
 */
final class Rubrics {

  private Rubrics() {}

  /**
   * The rubric in {@code file} (the built-in one for null), after printing its findings: errors
   * always, warnings unless the console is quiet.
   *
   * @throws CliException (exit 3) when the file cannot be read, or has errors
   */
  static Rubric load(Console console, Path file) {
    if (file == null) {
      return RubricLoader.builtin();
    }
    return check(console, file, read(console, file));
  }

  /**
   * A rubric file's bytes, read with the rubric's size limit (a device such as /dev/zero included):
   * at most one byte more than the limit, so a huge file is refused without loading it.
   *
   * @throws CliException (exit 3) when the file cannot be read, saying why
   */
  static byte[] read(Console console, Path file) {
    try {
      return InputFiles.read(file.toString(), console.in(), RubricLoader.LIMITS.maxBytes());
    } catch (InputFiles.Unreadable e) {
      throw cannotRead(console, file, e.reasonKey());
    } catch (IOException e) {
      throw new CliException(ExitCode.INPUT_ERROR, "error.cannot-read", file, Main.oneLine(e));
    }
  }

  /**
   * The rubric in these bytes, after printing its findings: errors always, warnings unless the
   * console is quiet.
   *
   * @throws CliException (exit 3) when the rubric has errors
   */
  static Rubric check(Console console, Path file, byte[] bytes) {
    RubricLoader.Result result = RubricLoader.check(file.toString(), bytes);
    for (Finding f : result.findings()) {
      console.finding(f);
    }
    if (!result.ok()) {
      throw new CliException(ExitCode.INPUT_ERROR, "rubric.unusable", file);
    }
    return result.rubric();
  }

  private static CliException cannotRead(Console console, Path file, String reasonKey) {
    return new CliException(
        ExitCode.INPUT_ERROR, "error.cannot-read", file, console.msg(reasonKey));
  }
}
