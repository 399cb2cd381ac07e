package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.wijktoets.testutil.Golden;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example reports committed under {@code examples/reports/} are exactly what the README's
 * command prints, so they never go stale: {@code -Dwijktoets.updateGolden=true} rewrites them.
 */
class ExampleReportsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "moerwijk.nl.md, examples/moerwijk.yaml, nl, md",
    "moerwijk.en.md, examples/moerwijk.yaml, en, md",
    "moerwijk.nl.html, examples/moerwijk.yaml, nl, html"
  })
  void exampleReportIsCurrent(String name, String proposal, String lang, String format)
      throws Exception {
    Run r = run("assess", proposal, "--lang", lang, "-f", format, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    Golden.check(Path.of("examples/reports", name), r.out());
  }
}
