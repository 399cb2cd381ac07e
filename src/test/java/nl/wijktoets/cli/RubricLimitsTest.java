package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rubric file is untrusted input too: its whole numbers are bounded (at most 10^9) with a located
 * finding, it is read with its own size and depth limits (never whole when it is huge, a device
 * included) and messages that speak of a rubric, and a path that cannot be read says why (exit 3).
 */
class RubricLimitsTest {

  private static final Path EXAMPLE = Path.of("examples/rubrics/werk-eerst.yaml");

  @TempDir Path dir;

  private Path rubricWith(String from, String to) throws IOException {
    String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    return Files.writeString(dir.resolve("rubric.yaml"), text.replace(from, to));
  }

  private static int lineOf(Path file, String text) throws IOException {
    var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  @Test
  void aWholeNumberAboveTenToTheNinthIsALocatedFinding() throws IOException {
    for (String big :
        new String[] {"2147483648", "3000000000", "1000000001", "99999999999999999999"}) {
      Path rubric = rubricWith("evidence_cap: 2", "evidence_cap: " + big);
      Run r = run("rubric", "check", rubric.toString(), "--lang", "en");
      assertThat(r.code()).as(big + "\n" + r.err()).isEqualTo(1);
      assertThat(r.err())
          .contains(rubric + ":" + lineOf(rubric, "evidence_cap: " + big) + ":")
          .contains("parameter evidence_cap is " + big)
          .contains("(1000000000)")
          .doesNotContain("internal error");
      Run assess = run("assess", "examples/moerwijk.yaml", "--rubric", rubric.toString());
      assertThat(assess.code()).isEqualTo(3);
      assertThat(assess.err()).doesNotContain("internal error");
    }
    Path max = rubricWith("evidence_cap: 2", "evidence_cap: 1000000000");
    assertThat(run("rubric", "check", max.toString()).code()).isZero();
    Run scored = run("assess", "examples/moerwijk.yaml", "--rubric", max.toString(), "-f", "json");
    assertThat(scored.code()).as(scored.err()).isZero();
    Run nl =
        run(
            "rubric",
            "check",
            rubricWith("evidence_cap: 2", "evidence_cap: 2147483648").toString(),
            "--lang",
            "nl");
    assertThat(nl.err()).contains("meer dan het grootste hele getal dat een rubric mag geven");
  }

  @Test
  @Timeout(30)
  void aHugeRubricIsRefusedWithoutReadingItWhole() throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(200L * 1024 * 1024); // sparse: 200 MB without writing them
    }
    Run check = run("rubric", "check", huge.toString(), "--lang", "en");
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.err())
        .contains("the rubric file is larger than 5242880 bytes, the limit for a rubric")
        .doesNotContain("proposal");
    Run assess =
        run("assess", "examples/moerwijk.yaml", "--rubric", huge.toString(), "--lang", "en");
    assertThat(assess.code()).isEqualTo(3);
    assertThat(assess.err()).contains("the limit for a rubric").doesNotContain("heap");
  }

  @Test
  @Timeout(30)
  void devZeroAsARubricIsRefusedNotReadForever() {
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    Run r = run("assess", "examples/moerwijk.yaml", "--rubric", "/dev/zero", "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("the limit for a rubric").doesNotContain("internal error");
  }

  @Test
  void aDeeplyNestedRubricSaysSo() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      b.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    Path deep = Files.writeString(dir.resolve("deep.yaml"), b + "  ".repeat(70) + "x: 1\n");
    Run r = run("rubric", "check", deep.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("the rubric file is nested more than 64 levels deep");
  }

  @Test
  void aPathThatCannotBeReadExitsThreeWithTheRealReason() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("a-folder.yaml"));
    Path dangling = Files.createSymbolicLink(dir.resolve("gone.yaml"), Path.of("nowhere.yaml"));
    Path missing = dir.resolve("missing.yaml");
    Path loop = Files.createSymbolicLink(dir.resolve("loop.yaml"), Path.of("loop.yaml"));
    String[][] cases = {
      {folder.toString(), "is a folder, not a file"},
      {dangling.toString(), "is a symbolic link to a file that does not exist"},
      {missing.toString(), "no such file"},
      {loop.toString(), "Too many levels of symbolic links"}
    };
    for (String[] c : cases) {
      Run check = run("rubric", "check", c[0], "--lang", "en");
      assertThat(check.code()).as(c[0]).isEqualTo(3);
      assertThat(check.err()).contains("cannot read " + c[0] + ": " + c[1]);
      Run assess = run("assess", "examples/moerwijk.yaml", "--rubric", c[0], "--lang", "en");
      assertThat(assess.code()).isEqualTo(3);
      assertThat(assess.err()).contains("cannot read " + c[0] + ": " + c[1]);
    }
  }
}
