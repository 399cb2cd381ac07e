package nl.wijktoets.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A key indented into the wrong block is an error on its line that says where it belongs ({@code
 * yaml/indentation}), by the file's own indentation step; other unknown keys stay warnings.
 */
class MisplacedKeysTest {

  private static final String HEADER = "version: 1\nname: Test\nneighbourhood: Moerwijk\n";

  private static List<Finding> findings(String body) {
    return ProposalReader.read("p.yaml", (HEADER + body).getBytes(StandardCharsets.UTF_8))
        .findings();
  }

  private static Finding only(String body, String rule) {
    List<Finding> matching = findings(body).stream().filter(f -> f.rule().equals(rule)).toList();
    assertThat(matching).as("%s in%n%s", rule, body).hasSize(1);
    return matching.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      value = {
        "years under an empty per_year ¦ revenue:\\n  - type: sales\\n    per_year:\\n    2027:"
            + " 50000\\n ¦ 7:5 ¦ finding.yaml.misplaced ¦ 2027 per_year 6 2 7",
        "the connector's keys ¦ governance:\\n  connector:\\n  hours_per_week: 12\\n ¦ 6:3"
            + " ¦ finding.yaml.misplaced ¦ hours_per_week connector 5 2 5",
        "a key after a block that has keys ¦ residents:\\n  involved: 3\\nmembers: 4\\n ¦ 6:1"
            + " ¦ finding.yaml.misplaced ¦ members residents 4 2 3",
        "a key that slipped out of a list item ¦ partners:\\n  - name: a\\nsector: gemeente\\n"
            + " ¦ 6:1 ¦ finding.yaml.misplaced.item ¦ sector partners 5 4 5",
        "a key under an empty list ¦ resident_groups:\\ntype: bewonersorganisatie\\n ¦ 5:1"
            + " ¦ finding.yaml.misplaced.new-item ¦ type resident_groups 4",
        "a key one level too deep ¦ governance:\\n  connector:\\n    role: x\\n    paid_board:"
            + " x\\n    members_meeting: ja\\n ¦ 8:5 ¦ finding.yaml.misplaced.out"
            + " ¦ members_meeting connector 5 2 3",
        "four spaces per level ¦ governance:\\n    connector:\\n    hours_per_week: 12\\n"
            + "employment_support:\\n    guidance: ja\\n ¦ 6:5 ¦ finding.yaml.misplaced"
            + " ¦ hours_per_week connector 5 4 9"
      })
  void aMisplacedKeyIsAnErrorThatSaysWhereItBelongs(
      String name, String body, String at, String key, String args) {
    Finding f = only(body.replace("\\n", "\n"), "yaml/indentation");
    assertThat(f.isError()).isTrue();
    assertThat(f.location().line() + ":" + f.location().column()).isEqualTo(at);
    assertThat(f.messageKey()).isEqualTo(key);
    assertThat(String.join(" ", f.args())).isEqualTo(args);
    for (Language lang : Language.values()) {
      assertThat(f.message(lang)).hasSizeLessThan(300).contains(f.args().get(0));
    }
  }

  @Test
  void everyMisplacedKeyOfTheBlockGetsItsOwnError() {
    List<Finding> f =
        findings(
            "governance:\n  connector:\n  role: kwartiermaker\n  hours_per_week: 16\n  paid: ja\n"
                + "  members_meeting: ja\n");
    assertThat(f.stream().filter(x -> x.rule().equals("yaml/indentation")))
        .extracting(x -> x.args().get(0))
        .containsExactly("role", "hours_per_week", "paid");
    assertThat(f).noneMatch(x -> x.rule().equals("schema/unknown-key"));
  }

  @Test
  void theMessageIsPlainInBothLanguages() {
    Finding f =
        only("revenue:\n  - type: sales\n    per_year:\n    2027: 50000\n", "yaml/indentation");
    assertThat(f.message(Language.EN))
        .isEqualTo(
            "2027 belongs under per_year (line 6): indent it 2 space(s) further, to column 7");
    assertThat(f.message(Language.NL))
        .isEqualTo(
            "2027 hoort onder per_year (regel 6): laat het 2 spatie(s) verder inspringen, tot"
                + " kolom 7");
  }

  @Test
  void otherUnknownKeysStayWarningsWithDidYouMean() {
    Finding f = only("residents:\n  involved: 3\n  member: 4\n", "schema/unknown-key");
    assertThat(f.isError()).isFalse();
    assertThat(f.message(Language.EN)).contains("did you mean members?");
    assertThat(findings("partners:\n  - name: a\nsector2: x\n"))
        .noneMatch(x -> x.rule().equals("yaml/indentation"));
  }

  @Test
  void aDashWithoutASpaceSaysSo() {
    Finding f = only("partners:\n  -name: a\n", "yaml/syntax");
    assertThat(f.location().line()).isEqualTo(5);
    assertThat(f.message(Language.EN))
        .isEqualTo("after the dash of a list item comes a space: write - name: instead of -name:");
  }
}
