package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.MarkdownReport;
import nl.wijktoets.report.ReportException;
import nl.wijktoets.report.Templates;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.testutil.MarkdownCheck;

/**
 * Reports of ordinary, generated proposals (Dutch and English, every criterion's advice) read well
 * raw: at most two backslashes, and nothing a Markdown reader turns into a link or HTML.
 */
class GeneratedReportsTest {

  private static final Templates TEMPLATES = new Templates();

  @Provide
  Arbitrary<RandomProposal> proposals() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 6))
        .as(RandomProposal::generate);
  }

  @Property(tries = 100, seed = "20260113")
  void ordinaryReportsHoldAtMostTwoBackslashes(@ForAll("proposals") RandomProposal p)
      throws ReportException {
    for (Language lang : Language.values()) {
      Assessment a =
          new Assessor(RubricLoader.builtin())
              .assess("random.yaml", p.canonical().getBytes(StandardCharsets.UTF_8), lang)
              .assessment();
      String md = new MarkdownReport(TEMPLATES).render(a, 15);
      assertThat(md.chars().filter(c -> c == '\\').count())
          .as("backslashes")
          .isLessThanOrEqualTo(2);
      MarkdownCheck.parse(md).isInert().tablesAreWhole();
    }
  }
}
