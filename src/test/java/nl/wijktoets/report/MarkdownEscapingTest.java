package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;

import nl.wijktoets.i18n.MarkedText;
import nl.wijktoets.testutil.MarkdownCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Markdown escaping, position by position: a character of a value gets a backslash only where
 * CommonMark (with GitHub's tables and autolinks) would read it as markup there, and everywhere
 * else stays as typed.
 */
class MarkdownEscapingTest {

  private static final MarkdownOutputFormat MD = MarkdownOutputFormat.INSTANCE;

  /** A value inside a sentence: {@code "Naam: " + value + "."}. */
  private static String inSentence(String value) {
    String line = MarkdownOutputFormat.finish("Naam: " + MD.escapePlainText(value) + ".");
    return line.substring("Naam: ".length(), line.length() - 1);
  }

  /** A value that starts a line. */
  private static String atLineStart(String value) {
    return MarkdownOutputFormat.finish(MD.escapePlainText(value));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "revenue[0].per_year.2028",
        "(ALV)",
        "Moerwijk-Oost 20.3",
        "3 * 4 = 12",
        "a _ b",
        "snake_case_name",
        "€ 227.958 (per jaar)",
        "‘t Hof & co",
        "a < b > c",
        "[0] en [1]",
        "wat? ja! #1",
        "50% ~ ongeveer",
        "C:\\pad\\naar",
        "een {placeholder}",
        "1. niet vooraan",
      })
  void ordinaryTextStaysAsTyped(String value) {
    assertThat(inSentence(value)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "*vet*|\\*vet\\*",
        "**vet**|\\*\\*vet\\*\\*",
        "_schuin_|\\_schuin\\_",
        "a*b|a\\*b",
        "~~doorgestreept~~|\\~\\~doorgestreept\\~\\~",
        "[klik](javascript:x)|\\[klik](javascript:x)",
        "[a][b]|\\[a][b]",
        "[^1]|\\[^1]",
        "![img](x.png)|!\\[img](x.png)",
        "<b>vet</b>|\\<b>vet\\</b>",
        "<!-- c -->|\\<!-- c -->",
        "<?php|\\<?php",
        "&amp; &#38; &#x26;|\\&amp; \\&#38; \\&#x26;",
        "`code`|\\`code\\`",
        "a\\*b|a\\\\\\*b",
      })
  void markupInAValueIsEscapedWhereItWouldAct(String value, String escaped) {
    assertThat(inSentence(value)).isEqualTo(escaped);
    MarkdownCheck.parse("Naam: " + escaped + ".").isInert().shows("Naam: " + value + ".");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "# Kop|\\# Kop",
        "###### Kop|\\###### Kop",
        "#hashtag|#hashtag",
        "> quote|\\> quote",
        "- lijst|\\- lijst",
        "+ lijst|\\+ lijst",
        "* lijst|\\* lijst",
        "-5 graden|-5 graden",
        "---|\\---",
        "***|\\***",
        "___|\\___",
        "===|\\===",
        "12. punt|12\\. punt",
        "3) punt|3\\) punt",
        "2026|2026",
        "~~~|\\~~~",
        "[ ] geen taak|[ ] geen taak",
        "[x]: http://evil|\\[x]: `http://evil`",
      })
  void lineStartsAreEscapedOnlyWhenTheyStartABlock(String value, String escaped) {
    assertThat(atLineStart(value)).isEqualTo(escaped);
    MarkdownCheck check = MarkdownCheck.parse(escaped).isInert();
    assertThat(check.document.getFirstChild())
        .as("a paragraph, not a heading, list, quote or break")
        .isInstanceOf(org.commonmark.node.Paragraph.class);
    check.shows(value);
  }

  @Test
  void aTaskBoxInAListItemIsEscaped() {
    String md = MarkdownOutputFormat.finish("- " + MD.escapePlainText("[ ] taak"));
    assertThat(md).isEqualTo("- \\[ ] taak");
    MarkdownCheck.parse(md).isInert().shows("[ ] taak");
  }

  @Test
  void indentationCannotMakeACodeBlock() {
    String md = atLineStart("    ingesprongen");
    assertThat(md).isEqualTo("&#32;   ingesprongen");
    assertThat(MarkdownCheck.parse(md).document.getFirstChild())
        .isInstanceOf(org.commonmark.node.Paragraph.class);
  }

  @Test
  void aBackslashStaysUnlessItWouldEscapeOrBreakTheLine() {
    assertThat(inSentence("a\\b")).isEqualTo("a\\b");
    assertThat(inSentence("a\\(b")).isEqualTo("a\\\\(b");
    assertThat(MarkdownOutputFormat.finish("x " + MD.escapePlainText("eind\\")))
        .isEqualTo("x eind\\\\");
  }

  @Test
  void bareUrlsAndEmailAddressesBecomeCodeSoNoRendererLinksThem() {
    assertThat(inSentence("zie https://evil.example/x nu"))
        .isEqualTo("zie `https://evil.example/x` nu");
    assertThat(inSentence("www.evil.example")).isEqualTo("`www.evil.example`");
    assertThat(inSentence("mail info@evil.example")).isEqualTo("mail `info@evil.example`");
    assertThat(inSentence("a@b")).isEqualTo("a@b"); // no domain: not an address
    MarkdownCheck.parse(inSentence("zie https://evil.example/x, www.evil.example of a@b.nl"))
        .isInert()
        .shows("zie https://evil.example/x, www.evil.example of a@b.nl");
  }

  @Test
  void pipesAreEscapedInTableRowsOnly() {
    String table =
        "| a | b |\n|---|---|\n| "
            + MD.escapePlainText("x | y")
            + " | "
            + MarkdownOutputFormat.markup(MarkedText.words("titel | twee"))
            + " |\n";
    String md = MarkdownOutputFormat.finish(table);
    assertThat(md).contains("| x \\| y | titel \\| twee |");
    MarkdownCheck.parse(md).isInert().tablesAreWhole().shows("x | y").shows("titel | twee");
    assertThat(inSentence("x | y")).isEqualTo("x | y");
  }

  @Test
  void aValueCannotMakeADelimiterRowUnderALineWithPipes() {
    String md = MarkdownOutputFormat.finish("| a | b |\n" + MD.escapePlainText("|---|---|") + "\n");
    assertThat(MarkdownCheck.parse(md).tables).isEmpty();
  }

  @Test
  void codeMarksAreCodeSpansWithAFenceLongerThanAnyBacktickRunInside() {
    assertThat(MarkdownOutputFormat.finish(MarkdownOutputFormat.code("per_year")))
        .isEqualTo("`per_year`");
    assertThat(MarkdownOutputFormat.finish(MarkdownOutputFormat.code("a`b"))).isEqualTo("``a`b``");
    assertThat(MarkdownOutputFormat.finish(MarkdownOutputFormat.code("`x`")))
        .isEqualTo("`` `x` ``");
    MarkdownCheck.parse(MarkdownOutputFormat.finish("k " + MarkdownOutputFormat.code("`x`")))
        .shows("k `x`");
  }

  @Test
  void wordsAreWrittenAsTheyAre() {
    MarkedText text =
        MarkedText.words("Zet **dit** in de [statuten](#x) (ALV) of ")
            .plus(MarkedText.value("*waarde*"));
    assertThat(MarkdownOutputFormat.finish(MarkdownOutputFormat.markup(text)))
        .isEqualTo("Zet **dit** in de [statuten](#x) (ALV) of \\*waarde\\*");
  }

  @Test
  void aLineBreakInAValueBecomesASpace() {
    assertThat(inSentence("regel\nnieuw\r\nderde")).isEqualTo("regel nieuw  derde");
  }

  @Test
  void delimitersInTheInputCannotConfuseTheEscaping() {
    String sneaky = "\uFDD1*x*\uFDD0";
    String md = inSentence(sneaky);
    assertThat(md).doesNotContain("\uFDD0").doesNotContain("\uFDD1").contains("\\*x\\*");
  }
}
