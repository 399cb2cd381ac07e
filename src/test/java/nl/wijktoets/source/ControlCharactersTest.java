package nl.wijktoets.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.wijktoets.i18n.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An invisible control character that YAML does not allow (an ESC pasted along with text, a BEL, a
 * C1 control) is a {@code yaml/syntax} error on its own line and column that names it as an escape
 * and says to delete it; the parser alone stopped without a place, and the message was "this line
 * does not fit in" on line 1.
 */
class ControlCharactersTest {

  private static List<Finding> read(String text) {
    return new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
        .read("p.yaml", text.getBytes(StandardCharsets.UTF_8))
        .findings();
  }

  @ParameterizedTest
  @CsvSource({
    "'version: 1\nname: A\u001BcB\n', 2, 8, \\u001B",
    "'version: 1\nna\u0007me: A\n', 2, 3, \\u0007",
    "'version: 1\nna\u009Bme: A\n', 2, 3, \\u009B",
    "'version: 1\r\nname: \"A\u007F\"\r\n', 2, 9, \\u007F",
    "'version: 1\rname: A\rmission: x\u0001\r', 3, 11, \\u0001",
    "'version: 1\n# note \u0008\nname: A\n', 2, 8, \\u0008",
  })
  void aControlCharacterIsNamedWhereItStands(String text, int line, int column, String shown) {
    List<Finding> findings = read(text);

    assertThat(findings).singleElement();
    Finding f = findings.get(0);
    assertThat(f.rule()).isEqualTo("yaml/syntax");
    assertThat(f.location().line()).isEqualTo(line);
    assertThat(f.location().column()).isEqualTo(column);
    assertThat(f.message(Language.EN))
        .isEqualTo(
            "this line holds an invisible control character ("
                + shown
                + ") that YAML does not allow, often copied along with text from another"
                + " program; delete it, or retype the text around it");
    assertThat(f.message(Language.NL))
        .isEqualTo(
            "deze regel bevat een onzichtbaar stuurteken ("
                + shown
                + ") dat YAML niet toestaat, vaak meegekopieerd met tekst uit een ander"
                + " programma; verwijder het, of typ de tekst eromheen opnieuw");
  }

  @ParameterizedTest
  @CsvSource({
    "'version: 1\nname: Caf\u00E9 \u0085 \u00A0 \u4E2D \uD83D\uDE00\tx\n'",
    "'version: 1\nname: \"\\e is an escape, not a control\"\n'",
  })
  void whatYamlAllowsIsRead(String text) {
    assertThat(read(text)).isEmpty();
  }
}
