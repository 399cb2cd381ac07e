package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.SourceLocation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The mapping of one flat CSV row to a format-1 proposal, and its per-row errors. */
class FlatRowTest {

  static final Map<String, Integer> INDEX = index();

  private static Map<String, Integer> index() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < FlatRow.COLUMNS.size(); i++) {
      m.put(FlatRow.COLUMNS.get(i), i);
    }
    return Map.copyOf(m);
  }

  /** Cells from column/value pairs, with name and neighbourhood filled in unless given. */
  static Map<String, String> row(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("name", "Buurtbedrijf");
    m.put("neighbourhood", "Moerwijk");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static Proposal map(Map<String, String> cells) throws RowException {
    return FlatRow.toProposal(cells, INDEX, "list.csv:7", 7, 2027);
  }

  static RowException error(Map<String, String> cells) {
    RowException e = catchThrowableOfType(RowException.class, () -> map(cells));
    assertThat(e).as("a RowException for %s", cells).isNotNull();
    return e;
  }

  @Test
  void onlyNameAndNeighbourhood() throws Exception {
    Proposal p = map(row());
    assertThat(p.name()).isEqualTo("Buurtbedrijf");
    assertThat(p.neighbourhood()).isEqualTo("Moerwijk");
    assertThat(p.municipality()).isEqualTo("Den Haag");
    assertThat(p.file()).isEqualTo("list.csv:7");
    assertThat(p.language()).isNull();
    assertThat(p.stage()).isNull();
    assertThat(p.founders()).isNull();
    assertThat(p.residents()).isNull();
    assertThat(p.governance()).isNull();
    assertThat(p.partners()).isNull();
    assertThat(p.residentGroups()).isNull();
    assertThat(p.activities()).isNull();
    assertThat(p.revenue()).isNull();
    assertThat(p.budget()).isNull();
    assertThat(p.employment()).isNull();
    assertThat(p.employmentSupport()).isNull();
    assertThat(p.assets()).isNull();
    assertThat(p.risks()).isNull();
    assertThat(p.impactIndicators()).isNull();
    assertThat(p.waivers()).isNull();
    assertThat(p.locate("name"))
        .contains(new SourceLocation("list.csv:7", 7, FlatRow.COLUMNS.indexOf("name") + 1));
    assertThat(p.hasBlock("founders")).isFalse();
  }

  @Test
  void emptyAndBlankCellsMeanNotGiven() throws Exception {
    Proposal p =
        map(
            row(
                "founders", "",
                "founders_resident", "  ",
                "revenue", " ",
                "costs", "",
                "connector_hours", "",
                "municipality", " ",
                "stage", ""));
    assertThat(p.founders()).isNull();
    assertThat(p.revenue()).isNull();
    assertThat(p.budget()).isNull();
    assertThat(p.governance()).isNull();
    assertThat(p.municipality()).isEqualTo("Den Haag");
    assertThat(p.stage()).isNull();
  }

  @Test
  void fullRowMapsByTheDocumentedRule() throws Exception {
    Proposal p =
        map(
            row(
                "id", "ZW-001",
                "district", "Escamp",
                "municipality", "'s-Gravenhage",
                "language", "en",
                "stage", "founding",
                "legal_form", "cooperative",
                "founders", "5",
                "founders_resident", "4",
                "residents_involved", "40",
                "members", "120",
                "consultation_participants", "85",
                "board_seats", "3",
                "board_resident_seats", "2",
                "members_meeting", "yes",
                "profit_reinvested", "no",
                "connector_hours", "24",
                "connector_paid", "yes",
                "connector_employer", "self",
                "connector_reports_to", "board",
                "partners", "district:agreement; business:in-talks;welfare",
                "resident_groups", "residents-organisation:joint-delivery; cooperative",
                "public_task_provider", "aannemer",
                "public_task_current_cost", "90000",
                "public_task_price", "84000",
                "public_task_jobs", "6",
                "revenue",
                    "right-to-challenge:84000:contract:Stadsdeel Escamp; sales:30000:forecast",
                "costs", "170000",
                "first_year", "2030",
                "plan_years", "3",
                "residents_hired", "7",
                "entry_jobs", "2",
                "guidance", "yes",
                "asset_tenure", "self-management",
                "asset_term_years", "10",
                "impact_indicators", "5",
                "impact_themes", "work; liveability",
                "risk_mitigated", "yes"));
    assertThat(p.municipality()).isEqualTo("Den Haag");
    assertThat(p.district()).isEqualTo("Escamp");
    assertThat(p.language()).isEqualTo(Language.EN);
    assertThat(p.stage()).isEqualTo("founding");
    assertThat(p.legalForm()).isEqualTo("cooperative");

    assertThat(p.founders()).hasSize(5);
    assertThat(p.founders())
        .extracting(Proposal.Founder::livesInNeighbourhood)
        .containsExactly(true, true, true, true, false);

    assertThat(p.residents().involved()).isEqualTo(Fraction.of(40));
    assertThat(p.residents().members()).isEqualTo(Fraction.of(120));
    assertThat(p.residents().consultations()).hasSize(1);
    assertThat(p.residents().consultations().get(0).type()).isEqualTo("other");
    assertThat(p.residents().consultations().get(0).participants()).isEqualTo(Fraction.of(85));

    Proposal.Governance g = p.governance();
    assertThat(g.board())
        .extracting(Proposal.BoardMember::resident)
        .containsExactly(true, true, false);
    assertThat(g.membersMeeting()).isTrue();
    assertThat(g.profitReinvested()).isFalse();
    assertThat(g.connector().hoursPerWeek()).isEqualTo(Fraction.of(24));
    assertThat(g.connector().paid()).isTrue();
    assertThat(g.connector().employer()).isEqualTo("self");
    assertThat(g.connector().reportsTo()).isEqualTo("board");

    assertThat(p.partners())
        .extracting(Proposal.Partner::name, Proposal.Partner::sector, Proposal.Partner::commitment)
        .containsExactly(
            Tuple.tuple("partner 1", "district", "agreement"),
            Tuple.tuple("partner 2", "business", "in-talks"),
            Tuple.tuple("partner 3", "welfare", null));
    assertThat(p.residentGroups())
        .extracting(
            Proposal.ResidentGroup::name,
            Proposal.ResidentGroup::type,
            Proposal.ResidentGroup::relation)
        .containsExactly(
            Tuple.tuple("resident group 1", "residents-organisation", "joint-delivery"),
            Tuple.tuple("resident group 2", "cooperative", null));

    assertThat(p.activities()).hasSize(1);
    Proposal.Activity a = p.activities().get(0);
    assertThat(a.name()).isEqualTo("public task");
    assertThat(a.publicTask()).isTrue();
    assertThat(a.currentProvider()).isEqualTo("aannemer");
    assertThat(a.currentCost()).isEqualTo(Fraction.of(90000));
    assertThat(a.proposedPrice()).isEqualTo(Fraction.of(84000));
    assertThat(a.jobsForResidents()).isEqualTo(Fraction.of(6));

    assertThat(p.revenue()).hasSize(2);
    Proposal.Revenue r2c = p.revenue().get(0);
    assertThat(r2c.source()).isEqualTo("right-to-challenge");
    assertThat(r2c.type()).isEqualTo("right-to-challenge");
    assertThat(r2c.status()).isEqualTo("contract");
    assertThat(r2c.counterparty()).isEqualTo("Stadsdeel Escamp");
    assertThat(r2c.perYear())
        .containsExactly(
            Map.entry(2030, Fraction.of(84000)),
            Map.entry(2031, Fraction.of(84000)),
            Map.entry(2032, Fraction.of(84000)));
    assertThat(p.revenue().get(1).counterparty()).isNull();
    assertThat(p.revenue().get(1).perYear()).containsOnlyKeys(2030, 2031, 2032);

    assertThat(p.budget())
        .extracting(Proposal.BudgetLine::year, Proposal.BudgetLine::costs)
        .containsExactly(
            Tuple.tuple(2030, Fraction.of(170000)),
            Tuple.tuple(2031, Fraction.of(170000)),
            Tuple.tuple(2032, Fraction.of(170000)));
    assertThat(p.employment())
        .extracting(
            Proposal.EmploymentLine::year,
            Proposal.EmploymentLine::residentsHired,
            Proposal.EmploymentLine::entryJobs)
        .containsExactly(
            Tuple.tuple(2030, Fraction.of(7), Fraction.of(2)),
            Tuple.tuple(2031, Fraction.of(7), Fraction.of(2)),
            Tuple.tuple(2032, Fraction.of(7), Fraction.of(2)));
    assertThat(p.employmentSupport().guidance()).isTrue();

    assertThat(p.assets()).hasSize(1);
    assertThat(p.assets().get(0).type()).isEqualTo("building");
    assertThat(p.assets().get(0).name()).isEqualTo("main building");
    assertThat(p.assets().get(0).tenure()).isEqualTo("self-management");
    assertThat(p.assets().get(0).termYears()).isEqualTo(Fraction.of(10));

    assertThat(p.impactIndicators()).hasSize(5);
    assertThat(p.impactIndicators())
        .extracting(Proposal.ImpactIndicator::theme)
        .containsExactly("work", "liveability", "work", "liveability", "work");
    assertThat(p.impactIndicators())
        .allSatisfy(
            i -> {
              assertThat(i.baseline()).isEqualTo("0");
              assertThat(i.target()).isEqualTo("1");
              assertThat(i.method()).isNotBlank();
            });

    assertThat(p.risks()).hasSize(1);
    assertThat(p.risks().get(0).mitigation()).isNotBlank();
    assertThat(p.locate("revenue"))
        .contains(new SourceLocation("list.csv:7", 7, FlatRow.COLUMNS.indexOf("revenue") + 1));
  }

  @Test
  void dutchNumbersAmountsAndWords() throws Exception {
    Proposal p =
        map(
            row(
                "municipality", "Gemeente Den Haag",
                "stage", "In oprichting",
                "legal_form", "Coöperatie U.A.",
                "members_meeting", "JA",
                "profit_reinvested", "nee",
                "connector_hours", "16,5",
                "connector_paid", "waar",
                "connector_employer", "vrijwilliger",
                "connector_reports_to", "bestuur",
                "partners", "stadsdeel:overeenkomst; Woningcorporatie:Intentieverklaring",
                "revenue",
                    "uitdaagrecht:72.000:overeenkomst; verkoop:72000,50:prognose:divers;"
                        + " subsidie:€ 12.500,00:contract:Gemeente Den Haag",
                "costs", "100.000",
                "asset_tenure", "zelfbeheer",
                "asset_term_years", "2,5",
                "impact_indicators", "2",
                "impact_themes", "werk; leefbaarheid",
                "risk_mitigated", "nee"));
    assertThat(p.municipality()).isEqualTo("Den Haag");
    assertThat(p.stage()).isEqualTo("founding");
    assertThat(p.legalForm()).isEqualTo("cooperative");
    assertThat(p.governance().membersMeeting()).isTrue();
    assertThat(p.governance().profitReinvested()).isFalse();
    assertThat(p.governance().connector().hoursPerWeek()).isEqualTo(Fraction.of(33, 2));
    assertThat(p.governance().connector().paid()).isTrue();
    assertThat(p.governance().connector().employer()).isEqualTo("volunteer");
    assertThat(p.governance().connector().reportsTo()).isEqualTo("board");
    assertThat(p.partners())
        .extracting(Proposal.Partner::sector, Proposal.Partner::commitment)
        .containsExactly(
            Tuple.tuple("district", "agreement"),
            Tuple.tuple("housing-corporation", "letter-of-intent"));
    assertThat(p.revenue())
        .extracting(Proposal.Revenue::type, Proposal.Revenue::status)
        .containsExactly(
            Tuple.tuple("right-to-challenge", "contract"),
            Tuple.tuple("sales", "forecast"),
            Tuple.tuple("subsidy", "contract"));
    assertThat(p.revenue())
        .extracting(r -> r.perYear().get(2027))
        .containsExactly(Fraction.of(72000), Fraction.of(144001, 2), Fraction.of(12500));
    assertThat(p.revenue().get(1).counterparty()).isEqualTo("divers");
    assertThat(p.budget())
        .singleElement()
        .extracting(Proposal.BudgetLine::costs)
        .isEqualTo(Fraction.of(100000));
    assertThat(p.budget().get(0).year()).isEqualTo(2027);
    assertThat(p.assets().get(0).tenure()).isEqualTo("self-management");
    assertThat(p.assets().get(0).termYears()).isEqualTo(Fraction.of(5, 2));
    assertThat(p.impactIndicators())
        .extracting(Proposal.ImpactIndicator::theme)
        .containsExactly("work", "liveability");
    assertThat(p.risks().get(0).mitigation()).isNull();
  }

  @Test
  void zeroCountsGiveEmptyListsNotAbsentBlocks() throws Exception {
    Proposal p =
        map(row("founders", "0", "board_seats", "0", "impact_indicators", "0", "partners", ";"));
    assertThat(p.founders()).isEmpty();
    assertThat(p.governance().board()).isEmpty();
    assertThat(p.impactIndicators()).isEmpty();
    assertThat(p.partners()).isEmpty();
    assertThat(p.hasBlock("founders")).isTrue();
  }

  @Test
  void defaultsForFirstYearAndPlanYears() throws Exception {
    Proposal p = map(row("costs", "1000", "revenue", "sales:10:forecast"));
    assertThat(p.budget()).extracting(Proposal.BudgetLine::year).containsExactly(2027);
    assertThat(p.revenue().get(0).perYear()).containsOnlyKeys(2027);
    Proposal q = FlatRow.toProposal(row("costs", "1000", "plan_years", "2"), INDEX, "x", 2, 2040);
    assertThat(q.budget()).extracting(Proposal.BudgetLine::year).containsExactly(2040, 2041);
  }

  @Test
  void municipalitySpellingsAreNormalised() throws Exception {
    assertThat(map(row("municipality", "The Hague")).municipality()).isEqualTo("Den Haag");
    assertThat(map(row("municipality", "Gemeente Rotterdam")).municipality())
        .isEqualTo("Rotterdam");
  }

  @Test
  void largeResidentCountsAreAllowedButNotLargeLists() throws Exception {
    Proposal p = map(row("residents_involved", "5000", "members", "20000"));
    assertThat(p.residents().involved()).isEqualTo(Fraction.of(5000));
    RowException e = error(row("founders", "1001"));
    assertThat(e.column()).isEqualTo("founders");
    assertThat(e.key()).isEqualTo("batch.row.too-many");
    RowException plan = error(row("plan_years", "5000"));
    assertThat(plan.column()).isEqualTo("plan_years");
    assertThat(plan.key()).isEqualTo("batch.row.plan-years");
  }

  @ParameterizedTest(name = "{0}={1} -> {2} {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "founders_resident|3|founders_resident|batch.row.part",
        "board_resident_seats|4|board_resident_seats|batch.row.part",
        "stage|bogus|stage|batch.row.enum",
        "legal_form|ltd|legal_form|batch.row.enum",
        "language|de|language|batch.row.enum",
        "connector_employer|boss|connector_employer|batch.row.enum",
        "partners|district:maybe|partners|batch.row.enum",
        "partners|ministry:agreement|partners|batch.row.enum",
        "resident_groups|club:member|resident_groups|batch.row.enum",
        "impact_themes|happiness|impact_themes|batch.row.enum",
        "asset_tenure|squat|asset_tenure|batch.row.enum",
        "revenue|sales:-500:forecast|revenue|batch.row.negative",
        "revenue|sales:12a:forecast|revenue|batch.row.amount",
        "revenue|sales:100|revenue|batch.row.revenue",
        "revenue|lottery:100:forecast|revenue|batch.row.enum",
        "revenue|sales:100:someday|revenue|batch.row.enum",
        "costs|-1|costs|batch.row.negative",
        "costs|a lot|costs|batch.row.amount",
        "public_task_price|-84000|public_task_price|batch.row.negative",
        "public_task_current_cost|1,2,3|public_task_current_cost|batch.row.amount",
        "founders|-2|founders|batch.row.count",
        "founders|2.5|founders|batch.row.count",
        "members|many|members|batch.row.count",
        "connector_hours|veel|connector_hours|batch.row.number",
        "connector_hours|-3|connector_hours|batch.row.number",
        "asset_term_years|1e3|asset_term_years|batch.row.number",
        "members_meeting|maybe|members_meeting|batch.row.boolean",
        "risk_mitigated|1|risk_mitigated|batch.row.boolean",
        "plan_years|0|plan_years|batch.row.plan-years",
        "first_year|999|first_year|batch.row.year",
        "first_year|next|first_year|batch.row.count",
        "name|'  '|name|batch.row.required",
        "neighbourhood|''|neighbourhood|batch.row.required",
      })
  void badCellNamesItsColumn(String column, String value, String expectedColumn, String key) {
    Map<String, String> cells =
        row(
            "founders", "2",
            "board_seats", "3",
            "connector_hours", "8",
            "partners", "district",
            "impact_indicators", "1");
    cells.put(column, value);
    RowException e = error(cells);
    assertThat(e.column()).isEqualTo(expectedColumn);
    if (key.equals("batch.row.enum")) { // with the nearest word or two, or only where the list is
      assertThat(e.key()).startsWith(key + ".");
    } else {
      assertThat(e.key()).isEqualTo(key);
    }
  }

  @Test
  void unknownWordNamesTheNearestAndWhereTheListIs() {
    RowException typo = error(row("stage", "in oprichtng"));
    assertThat(typo.key()).isEqualTo("batch.row.enum.suggest");
    assertThat(typo.args()).containsExactly("in oprichtng", "in-oprichting", "stage");
    RowException far = error(row("legal_form", "ltd"));
    assertThat(far.key()).isEqualTo("batch.row.enum.explain");
    assertThat(far.args()).containsExactly("ltd", "legal_form");
  }

  @Test
  void partErrorCarriesTheNumbers() {
    RowException e = error(row("founders", "2", "founders_resident", "3"));
    assertThat(e.args()).containsExactly(3, "founders", 2);
    RowException noWhole = error(row("founders_resident", "1"));
    assertThat(noWhole.column()).isEqualTo("founders_resident");
    assertThat(noWhole.args()).containsExactly(1, "founders", 0);
  }

  @Test
  void scoresDoNotDependOnTheFirstYear() throws Exception {
    Map<String, String> cells =
        row(
            "revenue", "right-to-challenge:50000:contract:Stadsdeel; sales:20000:forecast:various",
            "costs", "65000",
            "plan_years", "3",
            "residents_hired", "4",
            "entry_jobs", "2");
    Assessor assessor = new Assessor(RubricLoader.builtin());
    Assessment a =
        assessor.score(FlatRow.toProposal(cells, INDEX, "x", 2, 2026), Language.NL, List.of());
    Map<String, String> later = new HashMap<>(cells);
    later.put("first_year", "2035");
    Assessment b =
        assessor.score(FlatRow.toProposal(later, INDEX, "x", 2, 2026), Language.NL, List.of());
    assertThat(a.total()).isEqualTo(b.total());
    assertThat(a.total().signum()).isPositive();
    assertThat(a.band().id()).isEqualTo(b.band().id());
  }

  /** Each block on its own, as ProposalReader reads it from YAML. */
  @Nested
  class Blocks {

    /** Reads one block of a flat row. */
    interface Block {
      Object read(FlatRow row) throws RowException;
    }

    private static FlatRow flat(Map<String, String> cells) {
      return new FlatRow(cells, INDEX, "list.csv:7", 7, 2027);
    }

    /** Each block's reader, then each of its columns with a value that is fine on its own. */
    static Stream<Arguments> columns() {
      List<Object[]> blocks =
          List.of(
              new Object[] {"founders", (Block) FlatRow::founders, "founders", "2"},
              new Object[] {"founders", (Block) FlatRow::founders, "founders_resident", "0"},
              new Object[] {"residents", (Block) FlatRow::residents, "residents_involved", "40"},
              new Object[] {"residents", (Block) FlatRow::residents, "members", "120"},
              new Object[] {
                "residents", (Block) FlatRow::residents, "consultation_participants", "85"
              },
              new Object[] {"governance", (Block) FlatRow::governance, "board_seats", "3"},
              new Object[] {"governance", (Block) FlatRow::governance, "members_meeting", "yes"},
              new Object[] {"governance", (Block) FlatRow::governance, "profit_reinvested", "no"},
              new Object[] {"governance", (Block) FlatRow::governance, "connector_hours", "24"},
              new Object[] {"partners", (Block) FlatRow::partners, "partners", "district"},
              new Object[] {
                "resident_groups", (Block) FlatRow::residentGroups, "resident_groups", "cooperative"
              },
              new Object[] {
                "activities", (Block) FlatRow::activities, "public_task_provider", "aannemer"
              },
              new Object[] {
                "activities", (Block) FlatRow::activities, "public_task_current_cost", "9000"
              },
              new Object[] {"activities", (Block) FlatRow::activities, "public_task_price", "8000"},
              new Object[] {"activities", (Block) FlatRow::activities, "public_task_jobs", "2"},
              new Object[] {
                "revenue", (Block) r -> r.revenue(r.years()), "revenue", "sales:10:forecast"
              },
              new Object[] {"budget", (Block) r -> r.budget(r.years()), "costs", "1000"},
              new Object[] {
                "employment", (Block) r -> r.employment(r.years()), "residents_hired", "3"
              },
              new Object[] {"employment", (Block) r -> r.employment(r.years()), "entry_jobs", "1"},
              new Object[] {
                "employment_support", (Block) FlatRow::employmentSupport, "guidance", "yes"
              },
              new Object[] {"assets", (Block) FlatRow::assets, "asset_tenure", "rent"},
              new Object[] {"assets", (Block) FlatRow::assets, "asset_term_years", "10"},
              new Object[] {
                "impact_indicators", (Block) FlatRow::impactIndicators, "impact_indicators", "2"
              },
              new Object[] {"risks", (Block) FlatRow::risks, "risk_mitigated", "yes"});
      return blocks.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} from {2}")
    @MethodSource("columns")
    void aBlockIsReadFromAnyOfItsColumnsAndLocatedThere(
        String block, Block reader, String column, String value) throws Exception {
      FlatRow row = flat(Map.of(column, value));
      assertThat(reader.read(row)).isNotNull();
      // a block named like a column is located there; others at their first given column
      String at = FlatRow.COLUMNS.contains(block) ? block : column;
      assertThat(row.locations())
          .containsExactly(
              Map.entry(
                  block, new SourceLocation("list.csv:7", 7, FlatRow.COLUMNS.indexOf(at) + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void aBlockWithoutItsColumnsIsAbsentAndNotLocated(String block, Block reader) throws Exception {
      Map<String, String> blank = new HashMap<>();
      FlatRow.COLUMNS.forEach(c -> blank.put(c, " "));
      FlatRow row = flat(blank);
      assertThat(reader.read(row)).isNull();
      assertThat(row.locations()).isEmpty();
    }

    @Test
    void governanceOfOnlyResidentSeatsIsAnEmptyBoard() throws Exception {
      FlatRow row = flat(Map.of("board_resident_seats", "0"));
      assertThat(row.governance().board()).isEmpty();
      assertThat(row.locations()).containsOnlyKeys("governance");
    }

    @Test
    void yearsCountFromFirstYear() throws Exception {
      assertThat(flat(Map.of()).years()).containsExactly(2027);
      assertThat(flat(Map.of("first_year", "2030", "plan_years", "3")).years())
          .containsExactly(2030, 2031, 2032);
    }

    @Test
    void activitiesLeaveWhatTheRowDoesNotSayAbsent() throws Exception {
      Proposal.Activity a = flat(Map.of("public_task_price", "8000")).activities().get(0);
      assertThat(a.publicTask()).isTrue();
      assertThat(a.proposedPrice()).isEqualTo(Fraction.of(8000));
      assertThat(
              Collections.frequency(
                  Arrays.asList(
                      a.theme(),
                      a.description(),
                      a.currentProvider(),
                      a.currentCost(),
                      a.addedValue(),
                      a.jobsForResidents(),
                      a.beneficiariesPerYear()),
                  null))
          .isEqualTo(7);
    }

    /** With several bad cells, the row names the first in the order it reads them. */
    @ParameterizedTest(name = "{0} before {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "plan_years|0|first_year|12",
          "first_year|12|name|''",
          "name|''|neighbourhood|''",
          "neighbourhood|''|founders|x",
          "founders|x|members|-1",
          "members|-1|members_meeting|maybe",
          "members_meeting|maybe|partners|bogus",
          "partners|bogus|resident_groups|x",
          "resident_groups|x|public_task_jobs|z",
          "public_task_jobs|z|revenue|sales:10",
          "revenue|sales:10|costs|-5",
          "costs|-5|residents_hired|q",
          "residents_hired|q|guidance|maybe",
          "guidance|maybe|asset_tenure|x",
          "asset_tenure|x|impact_themes|nope",
          "impact_themes|nope|risk_mitigated|perhaps",
          "risk_mitigated|perhaps|language|fr",
          "language|fr|stage|x",
          "stage|x|legal_form|y",
        })
    void theFirstBadCellInReadingOrderIsNamed(
        String first, String firstValue, String second, String secondValue) {
      Map<String, String> cells = row("impact_indicators", "1");
      cells.put(first, firstValue);
      cells.put(second, secondValue);
      assertThat(error(cells).column()).isEqualTo(first);
      Map<String, String> onlySecond = row("impact_indicators", "1");
      onlySecond.put(second, secondValue);
      assertThat(error(onlySecond).column()).isEqualTo(second);
    }
  }
}
