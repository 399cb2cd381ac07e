package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A flat row's cell is stripped as {@code strip()} strips it, and a blank one is absent. */
class FlatRowCellsTest {

  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.of(
            "a", "Z", "0", " ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\u001f", "é")
        .list()
        .ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 3000, seed = "20261201")
  void stripsAsStrip(@ForAll("cells") String cell) {
    String expected = cell.isBlank() ? null : cell.strip();
    assertThat(FlatRow.stripOrNull(cell)).isEqualTo(expected);
  }

  @Test
  void stripOfNullIsNull() {
    assertThat(FlatRow.stripOrNull(null)).isNull();
    String same = "Moerwijk";
    assertThat(FlatRow.stripOrNull(same)).isSameAs(same);
  }
}
