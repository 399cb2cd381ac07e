package nl.wijktoets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import nl.wijktoets.util.OutputFiles;

/**
 * How the commands apply the output policy of {@link OutputFiles}: the clash check before any work
 * starts, as a usage error (exit 2), and the inputs it compares with.
 */
final class Outputs {

  /** How deep a --templates folder is searched for the templates an output must not replace. */
  private static final int TEMPLATE_DEPTH = 4;

  private Outputs() {}

  /**
   * Refuses, before anything is read or written, an output that is one of the inputs or another
   * output (compared by the file they resolve to).
   *
   * @throws CliException exit 2, naming the output and what it clashes with
   */
  static void checkClashes(Collection<Path> inputs, Collection<Path> outputs) {
    try {
      OutputFiles.checkClashes(inputs, outputs);
    } catch (OutputFiles.Clash c) {
      throw c.isInput()
          ? new CliException(ExitCode.USAGE, "error.output-is-input", c.output(), c.other())
          : new CliException(ExitCode.USAGE, "error.outputs-clash", c.output(), c.other());
    }
  }

  /**
   * The regular file standard input is redirected from ({@code < x.yaml}), or null when it is a
   * pipe, a terminal or unknown. Read from {@code /proc/self/fd/0} (Linux; elsewhere null, and the
   * clash check then cannot see through standard input).
   */
  static Path standardInputFile() {
    try {
      Path real = Path.of("/proc/self/fd/0").toRealPath();
      return Files.isRegularFile(real) ? real : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The input files of a command: its file arguments (standard input, {@code -}, left out), the
   * {@code --rubric} file and the files of a {@code --templates} folder.
   */
  static List<Path> inputs(
      Collection<String> files, Mixins.RubricOption rubric, Mixins.TemplatesOption templates) {
    List<Path> inputs = new ArrayList<>();
    for (String file : files) {
      if (file != null && !file.equals("-")) {
        inputs.add(Path.of(file));
      } else if (file != null) {
        Path stdin = standardInputFile();
        if (stdin != null) {
          inputs.add(stdin); // `assess - -o x.yaml < x.yaml` must not overwrite x.yaml
        }
      }
    }
    if (rubric != null && rubric.file != null) {
      inputs.add(rubric.file);
    }
    if (templates != null && templates.dir != null && Files.isDirectory(templates.dir)) {
      try (Stream<Path> s = Files.walk(templates.dir, TEMPLATE_DEPTH)) {
        s.filter(Files::isRegularFile).forEach(inputs::add);
      } catch (IOException | RuntimeException e) {
        // an unreadable folder is reported when the templates are loaded
      }
    }
    return inputs;
  }
}
