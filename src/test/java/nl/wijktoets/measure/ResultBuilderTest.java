package nl.wijktoets.measure;

import static org.assertj.core.api.Assertions.assertThat;

import nl.wijktoets.exact.Fraction;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.testutil.TestProposals;
import org.junit.jupiter.api.Test;

/** What a measure records: each evidence path once, located; values in order; caps. */
class ResultBuilderTest {

  @Test
  void evidenceIsRecordedOnceInFirstOrderWithItsLocation() {
    Proposal p = TestProposals.read("residents:\n  involved: 40\n  members: 30\n");
    ResultBuilder r = ResultBuilder.of(p, new Finances(p));
    r.evidence("residents.involved");
    r.evidence("residents.members");
    r.evidence("residents.involved");
    r.evidence("nowhere");
    MeasureResult result = r.level(3);
    assertThat(result.evidence())
        .extracting(Evidence::path)
        .containsExactly("residents.involved", "residents.members", "nowhere");
    assertThat(result.evidence().get(0).location()).isNotNull();
    assertThat(result.evidence().get(0).location().line()).isEqualTo(5);
    assertThat(result.evidence().get(2).location()).isNull();
    assertThat(result.level()).isEqualTo(3);
    assertThat(result.uncappedLevel()).isNull();
    assertThat(result.cap()).isNull();
  }

  @Test
  void valuesKeepTheirOrderAndACapKeepsTheLevelBefore() {
    Proposal empty = TestProposals.read("");
    ResultBuilder r = ResultBuilder.of(empty, new Finances(empty));
    r.value("b", MeasuredValue.count(2));
    r.value("a", MeasuredValue.text("x"));
    MeasureResult capped = r.capped(4, 2, "evidence");
    assertThat(capped.values().keySet()).containsExactly("b", "a");
    assertThat(capped.level()).isEqualTo(2);
    assertThat(capped.uncappedLevel()).isEqualTo(4);
    assertThat(capped.cap()).isEqualTo("evidence");
  }

  @Test
  void withoutDetailOnlyTheLevelAndCapAreKept() {
    Proposal p = TestProposals.read("residents:\n  involved: 40\n");
    ResultBuilder r = ResultBuilder.of(p, new Finances(p, false));
    assertThat(r.detailed()).isFalse();
    r.value("n", MeasuredValue.count(2));
    r.evidence("residents.involved");
    r.evidence("residents", ".involved");
    MeasureResult result = r.level(3);
    assertThat(result).isSameAs(MeasureResult.levelOnly(3));
    assertThat(result.values()).isEmpty();
    assertThat(result.evidence()).isEmpty();
    MeasureResult capped = r.capped(4, 2, "evidence");
    assertThat(capped.level()).isEqualTo(2);
    assertThat(capped.uncappedLevel()).isEqualTo(4);
    assertThat(capped.values()).isEmpty();
  }

  @Test
  void measuredValuesKnowWhetherTheyAreNumbers() {
    assertThat(MeasuredValue.share(Fraction.ONE).isNumeric()).isTrue();
    assertThat(MeasuredValue.year(2027).isNumeric()).isTrue();
    assertThat(MeasuredValue.year(2027).fraction()).isEqualTo(Fraction.of(2027));
    assertThat(MeasuredValue.count(Fraction.of(3)).kind()).isEqualTo(MeasuredValue.Kind.COUNT);
    assertThat(MeasuredValue.text("x").isNumeric()).isFalse();
  }
}
