package nl.wijktoets.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading format version 1: Dutch synonyms, booleans, numbers as YAML 1.2 reads them, amounts by
 * shape, municipality spellings, year keys, the version, unknown keys; every finding with its rule,
 * level, line and column.
 */
class ProposalReaderTest {

  private static final String HEADER = "version: 1\nname: Test\nneighbourhood: Testwijk\n";

  private static ProposalReader.Result readRaw(String text) {
    return ProposalReader.read("p.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static ProposalReader.Result read(String body) {
    return readRaw(HEADER + body);
  }

  private static Proposal readOk(String body) {
    ProposalReader.Result r = read(body);
    assertThat(r.findings().stream().filter(Finding::isError).toList()).isEmpty();
    return r.proposal();
  }

  /** The findings as "rule level line:col" strings. */
  private static List<String> located(ProposalReader.Result r) {
    return r.findings().stream()
        .map(
            f ->
                f.rule()
                    + " "
                    + f.level().id()
                    + " "
                    + f.location().line()
                    + ":"
                    + f.location().column())
        .toList();
  }

  /** "line:col" of the first occurrence of a token in a text (columns count code points). */
  private static String loc(String text, String token) {
    int i = text.indexOf(token);
    assertThat(i).as("token %s in the test text", token).isNotNegative();
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < i; k++) {
      if (text.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return line + ":" + (text.codePointCount(lineStart, i) + 1);
  }

  /**
   * Asserts the only finding: its rule, level and place. A finding about a value may point at the
   * value or at its key (both are on the same line); nothing else is accepted.
   */
  private static Finding only(
      ProposalReader.Result r, String text, String rule, String level, String... tokens) {
    assertThat(r.findings()).as("findings").hasSize(1);
    Finding f = r.findings().get(0);
    assertThat(f.rule()).isEqualTo(rule);
    assertThat(f.level().id()).isEqualTo(level);
    assertThat(f.location().file()).isEqualTo("p.yaml");
    List<String> places = Arrays.stream(tokens).map(t -> loc(text, t)).toList();
    assertThat(f.location().line() + ":" + f.location().column()).isIn(places);
    return f;
  }

  // ---------------------------------------------------------------------------------------------
  // Dutch synonyms, as product.md lists them

  private static final Map<String, Function<Proposal, String>> FIELDS =
      Map.ofEntries(
          Map.entry("stage", Proposal::stage),
          Map.entry("legal_form", Proposal::legalForm),
          Map.entry("consultation", p -> p.residents().consultations().get(0).type()),
          Map.entry("employer", p -> p.governance().connector().employer()),
          Map.entry("reports_to", p -> p.governance().connector().reportsTo()),
          Map.entry("sector", p -> p.partners().get(0).sector()),
          Map.entry("role", p -> p.partners().get(0).role()),
          Map.entry("commitment", p -> p.partners().get(0).commitment()),
          Map.entry("group_type", p -> p.residentGroups().get(0).type()),
          Map.entry("relation", p -> p.residentGroups().get(0).relation()),
          Map.entry("theme", p -> p.activities().get(0).theme()),
          Map.entry("revenue_type", p -> p.revenue().get(0).type()),
          Map.entry("status", p -> p.revenue().get(0).status()),
          Map.entry("asset_type", p -> p.assets().get(0).type()),
          Map.entry("tenure", p -> p.assets().get(0).tenure()),
          Map.entry("likelihood", p -> p.risks().get(0).likelihood()),
          Map.entry("impact", p -> p.risks().get(0).impact()),
          Map.entry("indicator_theme", p -> p.impactIndicators().get(0).theme()));

  private static String place(String field, String written) {
    String v = "\"" + written + "\"";
    return switch (field) {
      case "stage" -> "stage: " + v + "\n";
      case "legal_form" -> "legal_form: " + v + "\n";
      case "consultation" -> "residents:\n  consultations:\n    - type: " + v + "\n";
      case "employer" -> "governance:\n  connector:\n    role: r\n    employer: " + v + "\n";
      case "reports_to" -> "governance:\n  connector:\n    role: r\n    reports_to: " + v + "\n";
      case "sector" -> "partners:\n  - name: P\n    sector: " + v + "\n";
      case "role" -> "partners:\n  - name: P\n    role: " + v + "\n";
      case "commitment" -> "partners:\n  - name: P\n    commitment: " + v + "\n";
      case "group_type" -> "resident_groups:\n  - name: G\n    type: " + v + "\n";
      case "relation" -> "resident_groups:\n  - name: G\n    relation: " + v + "\n";
      case "theme" -> "activities:\n  - name: A\n    theme: " + v + "\n";
      case "revenue_type" -> "revenue:\n  - type: " + v + "\n    status: idea\n";
      case "status" -> "revenue:\n  - type: sales\n    status: " + v + "\n";
      case "asset_type" -> "assets:\n  - type: " + v + "\n";
      case "tenure" -> "assets:\n  - type: building\n    tenure: " + v + "\n";
      case "likelihood" -> "risks:\n  - description: R\n    likelihood: " + v + "\n";
      case "impact" -> "risks:\n  - description: R\n    impact: " + v + "\n";
      case "indicator_theme" -> "impact_indicators:\n  - name: I\n    theme: " + v + "\n";
      default -> throw new IllegalArgumentException(field);
    };
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "stage | idee | idea",
        "stage | in-oprichting | founding",
        "stage | In oprichting | founding",
        "stage | operationeel | operating",
        "legal_form | coöperatie | cooperative",
        "legal_form | Coöperatie | cooperative",
        "legal_form | cooperatie | cooperative",
        "legal_form | COÖPERATIE | cooperative",
        "legal_form | Coöperatie U.A. | cooperative",
        "legal_form | coop | cooperative",
        "legal_form | vereniging | association",
        "legal_form | Stichting | foundation",
        "legal_form | BV | company",
        "legal_form | nv | company",
        "legal_form | geen | none",
        "legal_form | anders | other",
        "consultation | enquête | survey",
        "consultation | Enquete | survey",
        "consultation | bijeenkomst | meeting",
        "consultation | huisbezoek | home-visits",
        "consultation | huisbezoeken | home-visits",
        "consultation | home visits | home-visits",
        "employer | zelf | self",
        "employer | eigen | self",
        "employer | vrijwilliger | volunteer",
        "reports_to | bestuur | board",
        "reports_to | geen | none",
        "sector | gemeente | municipality",
        "sector | stadsdeel | district",
        "sector | overheid-overig | other-government",
        "sector | andere overheid | other-government",
        "sector | woningcorporatie | housing-corporation",
        "sector | corporatie | housing-corporation",
        "sector | welzijn | welfare",
        "sector | zorg | care",
        "sector | onderwijs | education",
        "sector | school | education",
        "sector | bedrijf | business",
        "sector | ondernemer | business",
        "sector | fonds | fund",
        "sector | bewonersorganisatie | residents-organisation",
        "sector | buurthuis | community-centre",
        "sector | coöperatie | cooperative",
        "sector | religieus | religious",
        "sector | anders | other",
        "sector | Housing_Corporation | housing-corporation",
        "role | opdrachtgever | client",
        "role | financier | funder",
        "role | uitvoeringspartner | delivery-partner",
        "role | huisvesting | housing",
        "role | doorverwijzer | referrer",
        "role | kennis | knowledge",
        "role | afnemer | customer",
        "role | anders | other",
        "commitment | idee | idea",
        "commitment | in-gesprek | in-talks",
        "commitment | in gesprek | in-talks",
        "commitment | intentieverklaring | letter-of-intent",
        "commitment | overeenkomst | agreement",
        "commitment | contract | agreement",
        "commitment | samenwerkingsovereenkomst | agreement",
        "group_type | bewonersorganisatie | residents-organisation",
        "group_type | buurthuis-zelfbeheer | self-managed-community-centre",
        "group_type | buurthuis in zelfbeheer | self-managed-community-centre",
        "group_type | Buurthuis_In_Zelfbeheer | self-managed-community-centre",
        "group_type | coöperatie | cooperative",
        "group_type | huurdersvereniging | tenants-association",
        "group_type | anders | other",
        "group_type | bewonersbedrijf | bewonersbedrijf",
        "relation | lid | member",
        "relation | mede-eigenaar | co-owner",
        "relation | gezamenlijke-uitvoering | joint-delivery",
        "relation | huisvesting | housing",
        "relation | doorverwijzing | referral",
        "theme | groen | green",
        "theme | schoonmaak | cleaning",
        "theme | buurtconciërge | caretaking",
        "theme | buurtconcierge | caretaking",
        "theme | wijkrestaurant | restaurant",
        "theme | klussen | odd-jobs",
        "theme | zorg-welzijn | care-welfare",
        "theme | energie | energy",
        "theme | ontmoeting | meeting-place",
        "theme | winkel | shop",
        "theme | verhuur | rental",
        "theme | vervoer | transport",
        "theme | anders | other",
        "revenue_type | maatschappelijke aanbesteding | social-tender",
        "revenue_type | Maatschappelijke_Aanbesteding | social-tender",
        "revenue_type | aanbesteding | social-tender",
        "revenue_type | uitdaagrecht | right-to-challenge",
        "revenue_type | right to challenge | right-to-challenge",
        "revenue_type | r2c | right-to-challenge",
        "revenue_type | gemeentelijke-opdracht | municipal-contract",
        "revenue_type | corporatie-opdracht | housing-contract",
        "revenue_type | verkoop | sales",
        "revenue_type | huur | rent",
        "revenue_type | verhuur | rent",
        "revenue_type | contributie | membership",
        "revenue_type | dienstverlening | service-fee",
        "revenue_type | subsidie | subsidy",
        "revenue_type | fonds | fund-grant",
        "revenue_type | fondsbijdrage | fund-grant",
        "revenue_type | gift | donation",
        "revenue_type | donatie | donation",
        "revenue_type | lening | loan",
        "revenue_type | investering | investment",
        "revenue_type | anders | other",
        "status | idee | idea",
        "status | in-gesprek | in-talks",
        "status | aangevraagd | applied",
        "status | intentieverklaring | letter-of-intent",
        "status | prognose | forecast",
        "status | overeenkomst | contract",
        "status | contract | contract",
        "status | gerealiseerd | realised",
        "asset_type | gebouw | building",
        "asset_type | grond | land",
        "asset_type | voertuig | vehicle",
        "asset_type | gereedschap | equipment",
        "asset_type | uitrusting | equipment",
        "asset_type | anders | other",
        "tenure | eigendom | ownership",
        "tenure | erfpacht | leasehold",
        "tenure | overdracht | community-transfer",
        "tenure | beheer | management",
        "tenure | zelfbeheer | self-management",
        "tenure | Zelfbeheer | self-management",
        "tenure | huur | rent",
        "tenure | bruikleen | loan",
        "tenure | incidenteel | occasional",
        "likelihood | laag | low",
        "likelihood | midden | medium",
        "likelihood | gemiddeld | medium",
        "likelihood | hoog | high",
        "impact | hoog | high",
        "indicator_theme | werk | work",
        "indicator_theme | participatie | participation",
        "indicator_theme | leefbaarheid | liveability",
        "indicator_theme | armoede | poverty",
        "indicator_theme | gezondheid | health",
        "indicator_theme | anders | other"
      })
  void dutchSynonymsReadAsTheCanonicalValue(String field, String written, String canonical) {
    Proposal p = readOk(place(field, written));
    assertThat(FIELDS.get(field).apply(p)).isEqualTo(canonical);
    // the canonical value itself, in capitals, reads the same
    Proposal q = readOk(place(field, canonical.toUpperCase(Locale.ROOT)));
    assertThat(FIELDS.get(field).apply(q)).isEqualTo(canonical);
  }

  @Test
  void overeenkomstIsAnAgreementAsCommitmentButAContractAsRevenueStatus() {
    Proposal p =
        readOk(
            """
            partners:
              - {name: P, sector: gemeente, commitment: overeenkomst}
            revenue:
              - {type: subsidie, status: overeenkomst, per_year: {2026: 1}}
            """);
    assertThat(p.partners().get(0).commitment()).isEqualTo("agreement");
    assertThat(p.revenue().get(0).status()).isEqualTo("contract");
  }

  @Test
  void accentsWrittenDecomposedOrPlainAreTheSameWord() {
    // U+006F U+0308: o followed by a combining diaeresis
    Proposal p = readOk("legal_form: \"Coo\u0308peratie\"\n");
    assertThat(p.legalForm()).isEqualTo("cooperative");
  }

  @Test
  void anUnknownValueIsAnErrorThatSaysWhereTheAllowedWordsAre() {
    String text = HEADER + "legal_form: bvba\n";
    ProposalReader.Result r = readRaw(text);
    Finding f = only(r, text, "schema/enum", "error", "legal_form:", "bvba");
    assertThat(f.path()).isEqualTo("legal_form");
    assertThat(f.args()).containsExactly("bvba", "legal_form", "legal_form");
    assertThat(f.message(nl.wijktoets.i18n.Language.EN))
        .endsWith("the allowed values are listed by wijktoets explain legal_form");
    assertThat(r.proposal().legalForm()).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // Booleans

  @ParameterizedTest
  @CsvSource({
    "true, true",
    "True, true",
    "TRUE, true",
    "false, false",
    "FALSE, false",
    "ja, true",
    "Ja, true",
    "JA, true",
    "nee, false",
    "NEE, false",
    "yes, true",
    "Yes, true",
    "no, false",
    "NO, false",
    "waar, true",
    "WAAR, true",
    "onwaar, false",
    "Onwaar, false",
    "'\"ja\"', true",
    "'\"false\"', false"
  })
  void booleansAsUsersWriteThem(String written, boolean expected) {
    Proposal p = readOk("governance:\n  members_meeting: " + written + "\n");
    assertThat(p.governance().membersMeeting()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "off", "y", "n", "Y", "ON", "1", "0", "si", "'jawel'"})
  void yaml11WordsAreNotBooleans(String written) {
    String text = HEADER + "governance:\n  members_meeting: " + written + "\n";
    ProposalReader.Result r = readRaw(text);
    Finding f = only(r, text, "schema/type", "error", "members_meeting:", ": " + written);
    assertThat(f.location().line()).isEqualTo(5);
    assertThat(f.path()).isEqualTo("governance.members_meeting");
    assertThat(r.proposal().governance().membersMeeting()).isNull();
  }

  @Test
  void aBooleanErrorInAListItemIsLocated() {
    String text =
        HEADER
            + """
            founders:
              - name: A
                lives_in_neighbourhood: ja
              - name: B
                lives_in_neighbourhood: y
            """;
    ProposalReader.Result r = readRaw(text);
    Finding f = only(r, text, "schema/type", "error", "lives_in_neighbourhood: y", ": y\n");
    assertThat(f.location().line()).isEqualTo(8);
    assertThat(f.path()).isEqualTo("founders[1].lives_in_neighbourhood");
    assertThat(r.proposal().founders().get(0).livesInNeighbourhood()).isTrue();
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers and amounts

  @Test
  void leadingZerosAreNotOctal() {
    Proposal p =
        readOk(
            """
            residents:
              involved: 012
            activities:
              - {name: A, current_cost: 012500}
            revenue:
              - {type: sales, status: idea, per_year: {2026: 012500}}
            """);
    assertThat(p.residents().involved()).isEqualTo(Fraction.of(12));
    assertThat(p.activities().get(0).currentCost()).isEqualTo(Fraction.of(12500));
    assertThat(p.revenue().get(0).perYear()).containsEntry(2026, Fraction.of(12500));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "€ 12.500,00 | 12500",
        "12,500.00 | 12500",
        "1.250 | 1250",
        "1,250 | 1250",
        "12,5 | 12.5",
        "12.5 | 12.5",
        "€ 20.000,- | 20000",
        "EUR 1 250 | 1250",
        "eur 1.250,50 | 1250.5",
        "€12.500 | 12500",
        "1.250.000,00 | 1250000",
        "1,250,000 | 1250000",
        "12 500 | 12500",
        "12500 | 12500",
        "0,5 | 0.5"
      })
  void amountsByShape(String written, String expected) {
    assertThat(Amounts.parse(written)).contains(Fraction.parse(expected));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "garbage",
        "",
        "€",
        "1.2345",
        "12 50",
        "1,2,3",
        "1.25.0",
        "twaalf",
        "12,5000",
        "0.500",
        "0,500",
        "12345.678",
        "1.234,567",
        "12,345.678",
        "0 500"
      })
  void garbageIsNoAmount(String written) {
    assertThat(Amounts.parse(written)).isEmpty();
  }

  @Test
  void aYamlNumberWithAPointBeforeThreeDigitsIsThousandsWithAWarning() {
    String text =
        HEADER + "revenue:\n  - type: sales\n    status: idea\n    per_year: {2026: 12.500}\n";
    ProposalReader.Result r = readRaw(text);
    assertThat(r.proposal().revenue().get(0).perYear()).containsEntry(2026, Fraction.of(12500));
    Finding f = only(r, text, "amount/dutch-thousands", "warning", "12.500");
    assertThat(f.location().line()).isEqualTo(7);
    assertThat(f.args()).containsExactly("12.500", "12500");
    assertThat(f.path()).isEqualTo("revenue[0].per_year.2026");
    assertThat(f.message(Language.NL)).contains("12500 euro").doesNotContain("decimal");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"0.500", "12345.678", "\"0.500\"", "'1.234,567'", ".250", "1000.000"})
  void anyOtherAmountWithThreeDecimalsIsAnError(String written) {
    String text = HEADER + "budget:\n  - year: 2026\n    costs: " + written + "\n";
    ProposalReader.Result r = readRaw(text);
    assertThat(r.proposal().budget().get(0).costs()).isNull();
    Finding f = only(r, text, "amount/unreadable", "error", written);
    assertThat(f.messageKey()).isEqualTo("finding.amount.three-decimals");
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hours_per_week: '12,5' | 12.5",
        "hours_per_week: 12,5 | 12.5",
        "hours_per_week: \"16.5\" | 16.5",
        "hours_per_week: '16' | 16"
      })
  void hoursWrittenAsTextAreReadWithAWarning(String line, String expected) {
    String text = HEADER + "governance:\n  connector:\n    " + line + "\n";
    ProposalReader.Result r = readRaw(text);
    assertThat(r.proposal().governance().connector().hoursPerWeek())
        .isEqualTo(Fraction.parse(expected));
    Finding f = only(r, text, "schema/number-text", "warning", line.substring(16).strip());
    assertThat(f.message(Language.EN)).contains("hours_per_week").contains(expected);
    assertThat(f.message(Language.NL)).contains(expected.replace('.', ','));
  }

  @Test
  void aCountWrittenAsTextIsReadWithAWarningButStaysWhole() {
    String text = HEADER + "residents:\n  involved: '12'\n  members: 12,5\n";
    ProposalReader.Result r = readRaw(text);
    assertThat(r.proposal().residents().involved()).isEqualTo(Fraction.of(12));
    assertThat(r.proposal().residents().members()).isNull();
    assertThat(located(r))
        .containsExactly(
            "schema/number-text warning " + loc(text, "'12'"),
            "schema/type error " + loc(text, "members"));
  }

  @Test
  void aStringAmountIsReadWithAWarning() {
    String text =
        HEADER
            + """
            activities:
              - name: A
                current_cost: "€ 12.500,00"
                proposed_price: '12,5'
            """;
    ProposalReader.Result r = readRaw(text);
    assertThat(r.proposal().activities().get(0).currentCost()).isEqualTo(Fraction.of(12500));
    assertThat(r.proposal().activities().get(0).proposedPrice()).isEqualTo(Fraction.of(25, 2));
    assertThat(located(r))
        .containsExactly(
            "amount/text warning " + loc(text, "\"€ 12.500,00\""),
            "amount/text warning " + loc(text, "'12,5'"));
    assertThat(located(r).get(0)).endsWith(" 6:19");
    assertThat(r.findings().get(0).args()).containsExactly("€ 12.500,00", "12500", "12500");
  }

  @Test
  void aNegativeAmountIsAnError() {
    String text =
        HEADER
            + """
            budget:
              - year: 2026
                costs: -100
            revenue:
              - {type: sales, status: idea, per_year: {2026: "-€ 5"}}
            """;
    ProposalReader.Result r = readRaw(text);
    assertThat(located(r))
        .containsExactly(
            "amount/negative error " + loc(text, "-100"),
            "amount/negative error " + loc(text, "\"-€ 5\""));
    assertThat(located(r).get(1)).endsWith(" 8:50");
    assertThat(r.proposal().budget().get(0).costs()).isNull();
    assertThat(r.proposal().revenue().get(0).perYear()).isEmpty();
  }

  @Test
  void anUnreadableAmountIsAnError() {
    String text = HEADER + "budget:\n  - {year: 2026, costs: veel}\n";
    Finding f = only(readRaw(text), text, "amount/unreadable", "error", "veel");
    assertThat(f.args()).containsExactly("veel");
  }

  // ---------------------------------------------------------------------------------------------
  // Municipality, years, version, keys

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Den Haag",
        "\"'s-Gravenhage\"",
        "The Hague",
        "Gemeente Den Haag",
        "gemeente den haag",
        "DEN HAAG",
        "\"Den  Haag\""
      })
  void municipalitySpellingsAreDenHaag(String written) {
    assertThat(readOk("municipality: " + written + "\n").municipality()).isEqualTo("Den Haag");
  }

  @Test
  void municipalityDefaultsToDenHaagAndOtherNamesStay() {
    assertThat(readOk("").municipality()).isEqualTo("Den Haag");
    assertThat(readOk("municipality: Gemeente Rotterdam\n").municipality()).isEqualTo("Rotterdam");
    assertThat(readOk("municipality: Delft\n").municipality()).isEqualTo("Delft");
  }

  @Test
  void yearKeysAsStringsOrNumbers() {
    Proposal p =
        readOk(
            """
            revenue:
              - {type: sales, status: idea, per_year: {"2026": 10, 2027: 20, '2028': 30}}
            budget:
              - {year: "2026", costs: 1}
              - {year: 2027, costs: 1}
            """);
    assertThat(p.revenue().get(0).perYear())
        .containsExactly(
            Map.entry(2026, Fraction.of(10)),
            Map.entry(2027, Fraction.of(20)),
            Map.entry(2028, Fraction.of(30)));
    assertThat(p.budget()).extracting(Proposal.BudgetLine::year).containsExactly(2026, 2027);
  }

  @Test
  void aYearKeyThatIsNoYearIsAnError() {
    String text = HEADER + "revenue:\n  - {type: sales, status: idea, per_year: {next year: 10}}\n";
    ProposalReader.Result r = readRaw(text);
    Finding f = only(r, text, "schema/type", "error", "next year");
    assertThat(f.args()).containsExactly("next year", "per_year");
    assertThat(r.proposal().revenue().get(0).perYear()).isEmpty();
  }

  @Test
  void theSameYearTwiceIsADuplicateKey() {
    String text =
        HEADER + "revenue:\n  - {type: sales, status: idea, per_year: {2026: 1, \"2026\": 2}}\n";
    Finding f = only(readRaw(text), text, "yaml/duplicate-key", "error", "\"2026\"");
    assertThat(f.location().column()).isEqualTo(53);
  }

  @Test
  void versionTwoIsAnError() {
    ProposalReader.Result r = readRaw("version: 2\nname: T\nneighbourhood: N\n");
    assertThat(located(r)).containsExactly("format/version error 1:10");
    assertThat(r.findings().get(0).args()).containsExactly("2", "1");
  }

  @Test
  void versionOneAsNumberOrText() {
    assertThat(readRaw("version: 1\nname: T\nneighbourhood: N\n").findings()).isEmpty();
    assertThat(readRaw("version: \"1\"\nname: T\nneighbourhood: N\n").findings()).isEmpty();
  }

  /** YAML 1.2: {@code 01} is the integer 1 (as {@code 012500} is 12500), so it is version 1. */
  @Test
  void versionWrittenWithALeadingZeroIsOne() {
    assertThat(readRaw("version: 01\nname: T\nneighbourhood: N\n").findings()).isEmpty();
  }

  @Test
  void anEmptyRequiredValueIsAnError() {
    ProposalReader.Result r = readRaw("version: 1\nname: ''\nneighbourhood: N\n");
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.isError()).isTrue();
              assertThat(f.path()).isEqualTo("name");
              assertThat(f.location().line()).isEqualTo(2);
            });
  }

  /** bug: the reader and the JSON Schema both report a missing required key. */
  @Test
  void aMissingRequiredKeyIsReportedOnce() {
    ProposalReader.Result noVersion = readRaw("name: T\nneighbourhood: N\n");
    assertThat(located(noVersion)).containsExactly("schema/required error 1:1");
    assertThat(noVersion.findings().get(0).args()).containsExactly("version");
    ProposalReader.Result noNeighbourhood = readRaw("version: 1\nname: T\n");
    assertThat(located(noNeighbourhood)).containsExactly("schema/required error 1:1");
    assertThat(noNeighbourhood.findings().get(0).args()).containsExactly("neighbourhood");
  }

  @Test
  void anUnknownKeyIsAWarningNamingTheNearestKey() {
    String text = HEADER + "partner:\n  - {name: P, sector: welfare}\n";
    ProposalReader.Result r = readRaw(text);
    Finding f = only(r, text, "schema/unknown-key", "warning", "partner:");
    assertThat(f.args()).containsExactly("partner", "partners");
    assertThat(f.message(Language.EN)).contains("partners");
    assertThat(r.proposal().partners()).isNull();
  }

  @Test
  void anUnknownKeyInAListItemNamesTheNearestKey() {
    String text =
        HEADER + "partners:\n  - name: P\n    sector: welfare\n    comitment: agreement\n";
    Finding f = only(readRaw(text), text, "schema/unknown-key", "warning", "comitment");
    assertThat(f.location().line()).isEqualTo(7);
    assertThat(f.args()).containsExactly("comitment", "commitment");
    assertThat(f.path()).isEqualTo("partners[0].comitment");
  }

  @Test
  void aMissingStatusIsAWarning() {
    String text = HEADER + "revenue:\n  - type: sales\n    per_year: {2026: 5}\n";
    Finding f = only(readRaw(text), text, "evidence/missing-status", "warning", "type: sales");
    assertThat(f.location().line()).isEqualTo(5);
  }

  @Test
  void anEmptyStatusIsMissingTooAndWarns() {
    // domain.md: "missing: 0.25 with a warning"; `status:` with no value is missing
    ProposalReader.Result r =
        read("revenue:\n  - type: sales\n    status:\n    per_year: {2026: 5}\n");
    assertThat(r.proposal().revenue().get(0).status()).isNull();
    assertThat(r.findings()).extracting(Finding::rule).contains("evidence/missing-status");
  }

  @Test
  void aYamlSyntaxErrorIsLocated() {
    ProposalReader.Result r = readRaw("version: 1\nname: [T\nneighbourhood: N\n");
    assertThat(r.proposal()).isNull();
    assertThat(r.findings()).hasSize(1);
    Finding f = r.findings().get(0);
    assertThat(f.rule()).isEqualTo("yaml/syntax");
    assertThat(f.isError()).isTrue();
    assertThat(f.location().line()).isEqualTo(2); // where the [ opens, not where it got stuck
    assertThat(f.format(Language.EN)).startsWith("p.yaml:2:7:");
  }

  @Test
  void founderNamesAndContactAreNotKept() {
    Proposal p =
        readOk(
            """
            founders:
              - {name: A. El Idrissi, lives_in_neighbourhood: true}
            contact:
              name: A. El Idrissi
              email: info@example.org
            """);
    assertThat(p.toString()).doesNotContain("El Idrissi", "info@example.org");
    assertThat(p.founders().get(0).livesInNeighbourhood()).isTrue();
  }

  // ---------------------------------------------------------------------------------------------
  // Encodings, limits and YAML features the format does not use

  @Test
  void aBomCrlfAndUtf16AreAccepted() throws IOException {
    String moerwijk = Files.readString(Path.of("examples/moerwijk.yaml"), StandardCharsets.UTF_8);
    Proposal plain = ProposalReader.read("m", moerwijk.getBytes(StandardCharsets.UTF_8)).proposal();
    for (byte[] bytes :
        List.of(
            ("\uFEFF" + moerwijk.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8),
            ("\uFEFF" + moerwijk).getBytes(StandardCharsets.UTF_16LE),
            ("\uFEFF" + moerwijk).getBytes(StandardCharsets.UTF_16BE))) {
      ProposalReader.Result r = ProposalReader.read("m", bytes);
      assertThat(r.findings()).isEmpty();
      assertThat(r.proposal().name()).isEqualTo("Buurtcoöperatie De Moerwijkse Handen U.A.");
      assertThat(r.proposal().revenue()).isEqualTo(plain.revenue());
    }
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorNamingTheirLine() {
    byte[] latin1 = (HEADER + "district: Esc\u00e1mp\n").getBytes(StandardCharsets.ISO_8859_1);
    ProposalReader.Result r = ProposalReader.read("p.yaml", latin1);
    assertThat(r.proposal()).isNull();
    assertThat(located(r)).containsExactly("encoding/not-utf8 error 4:14");
  }

  @Test
  void tabsForIndentationAreAnError() {
    ProposalReader.Result r = read("governance:\n\tmembers_meeting: true\n");
    assertThat(r.proposal()).isNull();
    assertThat(located(r)).containsExactly("yaml/tab-indent error 5:1");
  }

  @Test
  void aSecondDocumentIsAnError() {
    // the second document starts at its marker (line 4) or its first key (line 5)
    assertThat(located(read("---\nversion: 1\n")))
        .singleElement()
        .isIn("yaml/multi-document error 4:1", "yaml/multi-document error 5:1");
  }

  @Test
  void duplicateKeysAreAnError() {
    assertThat(located(read("district: A\ndistrict: B\n")))
        .containsExactly("yaml/duplicate-key error 5:1");
  }

  @Test
  void aliasesAreAnError() {
    assertThat(located(read("district: &d Escamp\nmission: *d\n")))
        .contains("yaml/alias error 5:10");
    assertThat(located(read("governance: &g\n  members_meeting: true\n")))
        .containsExactly("yaml/alias error 4:13");
  }

  /** product.md: "YAML anchors and aliases are an error", also an anchor on a plain value. */
  @Test
  void anAnchorOnAScalarIsAnError() {
    for (String value : List.of("&d Escamp", "&d 'Escamp'", "!!str &d Escamp")) {
      assertThat(located(read("district: " + value + "\n")))
          .as(value)
          .singleElement()
          .satisfies(l -> assertThat(l).startsWith("yaml/alias error 4:"));
    }
  }

  @Test
  void sizeLimitIsFiveMebibytes() {
    byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
    byte[] atLimit = new byte[5 * 1024 * 1024];
    Arrays.fill(atLimit, (byte) ' ');
    System.arraycopy(header, 0, atLimit, 0, header.length);
    assertThat(ProposalReader.read("p.yaml", atLimit).findings()).isEmpty();
    byte[] over = Arrays.copyOf(atLimit, atLimit.length + 1);
    over[over.length - 1] = ' ';
    ProposalReader.Result r = ProposalReader.read("p.yaml", over);
    assertThat(r.proposal()).isNull();
    assertThat(located(r)).containsExactly("limit/size error 1:1");
  }

  @Test
  void nestingDepthSixtyFourFromTheRootMapping() {
    // the root mapping is depth 1; 63 nested mappings under it reach depth 64
    String ok = HEADER + "mission: " + "{a: ".repeat(63) + "1" + "}".repeat(63) + "\n";
    assertThat(ProposalReader.read("p.yaml", ok.getBytes(StandardCharsets.UTF_8)).findings())
        .extracting(Finding::rule)
        .doesNotContain("limit/depth");
    String deep = HEADER + "mission: " + "{a: ".repeat(64) + "1" + "}".repeat(64) + "\n";
    ProposalReader.Result r = ProposalReader.read("p.yaml", deep.getBytes(StandardCharsets.UTF_8));
    assertThat(r.findings()).extracting(Finding::rule).containsExactly("limit/depth");
    assertThat(r.findings().get(0).location().line()).isEqualTo(4);
  }
}
