package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Finding;

/** Loads the rubric a command was given with {@code --rubric}, or the built-in one. */
final class Rubrics {

  private Rubrics() {}

  /**
   * The rubric to use, or null after printing every located error (the command then exits 3).
   * Warnings are printed unless {@code quiet}.
   */
  static Rubric load(Console console, Path file, boolean quiet) {
    if (file == null) {
      return RubricLoader.builtin();
    }
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        console.error(console.msg("error.cannot-read", file, console.msg("error.is-directory")));
        return null;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      console.error(console.msg("error.cannot-read", file, console.msg("error.not-found")));
      return null;
    }
    RubricLoader.Result result = RubricLoader.check(file.toString(), bytes);
    for (Finding f : result.findings()) {
      if (f.isError() || !quiet) {
        console.finding(f);
      }
    }
    if (!result.ok()) {
      console.error(console.msg("rubric.unusable", file));
      return null;
    }
    return result.rubric();
  }
}
