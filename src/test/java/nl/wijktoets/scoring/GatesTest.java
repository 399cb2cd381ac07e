package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import nl.wijktoets.exact.Fraction;
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
}
