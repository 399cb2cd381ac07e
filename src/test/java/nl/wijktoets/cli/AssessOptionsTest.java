package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option checks that are usage errors (exit 2) before anything is scored or written. */
class AssessOptionsTest {

  @TempDir Path dir;

  @Test
  void gatesOutsideZeroToHundredAreUsageErrors() {
    Run r = run("assess", "examples/moerwijk.yaml", "--min-score", "101");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--min-score").contains("0").contains("100");
    assertThat(r.out()).isEmpty();
    assertThat(run("assess", "examples/moerwijk.yaml", "--min-lesson", "1e-999999999").code())
        .isEqualTo(2);
    assertThat(run("batch", "examples/batch/proposals.csv", "--min-score", "-1").code())
        .isEqualTo(2);
  }

  @Test
  void severalHtmlPagesNeedAFolder() {
    Run r = run("assess", "examples/moerwijk.yaml", "examples/transvaal.yaml", "-f", "html");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("-o");
    assertThat(r.out()).isEmpty();
    Path out = dir.resolve("pages");
    assertThat(
            run(
                    "assess",
                    "examples/moerwijk.yaml",
                    "examples/transvaal.yaml",
                    "-f",
                    "html",
                    "-o",
                    out + "/")
                .code())
        .isZero();
    assertThat(out.resolve("moerwijk.html")).exists();
    assertThat(out.resolve("transvaal.html")).exists();
  }

  @Test
  void batchNeverWritesOverItsOwnList() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.copy(Path.of("examples/batch/proposals.csv"), list);
    byte[] before = Files.readAllBytes(list);
    Run r = run("batch", list.toString(), "-o", list.toString());
    assertThat(r.code()).isEqualTo(2); // a usage error, before anything is read
    assertThat(Files.readAllBytes(list)).isEqualTo(before);
    assertThat(new String(before, StandardCharsets.UTF_8)).startsWith("id,name");
  }
}
