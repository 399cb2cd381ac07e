package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.SourceLocation;
import org.junit.jupiter.api.Test;

/** Five of a rule per file, then one line that counts the rest, in place; nothing else changes. */
class FindingsCapTest {

  private static Finding f(String file, int line, String rule) {
    return Finding.warning(rule, new SourceLocation(file, line, 1), "x", "finding.required", "x");
  }

  @Test
  void fiveOfARuleAreShownAsTheyAre() {
    List<Finding> five = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      five.add(f("a.yaml", i, "schema/required"));
    }
    assertThat(FindingsCap.capped(five)).isEqualTo(five);
  }

  @Test
  void theSixthAndLaterAreOneLineAtThePlaceOfTheSixth() {
    List<Finding> all = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      all.add(f("a.yaml", i * 2, "schema/required"));
      all.add(f("a.yaml", i * 2 + 1, "schema/unknown-key"));
    }
    all.add(f("b.yaml", 1, "schema/required"));
    List<Finding> shown = FindingsCap.capped(all);
    assertThat(shown).hasSize(5 + 1 + 5 + 1 + 1);
    Finding more = shown.get(10);
    assertThat(more.rule()).isEqualTo("schema/required");
    assertThat(more.location().line()).isEqualTo(12);
    assertThat(more.message(Language.EN)).isEqualTo("and 4 more of this kind, up to line 18");
    assertThat(more.message(Language.NL)).isEqualTo("en nog 4 van deze soort, tot en met regel 18");
    assertThat(shown.get(11).message(Language.EN))
        .isEqualTo("and 4 more of this kind, up to line 19");
    // another file has its own count
    assertThat(shown.get(12)).isEqualTo(all.get(all.size() - 1));
  }

  @Test
  void allOnOneLineSaysNoLine() {
    List<Finding> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(f("a.yaml", 1, "proposal/missing-block"));
    }
    List<Finding> shown = FindingsCap.capped(all);
    assertThat(shown).hasSize(6);
    assertThat(shown.get(5).message(Language.EN)).isEqualTo("and 3 more of this kind");
  }
}
