package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.testutil.TestProposals;
import org.junit.jupiter.api.Test;

class GatesTest {

  @Test
  void gatesAreExactAndBounded() {
    Gates g = Gates.of(new BigDecimal("62"), new BigDecimal("50"));
    assertThat(g.minTotal()).isEqualTo(Fraction.of(62));
    assertThat(g.minLessonShare()).isEqualTo(Fraction.of(1, 2));
    assertThat(Gates.of(null, null)).isEqualTo(Gates.NONE);
    assertThatThrownBy(() -> Gates.of(new BigDecimal("100.5"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--min-score");
    assertThatThrownBy(() -> Gates.of(null, new BigDecimal("-1"))).hasMessage("--min-lesson");
    // an absurd scale is refused before any arithmetic (1e-999999999 must not hang)
    assertThatThrownBy(() -> Gates.of(new BigDecimal("1e-999999999"), null))
        .hasMessage("--min-score");
  }

  @Test
  void boundsAreInclusive() {
    assertThat(Gates.of(new BigDecimal("0"), new BigDecimal("100")).minTotal())
        .isEqualTo(Fraction.ZERO);
    assertThat(Gates.of(new BigDecimal("100"), null).minTotal()).isEqualTo(Fraction.of(100));
    assertThat(Gates.of(new BigDecimal("0.000001"), null).minTotal())
        .isEqualTo(Fraction.of(1, 1_000_000));
    assertThatThrownBy(() -> Gates.of(new BigDecimal("0.0000001"), null)).hasMessage("--min-score");
    assertThatThrownBy(() -> Gates.of(new BigDecimal("100.000001"), null))
        .hasMessage("--min-score");
    assertThatThrownBy(() -> Gates.of(null, new BigDecimal("-0.000001")))
        .hasMessage("--min-lesson");
  }

  @Test
  void aScoreExactlyAtAGatePasses() {
    // Moerwijk-like totals are not needed: an empty proposal scores 0 everywhere
    Assessment a = TestProposals.assess("").assessment();
    assertThat(a.total()).isEqualTo(Fraction.ZERO);
    assertThat(Gates.of(new BigDecimal("0"), new BigDecimal("0")).failed(a)).isFalse();
    assertThat(Gates.of(new BigDecimal("0.000001"), null).totalBelow(a)).isTrue();
    assertThat(Gates.of(new BigDecimal("0.000001"), null).failed(a)).isTrue();
    Assessment.LessonResult first = a.lessons().get(0);
    assertThat(Gates.of(null, new BigDecimal("0")).lessonBelow(first)).isFalse();
    assertThat(Gates.of(null, new BigDecimal("1")).lessonBelow(first)).isTrue();
    assertThat(Gates.of(null, new BigDecimal("1")).failed(a)).isTrue();
    assertThat(Gates.of(null, new BigDecimal("1")).totalBelow(a)).isFalse();
    assertThat(Gates.NONE.failed(a)).isFalse();
    assertThat(Gates.NONE.lessonBelow(first)).isFalse();
  }
}
