package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Finding;

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
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw cannotRead(console, file, "error.is-directory");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw cannotRead(console, file, "error.not-found");
    }
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
