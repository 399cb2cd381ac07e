package nl.wijktoets.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected outputs kept under {@code src/test/resources/golden}. Run the build with
 * {@code -Dwijktoets.updateGolden=true} to rewrite them after an intended change (a file is only
 * written when its content differs), then review the diff.
 */
public final class Golden {

  public static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  public static boolean updating() {
    return Boolean.parseBoolean(System.getProperty("wijktoets.updateGolden", "false"));
  }

  /**
   * Compares with the golden file, or rewrites it in update mode. Returns whether it was written.
   */
  public static boolean check(String name, String actual) throws IOException {
    return check(ROOT.resolve(name), actual);
  }

  /**
   * Compares with a golden file kept elsewhere (such as the broken corpus's {@code .expected} files
   * next to their inputs), or rewrites it in update mode. Returns whether it was written.
   */
  public static boolean check(Path file, String actual) throws IOException {
    if (updating()) {
      String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
      if (!actual.equals(current)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return true;
      }
      return false;
    }
    assertThat(file)
        .as("golden file %s (create it with -Dwijktoets.updateGolden=true)", file)
        .exists();
    assertThat(actual)
        .as("output differs from golden file %s", file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    return false;
  }
}
