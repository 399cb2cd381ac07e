package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.wijktoets.proposal.ProposalSchema;
import nl.wijktoets.proposal.Vocabulary;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.SchemaCheck;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wijktoets explain FIELD}: a field of the proposal with its allowed values and the words
 * for them, evidence with what each value counts for, a block with its keys; a criterion first.
 */
class ExplainFieldTest {

  private static final SchemaCheck SCHEMA = ProposalSchema.get();

  @Test
  void sectorListsEveryValueWithItsDutchWords() {
    Run r = run("explain", "sector", "--lang", "nl");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Veld partners.sector\nDe sector van de partner.\n")
        .contains("Toegestane waarden (de Engelse waarde, of een van de woorden erachter):")
        .contains("  housing-corporation     woningcorporatie, corporatie\n")
        .contains("  other-government        overheid-overig, andere-overheid\n")
        .contains("  cooperative             coöperatie\n")
        .contains("Hoofdletters, accenten en het verschil tussen een spatie, _ en - tellen niet");
    for (String value : Vocabulary.SECTOR.allowed()) {
      assertThat(r.out()).contains(value);
    }
    Run en = run("explain", "partners.sector", "--lang", "en");
    assertThat(en.code()).isZero();
    assertThat(en.out())
        .startsWith("Field partners.sector\nThe partner's sector.\n")
        .contains("Allowed values (the English value, or one of the words after it):");
  }

  @ParameterizedTest
  @ValueSource(strings = {"revenue.status", "status", "revenue[0].status", "revenue[].status"})
  void evidenceStatusSaysWhatEachValueCountsFor(String name) {
    Run nl = run("explain", name, "--lang", "nl");
    assertThat(nl.code()).as(nl.err()).isZero();
    assertThat(nl.out())
        .startsWith("Veld revenue.status\n")
        .contains("  idea              idee                    telt voor 25% (bewijsfactor 0,25)")
        .contains("  in-talks          in-gesprek              telt voor 50% (bewijsfactor 0,5)")
        .contains("  applied           aangevraagd             telt voor 50%")
        .contains("  letter-of-intent  intentieverklaring      telt voor 75% (bewijsfactor 0,75)")
        .contains("  forecast          prognose                telt voor 75%")
        .contains("  contract          overeenkomst, contract  telt voor 100% (bewijsfactor 1)")
        .contains("  realised          gerealiseerd            telt voor 100%")
        .contains("Een inkomstenregel telt mee met het bedrag maal deze factor");
    Run en = run("explain", name, "--lang", "en");
    assertThat(en.out()).contains("counts for 25% (evidence factor 0.25)");
  }

  @Test
  void commitmentSaysWhatEachValueCountsFor() {
    Run en = run("explain", "partners.commitment", "--lang", "en");
    assertThat(en.code()).isZero();
    assertThat(en.out())
        .contains("  idea              idee")
        .contains("counts for 25% (evidence factor 0.25)")
        .contains("  agreement         overeenkomst, contract, samenwerkingsovereenkomst")
        .contains("counts for 100% (evidence factor 1)")
        .contains("Its sector counts for cross-sector-partners only from 50%.");
  }

  @Test
  void everyFieldOfTheFormatCanBeExplainedInBothLanguages() {
    for (String path : SCHEMA.fieldPaths()) {
      for (String lang : List.of("nl", "en")) {
        Run r = run("explain", path, "--lang", lang);
        assertThat(r.code()).as(path + " " + r.err()).isZero();
        assertThat(r.out())
            .as(path)
            .startsWith((lang.equals("nl") ? "Veld " : "Field ") + path + "\n")
            .doesNotContain("null")
            .doesNotContain("{");
        // the short name of a field (as messages print it) explains that field alone, unless
        // it is a criterion's id (connector): a criterion comes first
        String shortName = SCHEMA.shortName(path);
        if (RubricLoader.builtin().criterion(shortName).isEmpty()) {
          Run short1 = run("explain", shortName, "--lang", lang);
          assertThat(short1.out()).as(path).isEqualTo(r.out());
        }
      }
    }
  }

  @Test
  void aBlockListsItsKeys() {
    Run r = run("explain", "partners", "--lang", "nl");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Een lijst: elk item begint met een streepje (-) en heeft deze sleutels:")
        .contains("  name        Naam van de partner.")
        .contains("  commitment  Hoe vast de toezegging")
        .contains("Meer over een sleutel: wijktoets explain partners.name");
    Run block = run("explain", "governance.connector", "--lang", "en");
    assertThat(block.out()).contains("Keys:\n").contains("  hours_per_week  Hours a week");
  }

  @Test
  void aPlainFieldSaysWhatItHolds() {
    Run r = run("explain", "budget.costs", "--lang", "en");
    assertThat(r.out())
        .isEqualTo(
            "Field budget.costs\nTotal costs that year, in euros.\n"
                + "Holds: an amount of euros such as 12500.\n");
  }

  @Test
  void aNameThatSeveralBlocksUseExplainsEachOfThem() {
    Run r = run("explain", "type", "--lang", "en");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("4 fields have this name:\n")
        .contains("Field residents.consultations.type\n")
        .contains("Field resident_groups.type\n")
        .contains("Field revenue.type\n")
        .contains("Field assets.type\n");
  }

  @Test
  void aCriterionComesFirstThenAFieldThenAValue() {
    Run criterion = run("explain", "connector", "--lang", "en");
    assertThat(criterion.out()).startsWith("Business lead or kwartiermaker (connector)");
    Run block = run("explain", "governance.connector", "--lang", "en");
    assertThat(block.out()).startsWith("Field governance.connector\n");
    Run value = run("explain", "woningcorporatie", "--lang", "nl");
    assertThat(value.code()).isZero();
    assertThat(value.out()).startsWith("Veld partners.sector\n");
  }

  @Test
  void aMisspeltFieldSuggestsTheNearest() {
    Run r = run("explain", "sectr", "--lang", "nl");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("geen criterium of veld sectr; bedoelt u sector?");
    Run en = run("explain", "revenue.staus", "--lang", "en");
    assertThat(en.err())
        .contains("no criterion or field revenue.staus; did you mean revenue.status?");
  }

  @Test
  void helpNamesFieldsInBothLanguages() {
    Run en = run("explain", "--help", "--lang", "en");
    assertThat(en.out().replaceAll("\\s+", " "))
        .contains("[CRITERION|FIELD]")
        .contains("A name is a criterion first, then a field")
        .contains("wijktoets explain sector");
    Run nl = run("explain", "--help", "--lang", "nl");
    assertThat(nl.out().replaceAll("\\s+", " "))
        .contains("[CRITERIUM|VELD]")
        .contains("Een naam is eerst een criterium, dan een veld")
        .contains("wijktoets explain revenue.status --lang en");
  }

  @Test
  void completionOffersTheFieldNames() {
    String bash = CompletionCommand.script(CompletionCommand.Shell.bash);
    assertThat(bash)
        .contains("\"sector\"")
        .contains("\"revenue.status\"")
        .contains("\"connector\"");
  }
}
