package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/**
 * The results CSV writes a plain cell as it is and hands every other cell to Commons CSV: a cell
 * the fast path calls plain is one Commons CSV would not quote either, so the output is the same.
 */
class ResultCellsTest {

  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.of(
            "a", "Z", "0", "9", ",", ";", "\"", "\n", "\r", " ", "\t", "#", "!", "$", "'", "-", "=",
            "é", "\u00a0", "\u2028", "\u0000", "\u001f", "\u007f", "x y")
        .list()
        .ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 5000, seed = "20261201")
  void aPlainCellIsOneCommonsCsvLeavesAsItIs(@ForAll("cells") String cell) throws Exception {
    for (char delimiter : new char[] {',', ';'}) {
      CSVFormat format = CSVFormat.Builder.create(CSVFormat.RFC4180).setDelimiter(delimiter).get();
      StringBuilder first = new StringBuilder();
      format.print(cell, first, true);
      StringBuilder later = new StringBuilder();
      format.print(cell, later, false);
      if (BatchRunner.plain(cell, delimiter)) {
        assertThat(first.toString()).as("first cell %s", cell).isEqualTo(cell);
        assertThat(later.toString()).as("later cell %s", cell).isEqualTo(delimiter + cell);
      }
    }
  }

  @Test
  void scoresBandsAndIdsArePlain() {
    assertThat(BatchRunner.plain("92.75", ',')).isTrue();
    assertThat(BatchRunner.plain("92,75", ';')).isTrue();
    assertThat(BatchRunner.plain("92,75", ',')).isFalse();
    assertThat(BatchRunner.plain("sterk", ',')).isTrue();
    assertThat(BatchRunner.plain("", ',')).isFalse();
    assertThat(BatchRunner.plain("#1", ',')).isFalse();
    assertThat(BatchRunner.plain("a ", ',')).isFalse();
  }
}
