package nl.wijktoets.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Control characters never pass raw: C0 but tab and newline, DEL, C1, bidi overrides. */
class VisibleTest {

  @Test
  void escapesTerminalAndBidiControlsAndKeepsText() {
    assertThat(Visible.text("\u001bc\u0007")).isEqualTo("\\u001Bc\\u0007");
    assertThat(Visible.text("x\u009b2J\u009d0;title\u009c"))
        .isEqualTo("x\\u009B2J\\u009D0;title\\u009C");
    assertThat(Visible.text("abc\u202edef\u2066\u2069")).isEqualTo("abc\\u202Edef\\u2066\\u2069");
    assertThat(Visible.text("tab\there\nnext")).isEqualTo("tab\there\nnext");
    assertThat(Visible.text("crlf\r\nlone\rend\r")).isEqualTo("crlf\r\nlone\\u000Dend\\u000D");
    assertThat(Visible.text("\u0000\u007f")).isEqualTo("\\u0000\\u007F");
    // right-to-left text, Dutch letters, emoji stay
    String plain = "مرحبا coöperatie één 🏘 \u200f";
    assertThat(Visible.text(plain)).isSameAs(plain);
    assertThat(Visible.text(null)).isNull();
  }

  @Property
  void theWriterGivesWhatTextGivesHoweverTheTextIsSplit(
      @ForAll String text, @ForAll("cuts") int cut) throws IOException {
    StringWriter out = new StringWriter();
    try (Writer w = Visible.writer(out)) {
      int at = Math.floorMod(cut, text.length() + 1);
      w.write(text, 0, at);
      w.write(text.substring(at).toCharArray());
    }
    assertThat(out.toString()).isEqualTo(Visible.text(text));
    assertThat(out.toString().chars().noneMatch(c -> Visible.isControl((char) c) && c != '\r'))
        .isTrue();
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers();
  }
}
