package nl.wijktoets.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files with old Mac line ends (a lone CR), Windows ones (CRLF) and Unix ones (LF) are located the
 * same way: a tab in the indentation is {@code yaml/tab-indent} on its own line, a NUL byte is on
 * its own line and column.
 */
class LineEndsTest {

  private static List<Finding> read(String text) {
    return new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
        .read("p.yaml", text.getBytes(StandardCharsets.UTF_8))
        .findings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r", "\r\n", "\n"})
  void aTabInTheIndentationIsATabOnItsLine(String eol) {
    String text =
        String.join(
            eol, "version: 1", "name: Test", "neighbourhood: X", "residents:", "\tinvolved: 3", "");
    List<Finding> findings = read(text);
    assertThat(findings).extracting(Finding::rule).containsExactly("yaml/tab-indent");
    assertThat(findings.get(0).location().line()).isEqualTo(5);
    assertThat(findings.get(0).location().column()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r", "\r\n", "\n"})
  void aNulIsLocatedOnItsOwnLine(String eol) {
    String text = String.join(eol, "version: 1", "name: Test", "mission: a\0b", "");
    List<Finding> findings = read(text);
    assertThat(findings).extracting(Finding::rule).containsExactly("encoding/not-utf8");
    assertThat(findings.get(0).location().line()).isEqualTo(3);
    assertThat(findings.get(0).location().column()).isEqualTo(11);
  }

  @Test
  void lineAndColumnCountEveryKindOfLineEnd() {
    assertThat(YamlTreeReader.lineColumn("a\rb\r\nc\nd", 7)).containsExactly(4, 1);
    assertThat(YamlTreeReader.lineColumn("a\r\nb", 2)).containsExactly(1, 3);
    assertThat(YamlTreeReader.lineColumn("a\r\nb", 3)).containsExactly(2, 1);
  }
}
