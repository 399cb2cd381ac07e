package nl.wijktoets.measure;

import static nl.wijktoets.exact.Fraction.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.testutil.TestProposals;
import org.junit.jupiter.api.Test;

/** The parameter declarations: kinds, defaults, checks of rubric values, resolution and binding. */
class ParameterTest {

  private static final Parameter.Exact EXACT = Parameter.exact("share", of(1, 2));
  private static final Parameter.Whole WHOLE = Parameter.whole("years", 2);
  private static final Parameter.Thresholds UP = Parameter.ascending("t", of(1), of(2), of(3));
  private static final Parameter.Thresholds DOWN = Parameter.descending("t", of(3), of(2));
  private static final Parameter.Words WORDS = Parameter.words("themes", "work", "health");

  @Test
  void kindsAndDefaultsAsARubricWritesThem() {
    assertThat(EXACT.kind()).isEqualTo(Parameter.Kind.FRACTION);
    assertThat(WHOLE.kind()).isEqualTo(Parameter.Kind.INTEGER);
    assertThat(UP.kind()).isEqualTo(Parameter.Kind.FRACTIONS);
    assertThat(WORDS.kind()).isEqualTo(Parameter.Kind.WORDS);
    assertThat(List.of(Parameter.Kind.values()).stream().map(Parameter.Kind::word))
        .containsExactly("fraction", "integer", "fractions", "words");
    assertThat(EXACT.defaultText()).isEqualTo("1/2");
    assertThat(WHOLE.defaultText()).isEqualTo("2");
    assertThat(UP.defaultText()).isEqualTo("[1, 2, 3]");
    assertThat(WORDS.defaultText()).isEqualTo("[work, health]");
    assertThat(Parameter.words("none").defaultText()).isEqualTo("[]");
    assertThat(UP.length()).isEqualTo(3);
    assertThat(DOWN.length()).isEqualTo(2);
  }

  @Test
  void exactAcceptsAnyFraction() {
    assertThat(EXACT.problem(of(-7, 3))).isNull();
    assertThat(EXACT.typed(of(-7, 3))).isEqualTo(of(-7, 3));
    assertThat(EXACT.problem("half")).isEqualTo(Parameter.Problem.KIND);
    assertThat(EXACT.problem(List.of(of(1)))).isEqualTo(Parameter.Problem.KIND);
    assertThat(EXACT.problem(null)).isEqualTo(Parameter.Problem.KIND);
  }

  @Test
  void wholeAcceptsWholeNumbersFromZeroToTenToTheNinth() {
    assertThat(WHOLE.problem(of(0))).isNull();
    assertThat(WHOLE.problem(of(1_000_000_000))).isNull();
    assertThat(WHOLE.typed(of(1_000_000_000))).isEqualTo(1_000_000_000);
    assertThat(WHOLE.typed(of(6, 3))).isEqualTo(2);
    assertThat(WHOLE.problem(of(1_000_000_001))).isEqualTo(Parameter.Problem.RANGE);
    assertThat(WHOLE.problem(of(Integer.MAX_VALUE + 1L))).isEqualTo(Parameter.Problem.RANGE);
    assertThat(WHOLE.problem(of(-1))).isEqualTo(Parameter.Problem.KIND);
    assertThat(WHOLE.problem(of(5, 2))).isEqualTo(Parameter.Problem.KIND);
    assertThat(WHOLE.problem("2")).isEqualTo(Parameter.Problem.KIND);
    assertThatThrownBy(() -> Parameter.whole("w", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thresholdsHaveTheirLengthAndStrictOrder() {
    assertThat(UP.problem(List.of(of(1, 2), of(2), of(7)))).isNull();
    assertThat(UP.typed(List.of(of(1, 2), of(2), of(7)))).containsExactly(of(1, 2), of(2), of(7));
    assertThat(UP.problem(List.of(of(1), of(2)))).isEqualTo(Parameter.Problem.COUNT);
    assertThat(UP.problem(List.of(of(1), of(2), of(3), of(4)))).isEqualTo(Parameter.Problem.COUNT);
    assertThat(UP.problem(List.of(of(1), of(2), of(2)))).isEqualTo(Parameter.Problem.ORDER);
    assertThat(UP.problem(List.of(of(2), of(1), of(3)))).isEqualTo(Parameter.Problem.ORDER);
    assertThat(UP.problem(List.of())).isEqualTo(Parameter.Problem.KIND);
    assertThat(UP.problem(List.of(of(1), "two", of(3)))).isEqualTo(Parameter.Problem.KIND);
    assertThat(UP.problem(of(1))).isEqualTo(Parameter.Problem.KIND);
    assertThat(DOWN.problem(List.of(of(9), of(1)))).isNull();
    assertThat(DOWN.problem(List.of(of(1), of(9)))).isEqualTo(Parameter.Problem.ORDER);
    assertThat(DOWN.problem(List.of(of(1), of(1)))).isEqualTo(Parameter.Problem.ORDER);
    assertThat(DOWN.order()).isEqualTo(Parameter.Order.DESCENDING);
  }

  @Test
  void thresholdDefaultsMustBeInTheirOwnOrder() {
    assertThatThrownBy(() -> Parameter.ascending("t", of(2), of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Parameter.descending("t", of(1), of(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Parameter.ascending("t", of(1), of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Parameter.ascending("t")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wordsAreAListOfTextOfAnyLength() {
    assertThat(WORDS.problem(List.of())).isNull();
    assertThat(WORDS.problem(List.of("a", "b", "c"))).isNull();
    assertThat(WORDS.typed(List.of("a"))).containsExactly("a");
    assertThat(WORDS.problem("work")).isEqualTo(Parameter.Problem.KIND);
    assertThat(WORDS.problem(List.of("a", of(1)))).isEqualTo(Parameter.Problem.KIND);
  }

  @Test
  void paramsTakeTheGivenValuesElseTheDefaults() {
    List<Parameter<?>> declared = List.of(EXACT, WHOLE, UP, WORDS);
    Params defaults = Params.defaults(declared);
    assertThat(defaults.get(EXACT)).isEqualTo(of(1, 2));
    assertThat(defaults.get(WHOLE)).isEqualTo(2);
    assertThat(defaults.get(UP)).containsExactly(of(1), of(2), of(3));
    assertThat(defaults.get(WORDS)).containsExactly("work", "health");

    Params given = Params.resolve(declared, Map.of("years", of(5), "themes", List.of("poverty")));
    assertThat(given.get(WHOLE)).isEqualTo(5);
    assertThat(given.get(WORDS)).containsExactly("poverty");
    assertThat(given.get(EXACT)).isEqualTo(of(1, 2));
    assertThat(given.text(WHOLE)).isEqualTo("5");
    assertThat(given.text(WORDS)).isEqualTo("[poverty]");
    assertThat(given)
        .isNotEqualTo(defaults)
        .hasToString("Params[share=1/2, years=5, t=[1, 2, 3], themes=[poverty]]");
    assertThat(Params.resolve(declared, Map.of())).isEqualTo(defaults).hasSameHashCodeAs(defaults);
  }

  @Test
  void paramsRefuseInvalidValuesAndForeignParameters() {
    List<Parameter<?>> declared = List.of(EXACT);
    assertThatThrownBy(() -> Params.resolve(declared, Map.of("share", "half")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share");
    // the same name, but not the declared parameter
    assertThatThrownBy(() -> Params.defaults(declared).get(Parameter.exact("share", of(1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share");
  }

  @Test
  void aMeasureBindsOnlyItsOwnParameters() {
    Measure connector = Measures.byName("connector").orElseThrow();
    Measure groups = Measures.byName("resident-groups").orElseThrow();
    assertThat(connector.bind(connector.defaults())).isNotNull();
    assertThatThrownBy(() -> connector.bind(groups.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connector");
    assertThat(connector.parameter("min_hours")).containsSame(MiddleUpDown.MIN_HOURS);
    assertThat(connector.parameter("max_hours")).isEmpty();
    assertThatThrownBy(
            () ->
                new Measure(
                    "twice", List.of(), List.of(WHOLE, Parameter.whole("years", 3)), p -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRegistryListsFifteenMeasuresWithDistinctNamesAndValidDefaults() {
    List<Measure> all = Measures.all();
    assertThat(all).hasSize(15);
    Set<String> names = new HashSet<>();
    for (Measure m : all) {
      assertThat(names.add(m.name())).as(m.name()).isTrue();
      assertThat(Measures.byName(m.name())).containsSame(m);
      assertThat(m.reads()).as(m.name()).isNotEmpty();
      for (Parameter<?> p : m.parameters()) {
        // a declared default passes its own check
        Object written =
            p.defaultValue() instanceof Integer i ? Fraction.of(i) : (Object) p.defaultValue();
        assertThat(p.problem(written)).as("%s.%s", m.name(), p.name()).isNull();
      }
    }
    assertThat(Measures.byName("no-such-measure")).isEmpty();
    assertThat(MiddleUpDown.DEPENDENCY_SPREAD.parameters())
        .containsExactly(MiddleUpDown.SPREAD_THRESHOLDS);
    assertThat(MiddleUpDown.SPREAD_THRESHOLDS.order()).isEqualTo(Parameter.Order.DESCENDING);
  }

  @Test
  void declarationsMadeAtRunTime() {
    // the constants above are made when the class loads; these are made while the test runs
    assertThat(Parameter.ascending("t", of(1), of(2)).length()).isEqualTo(2);
    assertThat(Parameter.descending("t", of(2), of(1)).order())
        .isEqualTo(Parameter.Order.DESCENDING);
    assertThat(Parameter.ascending("t", of(1)).order()).isEqualTo(Parameter.Order.ASCENDING);
    assertThat(Parameter.exact("e", of(0)).defaultValue()).isEqualTo(Fraction.ZERO);
    assertThat(Parameter.whole("w", 0).defaultValue()).isZero();
    assertThat(Parameter.words("w", "a").defaultValue()).containsExactly("a");
  }

  @Test
  void differentValuesHashDifferently() {
    List<Parameter<?>> declared = List.of(WHOLE);
    assertThat(Params.resolve(declared, Map.of("years", of(3))).hashCode())
        .isNotEqualTo(Params.resolve(declared, Map.of("years", of(4))).hashCode())
        .isNotEqualTo(Params.defaults(declared).hashCode());
    assertThat(Params.defaults(List.of(EXACT)).hashCode())
        .isNotEqualTo(Params.defaults(List.of(WHOLE)).hashCode());
    assertThat(Params.defaults(declared)).isNotEqualTo("Params[years=2]");
  }

  @Test
  void aMeasureAppliesWithGivenParameters() {
    Measure connector = Measures.byName("connector").orElseThrow();
    Proposal p =
        TestProposals.read("governance:\n  connector: {role: x, hours_per_week: 10, paid: true}\n");
    Finances f = new Finances(p);
    assertThat(connector.apply(p, connector.defaults(), f).level()).isEqualTo(2);
    Params tenHours = connector.params(Map.of("paid_hours", of(10)));
    assertThat(connector.apply(p, tenHours, f).level()).isEqualTo(3);
  }
}
