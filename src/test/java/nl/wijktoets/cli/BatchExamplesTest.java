package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.testutil.Golden;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed batch example is what batch writes: examples/batch/results.csv and the overview
 * (Markdown and HTML) of examples/batch/proposals.csv, by the README's command. They are golden
 * files: this test fails when batch writes anything else, and {@code -Dwijktoets.updateGolden=true}
 * writes them anew.
 */
class BatchExamplesTest {

  static final String LIST = "examples/batch/proposals.csv";

  @TempDir Path dir;

  @Test
  void resultsAndOverviewOfTheExampleList() throws Exception {
    Path results = dir.resolve("results.csv");
    Path md = dir.resolve("overview.md");
    Path html = dir.resolve("overview.html");
    for (Path report : new Path[] {md, html}) {
      Run r =
          run(
              "batch",
              LIST,
              "-o",
              results.toString(),
              "--report",
              report.toString(),
              "--group-by",
              "district",
              "--lang",
              "nl",
              "-q");
      assertThat(r.code()).as(r.err()).isEqualTo(3); // the example has two rows with an error
    }
    Golden.check(Path.of("examples/batch/results.csv"), read(results));
    Golden.check(Path.of("examples/batch/overview.md"), read(md));
    Golden.check(Path.of("examples/batch/overview.html"), read(html));
  }

  private static String read(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
