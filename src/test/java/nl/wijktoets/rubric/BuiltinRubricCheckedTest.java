package nl.wijktoets.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.testutil.Golden;
import org.junit.jupiter.api.Test;

/**
 * The built-in rubric is checked here, in full, at build time; at run time it is read without the
 * JSON Schema check as long as it is the file recorded (size, CRC-32, SHA-256) in {@code
 * builtin-rubric.checked.properties} (see {@link RubricLoader#builtin()}). After changing {@code
 * builtin-rubric.yaml}, run the build with {@code -Dwijktoets.updateGolden=true} to record the new
 * record (only when the full check passes), then review the diff.
 */
class BuiltinRubricCheckedTest {

  private static final Path RECORD =
      Path.of("src/main/resources" + RubricLoader.BUILTIN_CHECKED_RESOURCE);

  @Test
  void theBuiltInRubricPassesTheFullCheckAndItsHashIsRecorded() throws IOException {
    byte[] bytes = RubricLoader.builtinBytes();
    RubricLoader.Result full = RubricLoader.check("<built-in rubric>", bytes);
    assertThat(full.findings()).as("the built-in rubric has no findings at all").isEmpty();
    assertThat(full.ok()).isTrue();
    Rubric r = full.rubric();
    String expected =
        "# The built-in rubric (builtin-rubric.yaml) as checked in full at build time by\n"
            + "# BuiltinRubricCheckedTest; written by it with -Dwijktoets.updateGolden=true.\n"
            + "sha256="
            + r.hash()
            + "\nid="
            + r.id()
            + "\nversion="
            + r.version()
            + "\nsize="
            + bytes.length
            + "\ncrc32="
            + RubricLoader.crc32(bytes)
            + "\n";
    if (Golden.updating()) {
      if (!Files.exists(RECORD)
          || !expected.equals(Files.readString(RECORD, StandardCharsets.UTF_8))) {
        Files.writeString(RECORD, expected, StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(Files.readString(RECORD, StandardCharsets.UTF_8))
        .as(
            "%s does not match builtin-rubric.yaml: run the build with"
                + " -Dwijktoets.updateGolden=true",
            RECORD)
        .isEqualTo(expected);
  }

  @Test
  void theFastPathGivesTheSameRubricAsTheFullCheck() throws RubricException {
    byte[] bytes = RubricLoader.builtinBytes();
    assertThat(RubricLoader.isCheckedBuiltin(bytes)).isTrue();
    Rubric full = RubricLoader.load("<built-in rubric>", bytes);
    Rubric fast = RubricLoader.builtin();
    // every field but the bound measure functions (lambdas, equal only to themselves)
    assertThat(fast)
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*\\.bound", ".*\\.binder")
        .isEqualTo(full);
    assertThat(fast.criteria().map(c -> c.measure().name()).toList())
        .isEqualTo(full.criteria().map(c -> c.measure().name()).toList());
    assertThat(RubricLoader.builtinIdentity())
        .isEqualTo(new RubricLoader.Identity(full.id(), full.version(), full.hash()));
  }

  @Test
  void anyOtherContentIsNotTakenForTheCheckedFile() {
    byte[] bytes = RubricLoader.builtinBytes();
    byte[] changed = bytes.clone();
    changed[changed.length - 2] ^= 1;
    assertThat(RubricLoader.isCheckedBuiltin(changed)).isFalse();
    assertThat(RubricLoader.isCheckedBuiltin("id: x\n".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
