package nl.wijktoets.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Code marks in messages: backticks in a pattern become structure, never text. */
class MarkedTextTest {

  @Test
  void backticksInAPatternMarkCode() {
    MarkedText m = MarkedText.fill("key `{0}` appears twice (first on line {1})", "name", 3);
    assertThat(m.spans())
        .containsExactly(
            new MarkedText.Span(MarkedText.Kind.WORDS, "key "),
            new MarkedText.Span(MarkedText.Kind.CODE, "name"),
            new MarkedText.Span(MarkedText.Kind.WORDS, " appears twice (first on line "),
            new MarkedText.Span(MarkedText.Kind.VALUE, "3"),
            new MarkedText.Span(MarkedText.Kind.WORDS, ")"));
    assertThat(m.plain()).isEqualTo("key name appears twice (first on line 3)");
  }

  @Test
  void fixedWordsInBackticksAreCodeToo() {
    MarkedText m = MarkedText.fill("start from `wijktoets init` or an example");
    assertThat(m.spans()).extracting(MarkedText.Span::kind).contains(MarkedText.Kind.CODE);
    assertThat(m.plain()).isEqualTo("start from wijktoets init or an example");
  }

  @Test
  void anArgumentIsInsertedLiterallyEvenWithBackticksOrBraces() {
    MarkedText m = MarkedText.fill("`{0}` and {1}", "a`b{1}", "{0}");
    assertThat(m.spans())
        .containsExactly(
            new MarkedText.Span(MarkedText.Kind.CODE, "a`b{1}"),
            new MarkedText.Span(MarkedText.Kind.WORDS, " and "),
            new MarkedText.Span(MarkedText.Kind.VALUE, "{0}"));
  }

  @Test
  void aMarkedArgumentKeepsItsMarks() {
    MarkedText inner = MarkedText.words("een ").plus(MarkedText.code("x"));
    MarkedText m = MarkedText.fill("zie {0}.", inner);
    assertThat(m.spans())
        .extracting(MarkedText.Span::kind)
        .containsExactly(MarkedText.Kind.WORDS, MarkedText.Kind.CODE, MarkedText.Kind.WORDS);
    assertThat(m.plain()).isEqualTo("zie een x.");
  }

  @Test
  void plainMessagesHaveNoBackticks() {
    assertThat(Messages.get(Language.EN, "finding.required", "name"))
        .isEqualTo("required key name is missing; add it");
    assertThat(Messages.marked(Language.EN, "finding.required", "name").spans())
        .contains(new MarkedText.Span(MarkedText.Kind.CODE, "name"));
  }

  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  /** The placeholders a pattern marks as code, and whether its backticks pair up. */
  private static Set<String> codePlaceholders(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = CODE.matcher(pattern);
    while (m.find()) {
      Matcher p = Pattern.compile("\\{\\d+}").matcher(m.group(1));
      while (p.find()) {
        out.add(p.group());
      }
    }
    return out;
  }

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MarkedTextTest.class.getResourceAsStream("/nl/wijktoets/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothLanguagesMarkTheSameArgumentsAsCodeAndPairTheirBackticks() throws IOException {
    Properties en = bundle("messages_en.properties");
    Properties nl = bundle("messages_nl.properties");
    for (String key : en.stringPropertyNames()) {
      String e = en.getProperty(key);
      assertThat(e.chars().filter(c -> c == '`').count() % 2)
          .as("backticks pair in en " + key)
          .isZero();
      if (nl.containsKey(key)) {
        String n = nl.getProperty(key);
        assertThat(n.chars().filter(c -> c == '`').count() % 2)
            .as("backticks pair in nl " + key)
            .isZero();
        assertThat(codePlaceholders(n)).as("code marks of " + key).isEqualTo(codePlaceholders(e));
      }
    }
    assertThat(List.of(en.size(), nl.size())).allMatch(n -> n > 100);
  }
}
