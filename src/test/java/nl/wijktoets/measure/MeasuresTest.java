package nl.wijktoets.measure;

import static nl.wijktoets.testutil.TestProposals.level;
import static nl.wijktoets.testutil.TestProposals.measure;
import static nl.wijktoets.testutil.TestProposals.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.testutil.TestProposals;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each measure of the built-in rubric at its level boundaries, on small proposals. Thresholds are
 * exact: a value exactly at a boundary is on the side the rubric says.
 */
class MeasuresTest {

  @Test
  void everyCriterionOfTheBuiltInRubricHasItsMeasure() {
    List<String> ids = TestProposals.rubric().criteria().map(c -> c.id()).toList();
    assertThat(ids)
        .containsExactly(
            "public-task-revenue",
            "challenge-fit",
            "jobs-for-residents",
            "earned-income-share",
            "financial-continuity",
            "cross-sector-partners",
            "partner-commitment",
            "connector",
            "resident-led-with-backing",
            "dependency-spread",
            "resident-governance",
            "resident-groups",
            "community-assets",
            "resident-involvement",
            "impact-measurement");
    for (String id : ids) {
      Measure m = TestProposals.rubric().criterion(id).orElseThrow().measure();
      assertThat(Measures.byName(id)).as(id).containsSame(m);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class EvidenceFactorsAndReferenceYears {

    @ParameterizedTest
    @CsvSource({
      "idea, 1/4",
      "in-talks, 1/2",
      "applied, 1/2",
      "letter-of-intent, 3/4",
      "forecast, 3/4",
      "contract, 1",
      "realised, 1"
    })
    void statusFactors(String status, String e) {
      assertThat(EvidenceFactors.ofStatus(status)).isEqualTo(Fraction.parse(e));
    }

    @ParameterizedTest
    @CsvSource({"idea, 1/4", "in-talks, 1/2", "letter-of-intent, 3/4", "agreement, 1"})
    void commitmentFactors(String commitment, String e) {
      assertThat(EvidenceFactors.ofCommitment(commitment)).isEqualTo(Fraction.parse(e));
    }

    @Test
    void missingStatusOrCommitmentIsAnIdea() {
      assertThat(EvidenceFactors.ofStatus(null)).isEqualTo(Fraction.of(1, 4));
      assertThat(EvidenceFactors.ofCommitment(null)).isEqualTo(Fraction.of(1, 4));
    }

    @Test
    void budgetYearsFirstThreeAscendingALineWithoutCostsStillNamesAYear() {
      Proposal p =
          read(
              """
              budget:
                - {year: 2029, costs: 100}
                - {year: 2027}
                - {year: 2026, costs: 100}
                - {year: 2028, costs: 100}
              revenue:
                - {type: sales, status: contract, per_year: {2020: 5, 2030: 5}}
              """);
      Finances f = new Finances(p);
      assertThat(f.years()).containsExactly(2026, 2027, 2028);
      assertThat(f.yearsSource()).isEqualTo(Finances.YearsSource.BUDGET);
      assertThat(f.lastYear()).isEqualTo(2028);
    }

    @Test
    void withoutBudgetTheUnionOfRevenueYears() {
      Proposal p =
          read(
              """
              budget: []
              revenue:
                - {type: sales, status: contract, per_year: {2031: 1, 2029: 1}}
                - {type: loan, status: contract, per_year: {2027: 1}}
                - {type: subsidy, status: contract, per_year: {2030: 1, 2029: 1}}
              """);
      Finances f = new Finances(p);
      assertThat(f.years()).containsExactly(2027, 2029, 2030);
      assertThat(f.yearsSource()).isEqualTo(Finances.YearsSource.REVENUE);
    }

    @Test
    void noYearsAtAllTheMoneyCriteriaScoreZeroWithAWarning() {
      String body =
          """
          revenue:
            - {type: social-tender, counterparty: X, status: contract}
          budget: []
          """;
      Finances f = new Finances(read(body));
      assertThat(f.years()).isEmpty();
      assertThat(f.yearsSource()).isEqualTo(Finances.YearsSource.NONE);
      assertThat(f.income()).isEqualTo(Fraction.ZERO);
      var outcome = TestProposals.assess(body);
      assertThat(outcome.warnings()).extracting(x -> x.rule()).contains("money/no-years");
      var a = outcome.assessment();
      for (String id :
          List.of(
              "public-task-revenue",
              "earned-income-share",
              "financial-continuity",
              "dependency-spread")) {
        assertThat(a.criterion(id).orElseThrow().level()).as(id).isZero();
      }
    }

    @Test
    void meanDividesByTheNumberOfReferenceYearsAMissingYearCountsZero() {
      Proposal p =
          read(
              """
              budget: [{year: 2026, costs: 1}, {year: 2027, costs: 1}, {year: 2028, costs: 1}]
              revenue:
                - {type: sales, status: forecast, per_year: {2026: 300, 2030: 999}}
                - {type: loan, status: contract, per_year: {2026: 3000}}
                - {type: investment, status: contract, per_year: {2026: 3000}}
              """);
      Finances f = new Finances(p);
      Proposal.Revenue sales = p.revenue().get(0);
      assertThat(f.mean(sales)).isEqualTo(Fraction.of(100));
      assertThat(f.weightedMean(sales)).isEqualTo(Fraction.of(75));
      // loan and investment are not income
      assertThat(f.income()).isEqualTo(Fraction.of(75));
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class PublicTaskRevenue {

    /** One public-task line P and one subsidy G in both years 2026-2027, all under contract. */
    private String twoYears(String pStatus, String p, String g) {
      return """
          budget: [{year: 2026, costs: 1}, {year: 2027, costs: 1}]
          revenue:
            - {type: social-tender, counterparty: Stadsdeel, status: %s, per_year: {2026: %s, 2027: %s}}
            - {type: subsidy, counterparty: Fonds, status: contract, per_year: {2026: %s, 2027: %s}}
          """
          .formatted(pStatus, p, p, g, g);
    }

    @ParameterizedTest(name = "P {0} / G {1} -> level {2}")
    @CsvSource({
      "0, 100, 0",
      "1, 99, 1",
      "999, 9001, 1",
      "10, 90, 2", // s = 0.10 exactly
      "1999, 8001, 2",
      "20, 80, 3", // s = 0.20 exactly
      "3499, 6501, 3",
      "35, 65, 4", // s = 0.35 exactly, a contract with amounts in two years
      "100, 0, 4"
    })
    void shareBoundaries(String p, String g, int expected) {
      assertThat(level("public-task-revenue", twoYears("contract", p, g))).isEqualTo(expected);
    }

    @Test
    void noIncomeAtAllIsLevelZero() {
      assertThat(
              level(
                  "public-task-revenue",
                  """
                  budget: [{year: 2026, costs: 1}]
                  revenue:
                    - {type: loan, counterparty: Bank, status: contract, per_year: {2026: 5000}}
                  """))
          .isZero();
    }

    @ParameterizedTest
    @CsvSource({
      "letter-of-intent, 4",
      "contract, 4",
      "realised, 4",
      "forecast, 3", // E = 3/4 but not a level-4 status
      "applied, 3",
      "in-talks, 3"
    })
    void levelFourNeedsAStrongStatus(String status, int expected) {
      // amounts chosen so the weighted share is at least 0.35 whatever E is
      assertThat(level("public-task-revenue", twoYears(status, "1000", "10"))).isEqualTo(expected);
    }

    @Test
    void levelFourNeedsAmountsInAtLeastTwoReferenceYears() {
      String oneYear =
          """
          budget: [{year: 2026, costs: 1}, {year: 2027, costs: 1}]
          revenue:
            - {type: right-to-challenge, counterparty: X, status: contract, per_year: {2026: 70, 2030: 70}}
            - {type: subsidy, counterparty: Y, status: contract, per_year: {2026: 65, 2027: 65}}
          """;
      // A(P) = 35, A(G) = 65: s = 0.35 exactly, but the contract has an amount in one year of Y
      MeasureResult r = measure("public-task-revenue", oneYear);
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(35, 100));
      assertThat(r.level()).isEqualTo(3);
      String twoYearsZeroInOne =
          """
          budget: [{year: 2026, costs: 1}, {year: 2027, costs: 1}]
          revenue:
            - {type: municipal-contract, counterparty: X, status: contract, per_year: {2026: 70, 2027: 0}}
            - {type: subsidy, counterparty: Y, status: contract, per_year: {2026: 65, 2027: 65}}
          """;
      assertThat(level("public-task-revenue", twoYearsZeroInOne)).isEqualTo(3);
    }

    @Test
    void evidenceCapAppliesWhenNoPublicLineReachesHalf() {
      // P idea (E 1/4): Aw = 100 of I = 200, s = 0.5 would be level 3
      MeasureResult r = measure("public-task-revenue", twoYears("idea", "400", "100"));
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(1, 2));
      assertThat(r.level()).isEqualTo(2);
      assertThat(r.uncappedLevel()).isEqualTo(3);
      assertThat(r.cap()).isEqualTo("evidence");
    }

    @Test
    void evidenceFactorOfExactlyOneHalfLiftsTheCap() {
      // in-talks is E = 0.5: E >= 0.5 includes it
      MeasureResult r = measure("public-task-revenue", twoYears("in-talks", "200", "100"));
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(1, 2));
      assertThat(r.level()).isEqualTo(3);
      assertThat(r.cap()).isNull();
    }

    @Test
    void anInTalksLineLiftsTheCapForAllPublicLinesButAnIdeaLineDoesNot() {
      String withInTalks =
          """
          budget: [{year: 2026, costs: 1}]
          revenue:
            - {type: social-tender, counterparty: A, status: idea, per_year: {2026: 4000}}
            - {type: housing-contract, counterparty: B, status: in-talks, per_year: {2026: 2}}
            - {type: subsidy, counterparty: C, status: contract, per_year: {2026: 1000}}
          """;
      assertThat(level("public-task-revenue", withInTalks)).isEqualTo(3);
      String withIdea = withInTalks.replace("status: in-talks", "status: idea");
      MeasureResult capped = measure("public-task-revenue", withIdea);
      assertThat(capped.level()).isEqualTo(2);
      assertThat(capped.cap()).isEqualTo("evidence");
    }

    @Test
    void anEvidencedLineWithoutAnAmountInTheReferenceYearsDoesNotLiftTheCap() {
      String body =
          """
          budget: [{year: 2026, costs: 1}]
          revenue:
            - {type: social-tender, counterparty: A, status: idea, per_year: {2026: 4000}}
            - {type: social-tender, counterparty: B, status: contract, per_year: {2029: 9000}}
            - {type: subsidy, counterparty: C, status: contract, per_year: {2026: 1000}}
          """;
      MeasureResult r = measure("public-task-revenue", body);
      assertThat(r.level()).isEqualTo(2);
      assertThat(r.cap()).isEqualTo("evidence");
    }

    @Test
    void missingStatusCountsAsAnIdea() {
      String body =
          """
          budget: [{year: 2026, costs: 1}]
          revenue:
            - {type: social-tender, counterparty: A, per_year: {2026: 400}}
            - {type: subsidy, counterparty: C, status: contract, per_year: {2026: 100}}
          """;
      MeasureResult r = measure("public-task-revenue", body);
      assertThat(r.values().get("public_income").fraction()).isEqualTo(Fraction.of(100));
      assertThat(r.level()).isEqualTo(2);
      assertThat(r.cap()).isEqualTo("evidence");
    }

    @Test
    void withOneReferenceYearLevelFourIsOutOfReach() {
      String body =
          """
          budget: [{year: 2026, costs: 1}]
          revenue:
            - {type: right-to-challenge, counterparty: A, status: contract, per_year: {2026: 500, 2027: 500}}
          """;
      MeasureResult r = measure("public-task-revenue", body);
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.ONE);
      assertThat(r.level()).isEqualTo(3);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class ChallengeFit {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "'public_task: true, current_provider: X, current_cost: 100, proposed_price: 100, jobs_for_residents: 1' | 4",
          "'public_task: true, current_provider: X, current_cost: 100, proposed_price: 101, added_value: more' | 3",
          "'public_task: true, current_provider: X, proposed_price: 50, added_value: more' | 2",
          "'public_task: true, current_cost: 100, proposed_price: 90' | 2",
          "'public_task: true, jobs_for_residents: 2' | 1",
          "'public_task: true, jobs_for_residents: 0' | 0",
          "'public_task: true, current_provider: \"  \"' | 0",
          "'public_task: false, current_provider: X, current_cost: 100, proposed_price: 90, added_value: y' | 0",
          "'current_provider: X, current_cost: 100, proposed_price: 90, added_value: y' | 0"
        })
    void countsTheFourChecks(String activity, int expected) {
      assertThat(level("challenge-fit", "activities:\n  - {" + activity + "}\n"))
          .isEqualTo(expected);
    }

    @Test
    void theBestActivityCounts() {
      String body =
          """
          activities:
            - {public_task: true, added_value: more}
            - {public_task: true, current_provider: X, current_cost: 10, proposed_price: 9}
            - {public_task: true, current_provider: X}
          """;
      assertThat(level("challenge-fit", body)).isEqualTo(3);
      assertThat(level("challenge-fit", "activities: []\n")).isZero();
      assertThat(level("challenge-fit", "")).isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class JobsForResidents {

    private String oneYear(String hired, String entry, String guidance) {
      return """
          budget: [{year: 2026, costs: 1}]
          employment:
            - {year: 2026, residents_hired: %s, entry_jobs: %s}
          employment_support: {guidance: %s}
          """
          .formatted(hired, entry, guidance);
    }

    @ParameterizedTest(name = "hired {0} + entry {1}/2 -> {2}")
    @CsvSource({
      "0, 0, 0",
      "1, 0, 1",
      "2, 1, 1", // J = 2.5
      "3, 0, 2", // J = 3 exactly
      "2, 2, 2", // J = 2 + 2/2 = 3
      "5, 1, 2", // 5.5
      "6, 0, 3",
      "5, 2, 3",
      "9, 1, 3", // 9.5
      "10, 0, 4",
      "9, 2, 4",
      "0, 20, 4"
    })
    void boundariesWithGuidance(String hired, String entry, int expected) {
      assertThat(level("jobs-for-residents", oneYear(hired, entry, "true"))).isEqualTo(expected);
    }

    @Test
    void atMostTwoWithoutGuidance() {
      MeasureResult r = measure("jobs-for-residents", oneYear("10", "0", "false"));
      assertThat(r.level()).isEqualTo(2);
      assertThat(r.uncappedLevel()).isEqualTo(4);
      assertThat(r.cap()).isEqualTo("no-guidance");
      String noSupport =
          """
          budget: [{year: 2026, costs: 1}]
          employment: [{year: 2026, residents_hired: 7}]
          """;
      assertThat(level("jobs-for-residents", noSupport)).isEqualTo(2);
      assertThat(level("jobs-for-residents", oneYear("1", "0", "false"))).isEqualTo(1);
    }

    @Test
    void aReferenceYearWithoutAnEmploymentLineCountsZero() {
      String body =
          """
          budget: [{year: 2026, costs: 1}, {year: 2027, costs: 1}, {year: 2028, costs: 1}]
          employment:
            - {year: 2026, residents_hired: 9}
            - {year: 2029, residents_hired: 100}
          employment_support: {guidance: true}
          """;
      MeasureResult r = measure("jobs-for-residents", body);
      assertThat(r.values().get("jobs").fraction()).isEqualTo(Fraction.of(3));
      assertThat(r.level()).isEqualTo(2);
    }

    @Test
    void withoutReferenceYearsTheFirstThreeEmploymentYears() {
      String body =
          """
          employment:
            - {year: 2033, residents_hired: 100}
            - {year: 2031, residents_hired: 6}
            - {year: 2030, residents_hired: 3}
            - {year: 2032, residents_hired: 9}
          employment_support: {guidance: true}
          """;
      MeasureResult r = measure("jobs-for-residents", body);
      assertThat(r.values().get("jobs").fraction()).isEqualTo(Fraction.of(6));
      assertThat(r.level()).isEqualTo(3);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class EarnedIncomeShare {

    private String split(String tStatus, String t, String g) {
      return """
          budget: [{year: 2026, costs: 1}]
          revenue:
            - {type: sales, counterparty: various, status: %s, per_year: {2026: %s}}
            - {type: fund-grant, counterparty: F, status: contract, per_year: {2026: %s}}
          """
          .formatted(tStatus, t, g);
    }

    @ParameterizedTest(name = "T {0} / G {1} -> {2}")
    @CsvSource({
      "0, 100, 0",
      "2499, 7501, 0",
      "25, 75, 1",
      "3999, 6001, 1",
      "40, 60, 2",
      "4999, 5001, 2",
      "50, 50, 3",
      "7499, 2501, 3",
      "75, 25, 4",
      "100, 0, 4"
    })
    void shareBoundaries(String t, String g, int expected) {
      assertThat(level("earned-income-share", split("contract", t, g))).isEqualTo(expected);
    }

    @Test
    void noIncomeIsZero() {
      assertThat(level("earned-income-share", "budget: [{year: 2026, costs: 1}]\n")).isZero();
    }

    @Test
    void evidenceCap() {
      // idea: Aw(T) = 750 of 850 -> s >= 0.75 -> would be 4
      MeasureResult capped = measure("earned-income-share", split("idea", "3000", "100"));
      assertThat(capped.level()).isEqualTo(2);
      assertThat(capped.uncappedLevel()).isEqualTo(4);
      assertThat(capped.cap()).isEqualTo("evidence");
      assertThat(level("earned-income-share", split("in-talks", "3000", "100"))).isEqualTo(4);
      assertThat(level("earned-income-share", split("applied", "3000", "100"))).isEqualTo(4);
    }

    @Test
    void publicTaskLinesAreEarnedAndLoansAreNotIncome() {
      String body =
          """
          budget: [{year: 2026, costs: 1}]
          revenue:
            - {type: housing-contract, counterparty: C, status: contract, per_year: {2026: 30}}
            - {type: membership, counterparty: various, status: contract, per_year: {2026: 10}}
            - {type: donation, counterparty: various, status: contract, per_year: {2026: 60}}
            - {type: loan, counterparty: Bank, status: contract, per_year: {2026: 1000}}
          """;
      MeasureResult r = measure("earned-income-share", body);
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(2, 5));
      assertThat(r.level()).isEqualTo(2);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class FinancialContinuity {

    private String threeYears(String status, String lastYearAmount) {
      return """
          budget: [{year: 2026, costs: 100}, {year: 2027, costs: 100}, {year: 2028, costs: 100}]
          revenue:
            - {type: subsidy, counterparty: G, status: %s, per_year: {2026: 999, 2028: %s}}
          """
          .formatted(status, lastYearAmount);
    }

    @ParameterizedTest(name = "c = {0}/100 -> {1}")
    @CsvSource({
      "0, 1",
      "59.99, 1",
      "60, 2", // c = 0.6 exactly
      "89.99, 2",
      "90, 3", // 0.9
      "99.99, 3",
      "100, 4", // 1.0 with three years
      "250, 4"
    })
    void coverageBoundaries(String amount, int expected) {
      assertThat(level("financial-continuity", threeYears("contract", amount))).isEqualTo(expected);
    }

    @Test
    void coverageIsWeightedByEvidence() {
      // 80 at letter-of-intent counts 60: c = 0.6
      MeasureResult r = measure("financial-continuity", threeYears("letter-of-intent", "80"));
      assertThat(r.values().get("coverage").fraction()).isEqualTo(Fraction.of(3, 5));
      assertThat(r.level()).isEqualTo(2);
    }

    @Test
    void fullCoverageWithFewerThanThreeYearsIsThree() {
      String body =
          """
          budget: [{year: 2026, costs: 100}, {year: 2027, costs: 100}]
          revenue:
            - {type: sales, counterparty: various, status: realised, per_year: {2027: 100}}
          """;
      assertThat(level("financial-continuity", body)).isEqualTo(3);
    }

    @Test
    void onlyTheLastReferenceYearAndOnlyIncomeCount() {
      String body =
          """
          budget:
            - {year: 2026, costs: 100}
            - {year: 2027, costs: 100}
            - {year: 2028, costs: 200}
            - {year: 2029, costs: 1}
          revenue:
            - {type: subsidy, counterparty: G, status: contract, per_year: {2028: 100, 2029: 900}}
            - {type: loan, counterparty: B, status: contract, per_year: {2028: 900}}
            - {type: investment, counterparty: B, status: contract, per_year: {2028: 900}}
          """;
      MeasureResult r = measure("financial-continuity", body);
      assertThat(r.values().get("coverage").fraction()).isEqualTo(Fraction.of(1, 2));
      assertThat(r.values().get("year").fraction()).isEqualTo(Fraction.of(2028));
      assertThat(r.level()).isEqualTo(1);
    }

    @Test
    void noBudgetForTheLastYearIsZero() {
      String withoutCosts =
          """
          budget: [{year: 2026, costs: 100}, {year: 2027}]
          revenue:
            - {type: subsidy, counterparty: G, status: contract, per_year: {2026: 500, 2027: 500}}
          """;
      assertThat(level("financial-continuity", withoutCosts)).isZero();
      String noBudget =
          """
          revenue:
            - {type: subsidy, counterparty: G, status: contract, per_year: {2026: 500}}
          """;
      assertThat(level("financial-continuity", noBudget)).isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class CrossSectorPartners {

    private String partners(String... sectorCommitment) {
      StringBuilder sb = new StringBuilder("partners:\n");
      for (String sc : sectorCommitment) {
        String[] p = sc.split(":");
        sb.append("  - {name: P, sector: ")
            .append(p[0])
            .append(", commitment: ")
            .append(p[1])
            .append("}\n");
      }
      return sb.toString();
    }

    @Test
    void municipalityAndDistrictCountAsOneSector() {
      MeasureResult r =
          measure(
              "cross-sector-partners",
              partners(
                  "municipality:agreement",
                  "district:agreement",
                  "housing-corporation:agreement",
                  "business:agreement"));
      assertThat(r.values().get("sectors").fraction()).isEqualTo(Fraction.of(3));
      assertThat(r.level()).isEqualTo(3);
      assertThat(
              level(
                  "cross-sector-partners", partners("municipality:agreement", "district:in-talks")))
          .isEqualTo(1);
    }

    @Test
    void levelFourNeedsFourSectorsWithGovernmentAndHousingOrBusiness() {
      assertThat(
              level(
                  "cross-sector-partners",
                  partners(
                      "district:in-talks",
                      "housing-corporation:letter-of-intent",
                      "welfare:in-talks",
                      "education:agreement")))
          .isEqualTo(4);
      assertThat(
              level(
                  "cross-sector-partners",
                  partners(
                      "municipality:agreement",
                      "business:agreement",
                      "welfare:agreement",
                      "fund:agreement")))
          .isEqualTo(4);
      // other-government is not municipality or district
      assertThat(
              level(
                  "cross-sector-partners",
                  partners(
                      "other-government:agreement",
                      "housing-corporation:agreement",
                      "welfare:agreement",
                      "fund:agreement")))
          .isEqualTo(3);
      // no housing corporation or business
      assertThat(
              level(
                  "cross-sector-partners",
                  partners(
                      "municipality:agreement",
                      "care:agreement",
                      "welfare:agreement",
                      "fund:agreement")))
          .isEqualTo(3);
    }

    @Test
    void onlyPartnersWithCommitmentOfAtLeastOneHalfCount() {
      assertThat(
              level(
                  "cross-sector-partners",
                  partners(
                      "municipality:in-talks",
                      "housing-corporation:idea",
                      "welfare:in-talks",
                      "education:idea")))
          .isEqualTo(2);
      assertThat(level("cross-sector-partners", partners("municipality:idea"))).isZero();
      assertThat(level("cross-sector-partners", "partners: []\n")).isZero();
    }

    @Test
    void atMostTwoWithoutGovernment() {
      MeasureResult r =
          measure(
              "cross-sector-partners",
              partners(
                  "welfare:agreement",
                  "fund:agreement",
                  "religious:agreement",
                  "business:agreement",
                  "housing-corporation:agreement"));
      assertThat(r.level()).isEqualTo(2);
      assertThat(r.uncappedLevel()).isEqualTo(3);
      assertThat(r.cap()).isEqualTo("no-government");
      // a government partner only at idea does not count as government
      assertThat(
              level(
                  "cross-sector-partners",
                  partners(
                      "welfare:agreement",
                      "fund:agreement",
                      "religious:agreement",
                      "municipality:idea")))
          .isEqualTo(2);
      // other-government lifts the cap
      assertThat(
              level(
                  "cross-sector-partners",
                  partners("welfare:agreement", "fund:agreement", "other-government:in-talks")))
          .isEqualTo(3);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class PartnerCommitment {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "idea,idea,idea | 1", // 1/4 -> floor(1)
          "in-talks,idea,idea | 1", // 1/3 -> floor(4/3)
          "agreement,idea,idea | 2", // 1/2 -> exactly 2
          "in-talks,in-talks,in-talks | 2",
          "agreement,in-talks,in-talks | 2", // 2/3 -> floor(8/3)
          "agreement,agreement,idea | 3", // 9/4 / 3 = 3/4 -> exactly 3
          "letter-of-intent,letter-of-intent,letter-of-intent | 3",
          "agreement,agreement,letter-of-intent | 3", // 11/12 -> floor(11/3)
          "agreement,agreement,agreement | 4",
          "agreement | 4",
          "idea | 1"
        })
    void floorOfFourTimesTheExactMean(String commitments, int expected) {
      StringBuilder sb = new StringBuilder("partners:\n");
      for (String c : commitments.split(",")) {
        sb.append("  - {name: P, sector: welfare, commitment: ").append(c).append("}\n");
      }
      assertThat(level("partner-commitment", sb.toString())).isEqualTo(expected);
    }

    @Test
    void noPartnersIsZeroAndAMissingCommitmentIsAnIdea() {
      assertThat(level("partner-commitment", "")).isZero();
      assertThat(level("partner-commitment", "partners: []\n")).isZero();
      String body =
          """
          partners:
            - {name: A, sector: welfare, commitment: agreement}
            - {name: B, sector: welfare}
          """;
      // (1 + 1/4) / 2 = 5/8 -> floor(2.5) = 2
      assertThat(level("partner-commitment", body)).isEqualTo(2);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class Connector {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "'paid: true, employer: self, reports_to: board' | 0", // no role and no hours: absent
          "'role: kwartiermaker' | 1",
          "'hours_per_week: 7.5' | 1",
          "'hours_per_week: 8' | 2",
          "'role: x, hours_per_week: 15.5, paid: true' | 2",
          "'role: x, hours_per_week: 16, paid: false, employer: self, reports_to: board' | 2",
          "'role: x, hours_per_week: 16, paid: true' | 3",
          "'role: x, hours_per_week: 16, paid: true, employer: partner, reports_to: board' | 3",
          "'role: x, hours_per_week: 16, paid: true, employer: self, reports_to: partner' | 3",
          "'role: x, hours_per_week: 16, paid: true, employer: self, reports_to: board' | 4",
          "'hours_per_week: 40, paid: true, employer: self, reports_to: board' | 4"
        })
    void levels(String connector, int expected) {
      assertThat(level("connector", "governance:\n  connector: {" + connector + "}\n"))
          .isEqualTo(expected);
    }

    @Test
    void absent() {
      assertThat(level("connector", "")).isZero();
      assertThat(level("connector", "governance:\n  members_meeting: true\n")).isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class ResidentLedWithBacking {

    private String founders(int living, int notLiving) {
      StringBuilder sb = new StringBuilder("founders:\n");
      for (int i = 0; i < living; i++) {
        sb.append("  - {name: F").append(i).append(", lives_in_neighbourhood: true}\n");
      }
      for (int i = 0; i < notLiving; i++) {
        sb.append("  - {name: G").append(i).append(", lives_in_neighbourhood: false}\n");
      }
      return sb.toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "municipality:in-talks | 3",
          "district:in-talks | 3",
          "other-government:in-talks | 3",
          "housing-corporation:in-talks | 3",
          "municipality:letter-of-intent | 4",
          "housing-corporation:agreement | 4",
          "municipality:idea | 2",
          "welfare:agreement | 2", // not a public partner: bottom-up only
          "municipality:idea,district:in-talks | 3", // the best public partner counts
          "district:in-talks,housing-corporation:letter-of-intent | 4"
        })
    void majorityOfResidentFoundersWithPublicBacking(String partners, int expected) {
      StringBuilder sb = new StringBuilder(founders(2, 2)); // f = 1/2 exactly
      sb.append("partners:\n");
      for (String sc : partners.split(",")) {
        String[] p = sc.split(":");
        sb.append("  - {name: P, sector: ")
            .append(p[0])
            .append(", commitment: ")
            .append(p[1])
            .append("}\n");
      }
      assertThat(level("resident-led-with-backing", sb.toString())).isEqualTo(expected);
    }

    @Test
    void founderShare() {
      String partner = "partners: [{name: G, sector: municipality, commitment: agreement}]\n";
      assertThat(level("resident-led-with-backing", founders(0, 2) + partner)).isZero();
      assertThat(level("resident-led-with-backing", founders(1, 2) + partner)).isEqualTo(1);
      assertThat(level("resident-led-with-backing", founders(2, 2) + partner)).isEqualTo(4);
      assertThat(level("resident-led-with-backing", founders(2, 0))).isEqualTo(2);
      assertThat(level("resident-led-with-backing", partner)).isZero();
      // unknown residence does not count as living in the neighbourhood
      String unknown =
          "founders: [{name: A}, {name: B, lives_in_neighbourhood: true}, {name: C}]\n";
      assertThat(level("resident-led-with-backing", unknown + partner)).isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class DependencySpread {

    private String payers(String... counterpartyAmount) {
      StringBuilder sb = new StringBuilder("budget: [{year: 2026, costs: 1}]\nrevenue:\n");
      for (String ca : counterpartyAmount) {
        int colon = ca.lastIndexOf(':');
        sb.append("  - {type: sales, counterparty: ")
            .append(ca, 0, colon)
            .append(", status: contract, per_year: {2026: ")
            .append(ca.substring(colon + 1))
            .append("}}\n");
      }
      return sb.toString();
    }

    @ParameterizedTest(name = "largest payer {0}% -> {1}")
    @CsvSource({
      "100, 0", "81, 0", "80, 1", // m = 0.80 is not above 0.80
      "61, 1", "60, 2", "46, 2", "45, 3", "31, 3", "30, 4", "10, 4"
    })
    void boundariesAreStrictlyAbove(int share, int expected) {
      String body =
          share == 100
              ? payers("Klant A:100")
              : payers("Klant A:" + share, "various:" + (100 - share));
      MeasureResult r = measure("dependency-spread", body);
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(share, 100));
      assertThat(r.level()).isEqualTo(expected);
    }

    @Test
    void noIncomeIsZero() {
      assertThat(level("dependency-spread", "budget: [{year: 2026, costs: 1}]\n")).isZero();
    }

    @Test
    void theMunicipalityIsOnePayerInAllItsSpellings() {
      MeasureResult r =
          measure(
              "dependency-spread",
              payers(
                  "Stadsdeel Escamp:20",
                  "Gemeente Den Haag:20",
                  "\"'s-Gravenhage\":20",
                  "various:40"));
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(3, 5));
      assertThat(r.level()).isEqualTo(2);
      MeasureResult r2 =
          measure(
              "dependency-spread",
              payers("The Hague:16", "Municipality of The Hague:15", "DEN HAAG:15", "divers:54"));
      assertThat(r2.values().get("share").fraction()).isEqualTo(Fraction.of(46, 100));
      assertThat(r2.level()).isEqualTo(2);
    }

    @Test
    void haagsAndHaagWonenAreNotTheMunicipality() {
      MeasureResult r =
          measure(
              "dependency-spread",
              payers("Haags Buurtfonds:35", "Haag Wonen:35", "Gemeente Den Haag:30"));
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(35, 100));
      assertThat(r.level()).isEqualTo(3);
    }

    @Test
    void manySmallPayersNeverConcentrate() {
      String body =
          """
          budget: [{year: 2026, costs: 1}]
          revenue:
            - {type: sales, counterparty: various, status: contract, per_year: {2026: 50}}
            - {type: sales, counterparty: Divers, status: contract, per_year: {2026: 20}}
            - {type: sales, counterparty: DIVERSEN, status: contract, per_year: {2026: 10}}
            - {type: sales, counterparty: '', status: contract, per_year: {2026: 10}}
            - {type: sales, status: contract, per_year: {2026: 10}}
          """;
      MeasureResult r = measure("dependency-spread", body);
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.ZERO);
      assertThat(r.level()).isEqualTo(4);
    }

    @Test
    void theSamePayerCountsOnceWhateverItsCaseAndSpacing() {
      MeasureResult r =
          measure(
              "dependency-spread",
              payers("Fonds Zuidwest:30", "fonds  ZUIDWEST :31", "various:39"));
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(61, 100));
      assertThat(r.level()).isEqualTo(1);
    }

    @Test
    void sharesAreWeightedAndLoansAreNotIncome() {
      String body =
          """
          budget: [{year: 2026, costs: 1}]
          revenue:
            - {type: subsidy, counterparty: Fonds A, status: idea, per_year: {2026: 400}}
            - {type: sales, counterparty: various, status: contract, per_year: {2026: 100}}
            - {type: loan, counterparty: Bank, status: contract, per_year: {2026: 100000}}
          """;
      // Aw(A) = 100 of I = 200
      MeasureResult r = measure("dependency-spread", body);
      assertThat(r.values().get("share").fraction()).isEqualTo(Fraction.of(1, 2));
      assertThat(r.level()).isEqualTo(2);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class ResidentGovernance {

    private String board(int residents, int others, String extra) {
      StringBuilder sb = new StringBuilder("governance:\n  board:\n");
      for (int i = 0; i < residents; i++) {
        sb.append("    - {role: r, resident: true}\n");
      }
      for (int i = 0; i < others; i++) {
        sb.append("    - {role: o, resident: false}\n");
      }
      sb.append(extra);
      return sb.toString();
    }

    @ParameterizedTest(name = "{0} of {0}+{1} residents, {2} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "1 | 2 | '' | 1",
          "1 | 2 | '  members_meeting: true\\n  profit_reinvested: true\\n' | 1",
          "0 | 3 | '' | 1",
          "1 | 1 | '' | 2", // r = 1/2 exactly
          "1 | 1 | '  members_meeting: true\\n' | 3",
          "1 | 1 | '  members_meeting: true\\n  profit_reinvested: true\\n' | 3", // 1/2 < 2/3
          "3 | 2 | '  members_meeting: true\\n  profit_reinvested: true\\n' | 3", // 3/5 < 2/3
          "2 | 1 | '  members_meeting: true\\n  profit_reinvested: true\\n' | 4", // r = 2/3 exactly
          "2 | 1 | '  members_meeting: true\\n  profit_reinvested: false\\n' | 3",
          "2 | 1 | '  members_meeting: false\\n  profit_reinvested: true\\n' | 2",
          "4 | 0 | '  members_meeting: true\\n  profit_reinvested: true\\n' | 4"
        })
    void boundaries(int residents, int others, String extra, int expected) {
      assertThat(level("resident-governance", board(residents, others, extra.replace("\\n", "\n"))))
          .isEqualTo(expected);
    }

    @Test
    void twentyFiveMembersStandInForAMembersMeeting() {
      String members25 = "residents:\n  members: 25\n";
      String members24 = "residents:\n  members: 24\n";
      assertThat(level("resident-governance", board(1, 1, "") + members25)).isEqualTo(3);
      assertThat(level("resident-governance", board(1, 1, "") + members24)).isEqualTo(2);
      // members do not replace the meeting for level 4
      assertThat(
              level(
                  "resident-governance",
                  board(3, 0, "  profit_reinvested: true\n") + "residents:\n  members: 500\n"))
          .isEqualTo(3);
    }

    @Test
    void noBoardIsZero() {
      assertThat(level("resident-governance", "")).isZero();
      assertThat(
              level(
                  "resident-governance",
                  "governance:\n  board: []\n  members_meeting: true\n  profit_reinvested: true\n"))
          .isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class ResidentGroups {

    @Test
    void namesAreComparedWithoutCaseAccentsOrExtraSpaces() {
      String body =
          """
          resident_groups:
            - {name: Bewonersorganisatie Moerwijk-Oost, type: residents-organisation, relation: member}
            - {name: "  BEWONERSORGANISATIE   moerwijk-oost ", type: cooperative, relation: member}
            - {name: Bewonersörganisatie Moerwijk-Oost, type: other, relation: member}
            - {name: "Bewonersorganisatie\\tMoerwijk-Oost", type: other, relation: member}
          """;
      MeasureResult r = measure("resident-groups", body);
      assertThat(r.values().get("groups").fraction()).isEqualTo(Fraction.ONE);
      assertThat(r.level()).isEqualTo(1);
      String cafe =
          """
          resident_groups:
            - {name: "Café De Buurt", type: other}
            - {name: "cafe\u0301 de buurt", type: other}
            - {name: "CAFE DE BUURT", type: other}
          """;
      assertThat(level("resident-groups", cafe)).isEqualTo(1);
    }

    @Test
    void unnamedGroupsCountEachOnTheirOwn() {
      String body =
          """
          resident_groups:
            - {type: residents-organisation, relation: member}
            - {name: '', type: cooperative}
            - {name: A, type: cooperative}
          """;
      MeasureResult r = measure("resident-groups", body);
      assertThat(r.values().get("groups").fraction()).isEqualTo(Fraction.of(3));
      assertThat(r.level()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "A:residents-organisation:member,B:cooperative:contact,C:other:referral | 4",
          "A:residents-organisation:co-owner,B:cooperative:contact,C:other:referral | 4",
          "A:residents-organisation:joint-delivery,B:cooperative:contact,C:other:referral | 4",
          "A:other:member,B:other:member,C:other:member | 3", // one type
          "A:residents-organisation:housing,B:cooperative:contact,C:other:referral | 3",
          "A:residents-organisation:member,B:cooperative:member | 2",
          "A:residents-organisation:member | 1",
          "A:bewonersbedrijf:member,B:tenants-association:member,C:self-managed-community-centre:member,D:other:member | 4"
        })
    void levels(String groups, int expected) {
      StringBuilder sb = new StringBuilder("resident_groups:\n");
      for (String g : groups.split(",")) {
        String[] p = g.split(":");
        sb.append("  - {name: ")
            .append(p[0])
            .append(", type: ")
            .append(p[1])
            .append(", relation: ")
            .append(p[2])
            .append("}\n");
      }
      assertThat(level("resident-groups", sb.toString())).isEqualTo(expected);
    }

    @Test
    void none() {
      assertThat(level("resident-groups", "resident_groups: []\n")).isZero();
      assertThat(level("resident-groups", "")).isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class CommunityAssets {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "'type: building, tenure: occasional' | 1",
          "'type: building, tenure: rent' | 2",
          "'type: building, tenure: rent, term_years: 4.99' | 2",
          "'type: building, tenure: rent, term_years: 5' | 3",
          "'type: land, tenure: loan, term_years: 4.99' | 2",
          "'type: land, tenure: loan, term_years: 5' | 3",
          "'type: building, tenure: loan, term_years: 30' | 3",
          "'type: building, tenure: management' | 3",
          "'type: building, tenure: self-management' | 3",
          "'type: building, tenure: ownership' | 4",
          "'type: land, tenure: leasehold' | 4",
          "'type: building, tenure: community-transfer' | 4",
          "'type: vehicle, tenure: ownership' | 0",
          "'type: equipment, tenure: ownership' | 0",
          "'type: building' | 0"
        })
    void tenures(String asset, int expected) {
      assertThat(level("community-assets", "assets:\n  - {" + asset + "}\n")).isEqualTo(expected);
    }

    @Test
    void theBestBuildingOrLandCounts() {
      String body =
          """
          assets:
            - {type: vehicle, tenure: ownership}
            - {type: building, tenure: rent, term_years: 2}
            - {type: land, tenure: self-management}
            - {type: building, tenure: occasional}
          """;
      assertThat(level("community-assets", body)).isEqualTo(3);
      assertThat(level("community-assets", "")).isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class ResidentInvolvement {

    @ParameterizedTest(name = "n {0}, c {1} -> {2}")
    @CsvSource({
      "0, 100, 0",
      "4, 100, 0",
      "5, 100, 1",
      "14, 100, 1",
      "15, 100, 2",
      "29, 100, 2",
      "30, 100, 3",
      "74, 100, 3",
      "75, 100, 4",
      "75, 50, 4",
      "75, 49, 3", // at most 3 when c < 50
      "75, 1, 3",
      "75, 0, 2", // at most 2 without consultation participants
      "30, 0, 2",
      "30, 1, 3",
      "15, 0, 2",
      "5, 0, 1"
    })
    void boundariesAndCaps(int n, int c, int expected) {
      String body =
          """
          residents:
            involved: %d
            consultations:
              - {type: survey, participants: %d}
          """
              .formatted(n, c);
      assertThat(level("resident-involvement", body)).isEqualTo(expected);
    }

    @Test
    void participantsAddUpOverConsultations() {
      String body =
          """
          residents:
            involved: 100
            consultations:
              - {type: survey, participants: 25}
              - {type: meeting, participants: 25}
              - {type: online}
          """;
      MeasureResult r = measure("resident-involvement", body);
      assertThat(r.values().get("participants").fraction()).isEqualTo(Fraction.of(50));
      assertThat(r.level()).isEqualTo(4);
      MeasureResult capped = measure("resident-involvement", "residents:\n  involved: 100\n");
      assertThat(capped.level()).isEqualTo(2);
      assertThat(capped.uncappedLevel()).isEqualTo(4);
      assertThat(level("resident-involvement", "")).isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class ImpactMeasurement {

    private String indicators(String mitigation, String... themes) {
      StringBuilder sb = new StringBuilder("impact_indicators:\n");
      for (String t : themes) {
        sb.append("  - {name: I, theme: ")
            .append(t)
            .append(", baseline: 0, target: 10, method: count}\n");
      }
      if (mitigation != null) {
        sb.append("risks:\n  - {description: R, mitigation: ").append(mitigation).append("}\n");
      }
      return sb.toString();
    }

    @Test
    void levels() {
      assertThat(level("impact-measurement", indicators("plan B", "work", "poverty", "work")))
          .isEqualTo(4);
      assertThat(
              level(
                  "impact-measurement",
                  indicators("plan B", "health", "liveability", "participation")))
          .isEqualTo(4);
      assertThat(level("impact-measurement", indicators("plan B", "work", "work", "work")))
          .isEqualTo(3); // one theme
      assertThat(level("impact-measurement", indicators("plan B", "work", "other", "other")))
          .isEqualTo(3); // other is not one of the five themes
      assertThat(level("impact-measurement", indicators(null, "work", "poverty", "health")))
          .isEqualTo(3); // no mitigation
      assertThat(level("impact-measurement", indicators("''", "work", "poverty", "health")))
          .isEqualTo(3); // an empty mitigation is none
      assertThat(level("impact-measurement", indicators("plan B", "work", "poverty"))).isEqualTo(2);
      assertThat(level("impact-measurement", indicators("plan B", "work"))).isEqualTo(1);
      assertThat(level("impact-measurement", "")).isZero();
    }

    @Test
    void onlyCompleteIndicatorsCountAndOnlyTheirThemes() {
      String body =
          """
          impact_indicators:
            - {name: A, theme: work, baseline: 0, target: 5, method: records}
            - {name: B, theme: work, baseline: onbekend, target: 5, method: records}
            - {name: C, theme: work, baseline: 1.5, target: 5, method: survey}
            - {name: D, theme: poverty, baseline: 0, target: 5}
            - {name: E, theme: health, target: 5, method: survey}
            - {name: F, theme: health, baseline: 0, method: survey}
          risks:
            - {description: R, mitigation: plan B}
          """;
      MeasureResult r = measure("impact-measurement", body);
      assertThat(r.values().get("indicators").fraction()).isEqualTo(Fraction.of(3));
      assertThat(r.values().get("themes").fraction()).isEqualTo(Fraction.ONE);
      assertThat(r.level()).isEqualTo(3);
    }
  }
}
