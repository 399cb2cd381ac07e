package nl.wijktoets.proposal;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.SchemaCheck;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An unknown value of an enumerated field names the one or two allowed words nearest to it and
 * where the full list is ({@code wijktoets explain FIELD}), in a message under 300 characters.
 */
class UnknownValuesTest {

  private static final SchemaCheck SCHEMA = ProposalSchema.get();

  /** Every enumerated field of the format. */
  static Stream<String> enumeratedFields() {
    return SCHEMA.fieldPaths().stream().filter(p -> Vocabulary.forPath(p) != null);
  }

  /** A proposal whose field at {@code path} (lists get one item) holds {@code value}. */
  static String proposalWith(String path, String value) {
    StringBuilder yaml = new StringBuilder("version: 1\nname: Test\nneighbourhood: Moerwijk\n");
    String[] keys = path.split("\\.");
    String indent = "";
    for (int i = 0; i < keys.length; i++) {
      String prefix = String.join(".", List.of(keys).subList(0, i + 1));
      boolean last = i == keys.length - 1;
      yaml.append(indent).append(keys[i]).append(':');
      if (last) {
        yaml.append(" \"").append(value).append("\"\n");
      } else if ("array".equals(SCHEMA.fieldSchema(prefix).path("type").asText())) {
        yaml.append('\n').append(indent).append("  - ");
        indent += "    ";
        // the item's first key follows the dash on the same line
        yaml.append(keys[++i]).append(':');
        if (i == keys.length - 1) {
          yaml.append(" \"").append(value).append("\"\n");
        } else {
          yaml.append('\n');
          indent += "  ";
        }
      } else {
        yaml.append('\n');
        indent += "  ";
      }
    }
    return yaml.toString();
  }

  private static List<Finding> enumFindings(String yaml) {
    return ProposalReader.read("p.yaml", yaml.getBytes(StandardCharsets.UTF_8)).findings().stream()
        .filter(f -> f.rule().equals("schema/enum"))
        .toList();
  }

  @Test
  void everyEnumeratedFieldIsTested() {
    assertThat(enumeratedFields().count()).isGreaterThanOrEqualTo(19);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumeratedFields")
  void aLongBadValueGivesAShortMessageThatPointsToExplain(String path) {
    String bad = "x".repeat(40) + " onbekend " + "woord ".repeat(60);
    List<Finding> findings = enumFindings(proposalWith(path, bad.strip()));
    assertThat(findings).as(path).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.path().replaceAll("\\[\\d+]", "")).isEqualTo(path);
    for (Language lang : Language.values()) {
      String message = f.message(lang);
      assertThat(message.length()).as("%s: %s", lang, message).isLessThan(300);
      assertThat(f.format(lang).length() - f.location().toString().length())
          .as("the whole line without the file name")
          .isLessThan(340);
      // the full list is one command away, and that command explains exactly this field
      Matcher m = Pattern.compile("wijktoets explain ([a-z_.]+)").matcher(message);
      assertThat(m.find()).as(message).isTrue();
      assertThat(SCHEMA.fieldsNamed(m.group(1))).containsExactly(path);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumeratedFields")
  void aTypoOfAnAllowedWordSuggestsIt(String path) {
    Vocabulary v = Vocabulary.forPath(path);
    String word = v.allowed().stream().filter(w -> w.length() >= 5).findFirst().orElse(null);
    Assumptions.assumeTrue(word != null, "no word of five letters or more (language: nl, en)");
    // one letter doubled, and capitals: the kind of typo a resident makes
    String typo = word.substring(0, 3) + word.charAt(3) + word.substring(3).toUpperCase();
    List<Finding> findings = enumFindings(proposalWith(path, typo));
    assertThat(findings).as(path + " " + typo).hasSize(1);
    assertThat(findings.get(0).args()).as(path).contains(word);
    assertThat(findings.get(0).message(Language.EN)).contains("did you mean " + word);
    assertThat(findings.get(0).message(Language.NL)).contains("bedoelt u " + word);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "partners.sector | woning corporatie | woningcorporatie",
        "partners.sector | Woning-Corporatie | woningcorporatie",
        "partners.sector | zorgg | zorg",
        "revenue.status | in gesprak | in-gesprek",
        "revenue.status | intentie verklaring | intentieverklaring",
        "partners.commitment | overeenkomt | overeenkomst",
        "legal_form | stichtting | stichting",
        "legal_form | cooperatie ua | coöperatie u.a.",
        "assets.tenure | zelf beheer | zelfbeheer",
        "risks.likelihood | gemiddelt | gemiddeld"
      })
  void theNearestWordIsNamedInBothLanguages(String path, String written, String meant) {
    List<Finding> findings = enumFindings(proposalWith(path, written));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    String field = SCHEMA.shortName(path);
    assertThat(f.message(Language.NL))
        .isEqualTo(
            "onbekende waarde "
                + written
                + " voor "
                + path.substring(path.lastIndexOf('.') + 1)
                + "; bedoelt u "
                + meant
                + "? Alle waarden: wijktoets explain "
                + field);
    assertThat(f.message(Language.EN))
        .isEqualTo(
            "unknown value "
                + written
                + " for "
                + path.substring(path.lastIndexOf('.') + 1)
                + "; did you mean "
                + meant
                + "? All values: wijktoets explain "
                + field);
  }

  @Test
  void oneOrTwoValuesAreNamedAndNeverMore() {
    // nothing near: only where the list is
    List<Finding> findings = enumFindings(proposalWith("assets.type", "grond gebouw"));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).messageKey()).isEqualTo("finding.enum.explain");
    List<Finding> two = enumFindings(proposalWith("revenue.status", "contrac"));
    assertThat(two.get(0).message(Language.EN))
        .isEqualTo(
            "unknown value contrac for status; did you mean contract? All values: wijktoets"
                + " explain status");
    // low is two edits from hoo, hoog one: a short word gets only the nearest
    List<Finding> one = enumFindings(proposalWith("risks.impact", "hoo"));
    assertThat(one.get(0).message(Language.NL))
        .isEqualTo(
            "onbekende waarde hoo voor impact; bedoelt u hoog? Alle waarden: wijktoets explain"
                + " impact");
    // corporatie (a housing corporation) is one edit away, coöperatie two: both are named
    List<Finding> both = enumFindings(proposalWith("partners.sector", "coporatie"));
    assertThat(both.get(0).message(Language.NL))
        .isEqualTo(
            "onbekende waarde coporatie voor sector; bedoelt u corporatie of coöperatie? Alle"
                + " waarden: wijktoets explain sector");
    assertThat(both.get(0).message(Language.EN))
        .isEqualTo(
            "unknown value coporatie for sector; did you mean corporatie or coöperatie? All"
                + " values: wijktoets explain sector");
  }

  @Test
  void theExampleOfTheIssueFromTheCommandLine() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("sector", ".yaml");
    try {
      java.nio.file.Files.writeString(
          file,
          "version: 1\nname: T\nneighbourhood: Moerwijk\npartners:\n  - name: Haag Wonen\n"
              + "    sector: woning corporatie\n    commitment: in-gesprek\n");
      Run nl = run("validate", file.toString(), "--lang", "nl");
      assertThat(nl.code()).isEqualTo(1);
      assertThat(nl.out() + nl.err())
          .contains(
              ":6:5: fout: onbekende waarde woning corporatie voor sector; bedoelt u"
                  + " woningcorporatie? Alle waarden: wijktoets explain sector [schema/enum]")
          .doesNotContain("housing-corporation");
      Run en = run("validate", file.toString(), "--lang", "en");
      assertThat(en.out() + en.err())
          .contains(
              ":6:5: error: unknown value woning corporatie for sector; did you mean"
                  + " woningcorporatie? All values: wijktoets explain sector [schema/enum]");
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
