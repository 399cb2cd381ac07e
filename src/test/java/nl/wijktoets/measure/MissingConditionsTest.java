package nl.wijktoets.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.testutil.TestProposals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the next level still needs, one case per condition of every measure: a small proposal that
 * misses exactly that condition (and only it, unless the case says otherwise), its level, the
 * conditions named, and the condition's fields, value now and value needed.
 */
class MissingConditionsTest {

  /**
   * A proposal (YAML without the header) whose criterion is at {@code level} and misses exactly
   * {@code ids}; {@code condition} is checked in detail ({@code now}/{@code needed} as plain
   * decimals, words or yes/no; null for none).
   */
  record Case(
      String name,
      String criterion,
      String body,
      int level,
      List<String> ids,
      String condition,
      List<String> fields,
      String now,
      String needed,
      String about,
      boolean oneOf) {
    @Override
    public String toString() {
      return criterion + ": " + condition;
    }
  }

  static final List<Case> CASES =
      List.of(
          new Case(
              "publicTaskIncome",
              "public-task-revenue",
              "revenue:\n  - type: sales\n    status: contract\n    per_year: {2026: 1000}\n",
              0,
              List.of("public-task-income"),
              "public-task-income",
              List.of("revenue[].type", "revenue[].per_year"),
              null,
              null,
              null,
              false),
          new Case(
              "publicTaskShare",
              "public-task-revenue",
              "revenue:\n  - type: social-tender\n    status: contract\n    per_year: {2026: 50}\n  - type: sales\n    status: contract\n    per_year: {2026: 950}\n",
              1,
              List.of("public-task-share"),
              "public-task-share",
              List.of("revenue[0].per_year"),
              "0.05",
              "0.1",
              null,
              false),
          new Case(
              "publicTaskInTalks",
              "public-task-revenue",
              "revenue:\n  - type: social-tender\n    status: idea\n    per_year: {2026: 1200}\n  - type: sales\n    status: contract\n    per_year: {2026: 700}\n",
              2,
              List.of("public-task-in-talks"),
              "public-task-in-talks",
              List.of("revenue[0].status"),
              "idea",
              "in-talks",
              null,
              false),
          new Case(
              "publicTaskAgreement",
              "public-task-revenue",
              "revenue:\n  - type: social-tender\n    status: in-talks\n    per_year: {2026: 1000, 2027: 1000}\n  - type: sales\n    status: contract\n    per_year: {2026: 500, 2027: 500}\n",
              3,
              List.of("public-task-agreement"),
              "public-task-agreement",
              List.of("revenue[0].status"),
              "in-talks",
              "letter-of-intent",
              null,
              false),
          new Case(
              "publicTaskYears",
              "public-task-revenue",
              "revenue:\n  - type: social-tender\n    status: contract\n    per_year: {2026: 1000}\n  - type: sales\n    status: contract\n    per_year: {2026: 500, 2027: 500}\n",
              3,
              List.of("public-task-years"),
              "public-task-years",
              List.of("revenue[0].per_year"),
              "1",
              "2",
              null,
              false),
          new Case(
              "publicTaskActivity",
              "challenge-fit",
              "activities:\n  - name: Groen\n    public_task: false\n",
              0,
              List.of("public-task-activity"),
              "public-task-activity",
              List.of("activities[].public_task"),
              null,
              null,
              null,
              false),
          new Case(
              "currentProvider",
              "challenge-fit",
              "activities:\n  - name: Groen\n    public_task: true\n    current_cost: 100\n    proposed_price: 90\n    added_value: werk\n",
              3,
              List.of("current-provider"),
              "current-provider",
              List.of("activities[0].current_provider"),
              null,
              null,
              "Groen",
              false),
          new Case(
              "currentCost",
              "challenge-fit",
              "activities:\n  - name: Groen\n    public_task: true\n    current_provider: aannemer\n    added_value: werk\n",
              2,
              List.of("current-cost", "price-not-above-cost"),
              "current-cost",
              List.of("activities[0].current_cost"),
              null,
              null,
              "Groen",
              true),
          new Case(
              "priceNotAboveCost",
              "challenge-fit",
              "activities:\n  - name: Groen\n    public_task: true\n    current_provider: aannemer\n    current_cost: 100\n    proposed_price: 120\n    added_value: werk\n",
              3,
              List.of("price-not-above-cost"),
              "price-not-above-cost",
              List.of("activities[0].proposed_price"),
              "120",
              "100",
              "Groen",
              false),
          new Case(
              "addedValue",
              "challenge-fit",
              "activities:\n  - name: Groen\n    public_task: true\n    current_provider: aannemer\n    current_cost: 100\n    proposed_price: 90\n",
              3,
              List.of("added-value"),
              "added-value",
              List.of("activities[0].added_value", "activities[0].jobs_for_residents"),
              null,
              null,
              "Groen",
              false),
          new Case(
              "jobsSome",
              "jobs-for-residents",
              "employment_support:\n  guidance: true\n",
              0,
              List.of("jobs-some"),
              "jobs-some",
              List.of("employment[].residents_hired"),
              null,
              null,
              null,
              false),
          new Case(
              "jobsAverage",
              "jobs-for-residents",
              "employment:\n  - year: 2026\n    residents_hired: 4\n  - year: 2027\n    residents_hired: 4\nemployment_support:\n  guidance: true\n",
              2,
              List.of("jobs-average"),
              "jobs-average",
              List.of("employment[0].residents_hired", "employment[1].residents_hired"),
              "4",
              "6",
              null,
              false),
          new Case(
              "guidance",
              "jobs-for-residents",
              "employment:\n  - year: 2026\n    residents_hired: 7\n  - year: 2027\n    residents_hired: 7\n",
              2,
              List.of("guidance"),
              "guidance",
              List.of("employment_support.guidance"),
              null,
              "yes",
              null,
              false),
          new Case(
              "earnedShare",
              "earned-income-share",
              "revenue:\n  - type: sales\n    status: contract\n    per_year: {2026: 300}\n  - type: subsidy\n    status: contract\n    per_year: {2026: 700}\n",
              1,
              List.of("earned-share"),
              "earned-share",
              List.of("revenue[0].per_year"),
              "0.3",
              "0.4",
              null,
              false),
          new Case(
              "earnedInTalks",
              "earned-income-share",
              "revenue:\n  - type: sales\n    status: idea\n    per_year: {2026: 4000}\n  - type: subsidy\n    status: contract\n    per_year: {2026: 1000}\n",
              2,
              List.of("earned-in-talks"),
              "earned-in-talks",
              List.of("revenue[0].status"),
              "idea",
              "in-talks",
              null,
              false),
          new Case(
              "budgetLastYear",
              "financial-continuity",
              "revenue:\n  - type: sales\n    status: contract\n    per_year: {2026: 500}\n",
              0,
              List.of("budget-last-year"),
              "budget-last-year",
              List.of("budget"),
              null,
              null,
              null,
              false),
          new Case(
              "costCoverage",
              "financial-continuity",
              "budget:\n  - year: 2026\n    costs: 1000\nrevenue:\n  - type: sales\n    status: contract\n    per_year: {2026: 500}\n",
              1,
              List.of("cost-coverage"),
              "cost-coverage",
              List.of("revenue[].per_year.2026", "budget[].costs"),
              "0.5",
              "0.6",
              null,
              false),
          new Case(
              "threeYearBudget",
              "financial-continuity",
              "budget:\n  - year: 2026\n    costs: 1000\n  - year: 2027\n    costs: 1000\nrevenue:\n  - type: sales\n    status: contract\n    per_year: {2026: 1000, 2027: 1000}\n",
              3,
              List.of("three-year-budget"),
              "three-year-budget",
              List.of("budget"),
              "2",
              "3",
              null,
              false),
          new Case(
              "sectors",
              "cross-sector-partners",
              "partners:\n  - name: P0\n    sector: municipality\n    commitment: in-talks\n",
              1,
              List.of("sectors"),
              "sectors",
              List.of("partners"),
              "1",
              "2",
              null,
              false),
          new Case(
              "governmentPartner",
              "cross-sector-partners",
              "partners:\n  - name: P0\n    sector: business\n    commitment: in-talks\n  - name: P1\n    sector: welfare\n    commitment: in-talks\n  - name: P2\n    sector: education\n    commitment: in-talks\n  - name: P3\n    sector: municipality\n    commitment: idea\n",
              2,
              List.of("government-partner"),
              "government-partner",
              List.of("partners[3].commitment"),
              "idea",
              "in-talks",
              null,
              false),
          new Case(
              "municipalityPartner",
              "cross-sector-partners",
              "partners:\n  - name: P0\n    sector: other-government\n    commitment: in-talks\n  - name: P1\n    sector: business\n    commitment: in-talks\n  - name: P2\n    sector: welfare\n    commitment: in-talks\n  - name: P3\n    sector: education\n    commitment: in-talks\n",
              3,
              List.of("municipality-partner"),
              "municipality-partner",
              List.of("partners"),
              null,
              "in-talks",
              null,
              false),
          new Case(
              "housingOrBusinessPartner",
              "cross-sector-partners",
              "partners:\n  - name: P0\n    sector: municipality\n    commitment: in-talks\n  - name: P1\n    sector: welfare\n    commitment: in-talks\n  - name: P2\n    sector: education\n    commitment: in-talks\n  - name: P3\n    sector: care\n    commitment: in-talks\n",
              3,
              List.of("housing-or-business-partner"),
              "housing-or-business-partner",
              List.of("partners"),
              null,
              "in-talks",
              null,
              false),
          new Case(
              "partnersNamed",
              "partner-commitment",
              "stage: idea\n",
              0,
              List.of("partners-named"),
              "partners-named",
              List.of("partners"),
              null,
              null,
              null,
              false),
          new Case(
              "commitmentMean",
              "partner-commitment",
              "partners:\n  - name: P0\n    sector: welfare\n    commitment: in-talks\n  - name: P1\n    sector: care\n    commitment: idea\n",
              1,
              List.of("commitment-mean"),
              "commitment-mean",
              List.of("partners[0].commitment", "partners[1].commitment"),
              "0.375",
              "0.5",
              null,
              false),
          new Case(
              "connector",
              "connector",
              "stage: idea\n",
              0,
              List.of("connector"),
              "connector",
              List.of("governance.connector.role", "governance.connector.hours_per_week"),
              null,
              null,
              null,
              false),
          new Case(
              "connectorHours",
              "connector",
              "governance:\n  connector:\n    role: kwartiermaker\n    hours_per_week: 4\n",
              1,
              List.of("connector-hours"),
              "connector-hours",
              List.of("governance.connector.hours_per_week"),
              "4",
              "8",
              null,
              false),
          new Case(
              "connectorPaid",
              "connector",
              "governance:\n  connector:\n    role: kwartiermaker\n    hours_per_week: 20\n    paid: false\n",
              2,
              List.of("connector-paid"),
              "connector-paid",
              List.of("governance.connector.paid"),
              "no",
              "yes",
              null,
              false),
          new Case(
              "connectorPaidHours",
              "connector",
              "governance:\n  connector:\n    role: kwartiermaker\n    hours_per_week: 10\n    paid: true\n",
              2,
              List.of("connector-paid-hours"),
              "connector-paid-hours",
              List.of("governance.connector.hours_per_week"),
              "10",
              "16",
              null,
              false),
          new Case(
              "connectorEmployer",
              "connector",
              "governance:\n  connector:\n    role: kwartiermaker\n    hours_per_week: 16\n    paid: true\n    employer: partner\n    reports_to: board\n",
              3,
              List.of("connector-employer"),
              "connector-employer",
              List.of("governance.connector.employer"),
              "partner",
              "self",
              null,
              false),
          new Case(
              "connectorReportsToBoard",
              "connector",
              "governance:\n  connector:\n    role: kwartiermaker\n    hours_per_week: 16\n    paid: true\n    employer: zelf\n    reports_to: partner\n",
              3,
              List.of("connector-reports-to-board"),
              "connector-reports-to-board",
              List.of("governance.connector.reports_to"),
              "partner",
              "board",
              null,
              false),
          new Case(
              "founders",
              "resident-led-with-backing",
              "stage: idea\n",
              0,
              List.of("founders"),
              "founders",
              List.of("founders"),
              null,
              null,
              null,
              false),
          new Case(
              "founderResident",
              "resident-led-with-backing",
              "founders:\n  - name: F0\n    lives_in_neighbourhood: false\n",
              0,
              List.of("founder-resident"),
              "founder-resident",
              List.of("founders[0].lives_in_neighbourhood"),
              "no",
              "yes",
              null,
              false),
          new Case(
              "foundersMajority",
              "resident-led-with-backing",
              "founders:\n  - name: F0\n    lives_in_neighbourhood: true\n  - name: F1\n    lives_in_neighbourhood: false\n  - name: F2\n    lives_in_neighbourhood: false\n",
              1,
              List.of("founders-majority"),
              "founders-majority",
              List.of("founders[].lives_in_neighbourhood"),
              "0.333333",
              "0.5",
              null,
              false),
          new Case(
              "publicPartner",
              "resident-led-with-backing",
              "founders:\n  - name: F0\n    lives_in_neighbourhood: true\n  - name: F1\n    lives_in_neighbourhood: true\npartners:\n  - name: P0\n    sector: housing-corporation\n    commitment: idea\n",
              2,
              List.of("public-partner"),
              "public-partner",
              List.of("partners[0].commitment"),
              "idea",
              "in-talks",
              null,
              false),
          new Case(
              "publicPartnerAgreement",
              "resident-led-with-backing",
              "founders:\n  - name: F0\n    lives_in_neighbourhood: true\n  - name: F1\n    lives_in_neighbourhood: true\npartners:\n  - name: P0\n    sector: municipality\n    commitment: in-talks\n",
              3,
              List.of("public-partner-agreement"),
              "public-partner-agreement",
              List.of("partners[0].commitment"),
              "in-talks",
              "letter-of-intent",
              null,
              false),
          new Case(
              "income",
              "dependency-spread",
              "stage: idea\n",
              0,
              List.of("income"),
              "income",
              List.of("revenue"),
              null,
              null,
              null,
              false),
          new Case(
              "largestPayerShare",
              "dependency-spread",
              "revenue:\n  - type: sales\n    status: contract\n    counterparty: Bakkerij Zuid\n    per_year: {2026: 700}\n  - type: subsidy\n    status: contract\n    counterparty: Fonds West\n    per_year: {2026: 300}\n",
              1,
              List.of("largest-payer-share"),
              "largest-payer-share",
              List.of("revenue"),
              "0.7",
              "0.6",
              "Bakkerij Zuid",
              false),
          new Case(
              "board",
              "resident-governance",
              "stage: idea\n",
              0,
              List.of("board"),
              "board",
              List.of("governance.board"),
              null,
              null,
              null,
              false),
          new Case(
              "boardMajority",
              "resident-governance",
              "governance:\n  board:\n    - role: lid\n      resident: false\n    - role: lid\n      resident: false\n    - role: lid\n      resident: true\n",
              1,
              List.of("board-majority"),
              "board-majority",
              List.of("governance.board[].resident"),
              "0.333333",
              "0.5",
              null,
              false),
          new Case(
              "membersSay",
              "resident-governance",
              "governance:\n  board:\n    - role: lid\n      resident: true\n    - role: lid\n      resident: true\n",
              2,
              List.of("members-say"),
              "members-say",
              List.of("governance.members_meeting", "residents.members"),
              null,
              "25",
              null,
              false),
          new Case(
              "boardTwoThirds",
              "resident-governance",
              "governance:\n  board:\n    - role: lid\n      resident: true\n    - role: lid\n      resident: false\n  members_meeting: true\n  profit_reinvested: true\n",
              3,
              List.of("board-two-thirds"),
              "board-two-thirds",
              List.of("governance.board[].resident"),
              "0.5",
              "0.666667",
              null,
              false),
          new Case(
              "membersMeeting",
              "resident-governance",
              "governance:\n  board:\n    - role: lid\n      resident: true\n    - role: lid\n      resident: true\n  members_meeting: false\n  profit_reinvested: true\nresidents:\n  members: 30\n",
              3,
              List.of("members-meeting"),
              "members-meeting",
              List.of("governance.members_meeting"),
              "no",
              "yes",
              null,
              false),
          new Case(
              "profitReinvested",
              "resident-governance",
              "governance:\n  board:\n    - role: lid\n      resident: true\n    - role: lid\n      resident: true\n    - role: lid\n      resident: true\n  members_meeting: true\n",
              3,
              List.of("profit-reinvested"),
              "profit-reinvested",
              List.of("governance.profit_reinvested"),
              null,
              "yes",
              null,
              false),
          new Case(
              "groups",
              "resident-groups",
              "resident_groups:\n  - name: G0\n    type: residents-organisation\n    relation: member\n",
              1,
              List.of("groups"),
              "groups",
              List.of("resident_groups"),
              "1",
              "2",
              null,
              false),
          new Case(
              "groupTypes",
              "resident-groups",
              "resident_groups:\n  - name: G0\n    type: residents-organisation\n    relation: member\n  - name: G1\n    type: residents-organisation\n    relation: contact\n  - name: G2\n    type: residents-organisation\n    relation: contact\n",
              3,
              List.of("group-types"),
              "group-types",
              List.of("resident_groups[].type"),
              "1",
              "2",
              null,
              false),
          new Case(
              "closeTie",
              "resident-groups",
              "resident_groups:\n  - name: G0\n    type: residents-organisation\n    relation: contact\n  - name: G1\n    type: cooperative\n    relation: contact\n  - name: G2\n    type: residents-organisation\n    relation: referral\n",
              3,
              List.of("close-tie"),
              "close-tie",
              List.of("resident_groups[0].relation"),
              "contact",
              "member",
              null,
              false),
          new Case(
              "place",
              "community-assets",
              "stage: idea\n",
              0,
              List.of("place"),
              "place",
              List.of("assets"),
              null,
              null,
              null,
              false),
          new Case(
              "rentOrLoan",
              "community-assets",
              "assets:\n  - type: building\n    name: Buurthuis\n    tenure: occasional\n",
              1,
              List.of("rent-or-loan"),
              "rent-or-loan",
              List.of("assets[0].tenure"),
              "occasional",
              "rent",
              null,
              false),
          new Case(
              "longTermOrManagement",
              "community-assets",
              "assets:\n  - type: building\n    name: Buurthuis\n    tenure: rent\n    term_years: 2\n",
              2,
              List.of("long-term-or-management"),
              "long-term-or-management",
              List.of("assets[0].term_years"),
              "2",
              "5",
              null,
              false),
          new Case(
              "ownership",
              "community-assets",
              "assets:\n  - type: building\n    name: Buurthuis\n    tenure: self-management\n",
              3,
              List.of("ownership"),
              "ownership",
              List.of("assets[0].tenure"),
              "self-management",
              "ownership",
              null,
              false),
          new Case(
              "involved",
              "resident-involvement",
              "residents:\n  involved: 10\n  consultations:\n    - type: survey\n      participants: 10\n",
              1,
              List.of("involved"),
              "involved",
              List.of("residents.involved"),
              "10",
              "15",
              null,
              false),
          new Case(
              "consultation",
              "resident-involvement",
              "residents:\n  involved: 40\n",
              2,
              List.of("consultation"),
              "consultation",
              List.of("residents.consultations[].participants"),
              null,
              null,
              null,
              false),
          new Case(
              "participants",
              "resident-involvement",
              "residents:\n  involved: 80\n  consultations:\n    - type: survey\n      participants: 20\n",
              3,
              List.of("participants"),
              "participants",
              List.of("residents.consultations[].participants"),
              "20",
              "50",
              null,
              false),
          new Case(
              "indicators",
              "impact-measurement",
              "impact_indicators:\n  - name: I\n    theme: work\n    baseline: 0\n    target: 5\n    method: telling\n  - name: I\n    theme: health\n    baseline: 0\n    target: 5\n",
              1,
              List.of("indicators"),
              "indicators",
              List.of("impact_indicators[1].method"),
              "1",
              "2",
              null,
              false),
          new Case(
              "indicatorThemes",
              "impact-measurement",
              "impact_indicators:\n  - name: I\n    theme: work\n    baseline: 0\n    target: 5\n    method: telling\n  - name: I\n    theme: work\n    baseline: 0\n    target: 5\n    method: telling\n  - name: I\n    theme: work\n    baseline: 0\n    target: 5\n    method: telling\nrisks:\n  - description: r\n    mitigation: m\n",
              3,
              List.of("indicator-themes"),
              "indicator-themes",
              List.of("impact_indicators[].theme"),
              "1",
              "2",
              null,
              false),
          new Case(
              "riskMitigation",
              "impact-measurement",
              "impact_indicators:\n  - name: I\n    theme: work\n    baseline: 0\n    target: 5\n    method: telling\n  - name: I\n    theme: health\n    baseline: 0\n    target: 5\n    method: telling\n  - name: I\n    theme: work\n    baseline: 0\n    target: 5\n    method: telling\n",
              3,
              List.of("risk-mitigation"),
              "risk-mitigation",
              List.of("risks"),
              null,
              null,
              null,
              false));

  static Stream<Case> cases() {
    return CASES.stream();
  }

  /** A value as the test cases write it. */
  static String text(MeasuredValue v) {
    if (v == null) {
      return null;
    }
    return switch (v.kind()) {
      case TEXT -> (String) v.value();
      case YES_NO -> (Boolean) v.value() ? "yes" : "no";
      default -> v.fraction().toPlainString(6);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void namesExactlyTheMissingConditionWithItsFields(Case c) {
    assertThat(TestProposals.level(c.criterion(), c.body())).as("level").isEqualTo(c.level());
    Missing missing = TestProposals.missing(c.criterion(), c.body());
    assertThat(missing.gaps()).extracting(Gap::id).as("conditions").isEqualTo(c.ids());
    assertThat(missing.oneOf()).as("any one is enough").isEqualTo(c.oneOf());
    Gap gap = missing.gaps().stream().filter(g -> g.id().equals(c.condition())).findFirst().get();
    assertThat(gap.fields()).as("fields").isEqualTo(c.fields());
    assertThat(text(gap.now())).as("now").isEqualTo(c.now());
    assertThat(text(gap.needed())).as("needed").isEqualTo(c.needed());
    assertThat(gap.about()).as("about").isEqualTo(c.about());
  }

  @Test
  void everyConditionOfEveryMeasureHasACase() {
    Set<String> declared = new TreeSet<>();
    Measures.all().forEach(m -> declared.addAll(m.conditions()));
    Set<String> tested = new TreeSet<>();
    CASES.forEach(c -> tested.add(c.condition()));
    assertThat(tested).isEqualTo(declared);
    assertThat(declared).hasSize(56);
    // ids are unique across measures, so a JSON reader can key on them
    assertThat(Measures.all().stream().mapToInt(m -> m.conditions().size()).sum())
        .isEqualTo(declared.size());
  }

  @Test
  void levelFourMissesNothing() {
    assertThat(
            TestProposals.missing(
                "connector",
                "governance:\n  connector:\n    role: x\n    hours_per_week: 16\n    paid: true\n"
                    + "    employer: self\n    reports_to: board\n"))
        .isEqualTo(Missing.NONE);
  }

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        MissingConditionsTest.class.getResourceAsStream("/nl/wijktoets/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyConditionHasWordsInBothLanguagesAndAdviceInTheBuiltInRubric() throws IOException {
    Properties en = bundle("messages_en.properties");
    Properties nl = bundle("messages_nl.properties");
    for (Rubric.Criterion c : TestProposals.rubric().criteria().toList()) {
      for (String id : c.measure().conditions()) {
        assertThat(en.getProperty("condition." + id)).as("English words of " + id).isNotBlank();
        assertThat(nl.getProperty("condition." + id)).as("Dutch words of " + id).isNotBlank();
        for (Language lang : Language.values()) {
          assertThat(c.text(lang).adviceByCondition().get(id))
              .as("%s advice for %s in %s", c.id(), id, lang)
              .isNotBlank();
        }
      }
    }
  }
}
