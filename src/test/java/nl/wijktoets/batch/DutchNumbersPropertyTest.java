package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.Finding;

/**
 * Numbers written the Dutch way are read the same in a YAML proposal and in a batch CSV cell: each
 * generated value is written, as the same text, into a flat row and into the YAML text of the
 * proposal that row stands for (not through {@code --to-yaml}, which writes plain numbers), and
 * both must score the same. Amounts use a point between thousands ({@code 60.000}), a decimal comma
 * ({@code 60.000,50}, {@code 12,5}), {@code €} and {@code ,-}; hours and years a decimal comma.
 */
class DutchNumbersPropertyTest {

  private static final Assessor ASSESSOR = new Assessor(RubricLoader.builtin());

  /** A value as written in a cell and in the YAML text, and whether it is written the Dutch way. */
  record Written(String text, boolean dutch) {}

  /** How an amount is written. */
  enum AmountStyle {
    PLAIN,
    POINTS,
    EURO,
    COMMA
  }

  /** An amount of whole euros and cents, written in one of the styles. */
  static Written amount(int euros, int cents, AmountStyle style) {
    String whole = Integer.toString(euros);
    String grouped = grouped(euros);
    String twoDigits = String.format("%02d", cents);
    String comma =
        cents == 0 ? "" : "," + (cents % 10 == 0 ? twoDigits.substring(0, 1) : twoDigits);
    return switch (style) {
      case PLAIN -> new Written(cents == 0 ? whole : whole + "." + twoDigits, false);
      case POINTS -> new Written(grouped + comma, euros >= 1000 || cents > 0);
      case EURO ->
          new Written("€ " + grouped + (cents == 0 ? ",-" : comma), euros >= 1000 || cents > 0);
      case COMMA -> new Written(whole + comma, cents > 0);
    };
  }

  /** Euros with a point between thousands: 1.250.000. */
  static String grouped(int euros) {
    String digits = Integer.toString(euros);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append('.');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }

  /** Hours or years: a whole number and quarters, with a decimal point or comma. */
  static Written decimal(int whole, int quarters, boolean comma) {
    String fraction = List.of("", "25", "5", "75").get(quarters);
    if (fraction.isEmpty()) {
      return new Written(Integer.toString(whole), false);
    }
    return new Written(whole + (comma ? "," : ".") + fraction, comma);
  }

  @Provide
  Arbitrary<Written> amounts() {
    return Combinators.combine(
            Arbitraries.oneOf(
                Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(1000, 999_999),
                Arbitraries.integers().between(1_000_000, 3_000_000)),
            Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 99)),
            Arbitraries.of(AmountStyle.class))
        .as(DutchNumbersPropertyTest::amount);
  }

  @Provide
  Arbitrary<Written> decimals() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 60),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(true, false))
        .as(DutchNumbersPropertyTest::decimal);
  }

  /** The values of one proposal. */
  record Values(
      Written costs,
      Written sales,
      Written challenge,
      Written currentCost,
      Written price,
      Written hours,
      Written termYears,
      int planYears) {

    /** The flat row. */
    Map<String, String> cells() {
      Map<String, String> m = new HashMap<>();
      m.put("name", "Buurtbedrijf");
      m.put("neighbourhood", "Moerwijk");
      m.put("first_year", "2027");
      m.put("plan_years", Integer.toString(planYears));
      m.put("costs", costs.text());
      m.put(
          "revenue",
          "sales:"
              + sales.text()
              + ":contract; right-to-challenge:"
              + challenge.text()
              + ":letter-of-intent");
      m.put("public_task_provider", "aannemer");
      m.put("public_task_current_cost", currentCost.text());
      m.put("public_task_price", price.text());
      m.put("connector_hours", hours.text());
      m.put("asset_tenure", "rent");
      m.put("asset_term_years", termYears.text());
      return m;
    }

    /** The YAML text of the same proposal, each value written as in its cell. */
    String yaml() {
      StringBuilder y = new StringBuilder();
      y.append("version: 1\nname: Buurtbedrijf\nneighbourhood: Moerwijk\n");
      y.append("governance:\n  connector:\n    role: connector\n");
      y.append("    hours_per_week: ").append(hours.text()).append('\n');
      y.append("activities:\n  - name: public task\n    public_task: true\n");
      y.append("    current_provider: aannemer\n");
      y.append("    current_cost: ").append(currentCost.text()).append('\n');
      y.append("    proposed_price: ").append(price.text()).append('\n');
      y.append("revenue:\n");
      revenue(y, "sales", "contract", sales);
      revenue(y, "right-to-challenge", "letter-of-intent", challenge);
      y.append("budget:\n");
      for (int i = 0; i < planYears; i++) {
        y.append("  - year: ").append(2027 + i).append('\n');
        y.append("    costs: ").append(costs.text()).append('\n');
      }
      y.append("assets:\n  - type: building\n    name: main building\n    tenure: rent\n");
      y.append("    term_years: ").append(termYears.text()).append('\n');
      return y.toString();
    }

    private void revenue(StringBuilder y, String type, String status, Written amount) {
      y.append("  - source: ").append(type).append('\n');
      y.append("    type: ").append(type).append('\n');
      y.append("    status: ").append(status).append('\n');
      y.append("    per_year:\n");
      for (int i = 0; i < planYears; i++) {
        y.append("      ").append(2027 + i).append(": ").append(amount.text()).append('\n');
      }
    }

    /** The columns written the Dutch way. */
    long dutchColumns() {
      return List.of(
              costs.dutch(),
              sales.dutch() || challenge.dutch(),
              currentCost.dutch(),
              price.dutch(),
              hours.dutch(),
              termYears.dutch())
          .stream()
          .filter(b -> b)
          .count();
    }
  }

  @Provide
  Arbitrary<Values> proposals() {
    return Builders.withBuilder(() -> new Object[8])
        .use(amounts())
        .in((a, v) -> set(a, 0, v))
        .use(amounts())
        .in((a, v) -> set(a, 1, v))
        .use(amounts())
        .in((a, v) -> set(a, 2, v))
        .use(amounts())
        .in((a, v) -> set(a, 3, v))
        .use(amounts())
        .in((a, v) -> set(a, 4, v))
        .use(decimals())
        .in((a, v) -> set(a, 5, v))
        .use(decimals())
        .in((a, v) -> set(a, 6, v))
        .use(Arbitraries.integers().between(1, 3))
        .in((a, v) -> set(a, 7, v))
        .build(
            a ->
                new Values(
                    (Written) a[0],
                    (Written) a[1],
                    (Written) a[2],
                    (Written) a[3],
                    (Written) a[4],
                    (Written) a[5],
                    (Written) a[6],
                    (Integer) a[7]));
  }

  private static Object[] set(Object[] a, int i, Object v) {
    a[i] = v;
    return a;
  }

  @Property(tries = 150, seed = "1414", edgeCases = EdgeCasesMode.MIXIN)
  void dutchNumbersInACellAndInYamlScoreTheSame(@ForAll("proposals") Values v) throws Exception {
    FlatRow.Read flat = FlatRow.read(v.cells(), FlatRowTest.INDEX, "list.csv:2", 2, 2027);
    Assessment fromRow = ASSESSOR.score(flat.proposal(), Language.NL, List.of());

    String yaml = v.yaml();
    Assessor.Outcome fromYaml =
        ASSESSOR.assess("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), Language.NL);
    assertThat(fromYaml.errors().stream().map(f -> f.format(Language.EN)).toList())
        .as("errors in\n%s", yaml)
        .isEmpty();
    FlatRowYamlEquivalenceTest.assertSameScores(fromRow, fromYaml.assessment());

    // what was read the Dutch way is said: a warning in YAML, a count in batch's summary
    assertThat(flat.dutchCells()).as("Dutch cells of %s", v.cells()).isEqualTo(v.dutchColumns());
    Set<String> saying = Set.of("amount/dutch-thousands", "amount/text", "schema/number-text");
    long warned = fromYaml.findings().stream().filter(f -> saying.contains(f.rule())).count();
    if (v.dutchColumns() > 0) {
      assertThat(warned).as("warnings in\n%s", yaml).isPositive();
    }
    for (Finding f : fromYaml.findings()) {
      if (saying.contains(f.rule())) {
        assertThat(f.isError()).isFalse();
      }
    }
  }

  @Example
  void sixtyThousandIsSixtyThousandInBothAndZeroPointFiveHundredIsAnErrorInBoth() throws Exception {
    assertThat(amount(60_000, 0, AmountStyle.POINTS).text()).isEqualTo("60.000");
    Values v =
        new Values(
            new Written("60.000", true),
            new Written("60000", false),
            new Written("10000", false),
            new Written("80.000", true),
            new Written("72.000", true),
            new Written("12,5", true),
            new Written("10", false),
            2);
    check(v);
    Map<String, String> cells = v.cells();
    cells.put("costs", "0.500");
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                    RowException.class,
                    () -> FlatRow.read(cells, FlatRowTest.INDEX, "list.csv:2", 2, 2027))
                .column())
        .isEqualTo("costs");
    String yaml = v.yaml().replace("costs: 60.000", "costs: 0.500");
    Assessor.Outcome o =
        ASSESSOR.assess("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), Language.NL);
    assertThat(o.errors()).extracting(Finding::rule).contains("amount/unreadable");
  }

  private void check(Values v) throws Exception {
    dutchNumbersInACellAndInYamlScoreTheSame(v);
  }
}
