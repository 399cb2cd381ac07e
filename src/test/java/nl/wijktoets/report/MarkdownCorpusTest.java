package nl.wijktoets.report;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.Finding;
import nl.wijktoets.testutil.MarkdownCheck;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile text from a proposal, read back by a real Markdown parser (commonmark-java with GitHub's
 * tables and autolinks): whatever a proposal holds, in the report, the batch overview and the diff
 * every string appears literally as text (a line break as a space), and the document holds no link,
 * image, HTML or extra table cell. Ordinary reports hold at most two backslashes.
 */
class MarkdownCorpusTest {

  /** Links, autolinks, bare URLs and addresses, images, HTML, entities, emphasis, blocks, code. */
  static final List<String> CORPUS =
      List.of(
          "[klik](https://evil.example/x)",
          "[klik](javascript:alert(1) \"titel\")",
          "[klik][ref] en [ref]",
          "[ref]: https://evil.example/def",
          "[^1] voetnoot",
          "<https://evil.example/auto>",
          "<mail@evil.example>",
          "https://evil.example/pad?x=1&y=2",
          "zie www.evil.example, nu",
          "mail info@evil.example of bel",
          "ftp://evil.example/bestand",
          "![beeld](https://evil.example/x.png)",
          "![beeld][ref]",
          "<img src=x onerror=alert(1)>",
          "<script>alert(1)</script>",
          "<!-- verborgen --> tekst",
          "<b>vet</b> en </i>",
          "<?php echo 1; ?>",
          "<![CDATA[x]]>",
          "&amp; &lt;b&gt; &#60;script&#62; &#x3C; &copy;",
          "*schuin* **vet** _onder_ __dik__ ***beide*** ~~weg~~ ~tilde~",
          "a*b*c a_b_c snake_case_naam",
          "**niet gesloten",
          "# Kop",
          "###### Kleine kop",
          "Kop\n===",
          "Kop\n---",
          "- lijst",
          "+ lijst",
          "* lijst",
          "1. genummerd",
          "2) genummerd",
          "> citaat",
          ">> dubbel citaat",
          "---",
          "***",
          "___",
          "a | b | c",
          "|---|---|",
          "| cel | cel |",
          "C:\\pad\\naar\\*bestand*",
          "eind met backslash\\",
          "\\[geen link\\](x)",
          "`code`",
          "``dubbel `code` ``",
          "```java",
          "~~~",
          "    ingesprongen code",
          "[ ] taak",
          "regel één\nregel twee",
          "${7*7} <#if true>x</#if>",
          "Buurtcoöperatie ‘t Hof & Zonen (ALV) 50% [0] per_year");

  static Stream<String> corpus() {
    return CORPUS.stream();
  }

  /** A YAML double-quoted scalar. */
  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** A proposal holding the string wherever a report shows proposal text. */
  static String proposal(String s) {
    String q = quoted(s);
    return """
        version: 1
        name: %1$s
        neighbourhood: %1$s
        district: %1$s
        activities:
          - name: %1$s
            public_task: true
            current_provider: aannemer
        revenue:
          - type: sales
            counterparty: %1$s
            status: contract
            per_year: {2026: 1000}
        waivers:
          - criterion: impact-measurement
            reason: %1$s
        """
        .formatted(q);
  }

  static Assessment assess(String yaml, Language lang) {
    Assessor.Outcome o =
        new Assessor(RubricLoader.builtin())
            .assess("corpus.yaml", yaml.getBytes(StandardCharsets.UTF_8), lang);
    assertThat(o.errors().stream().map(Finding::toString).toList()).isEmpty();
    return o.assessment();
  }

  /** The string as a reader sees it: a line break becomes a space. */
  static String seen(String s) {
    return s.replace('\n', ' ');
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void theReportShowsEveryStringAsTextAndNothingMore(String s) throws Exception {
    for (Language lang : Language.values()) {
      Assessment a = assess(proposal(s), lang);
      String md = new MarkdownReport(new Templates()).render(a, 15);
      MarkdownCheck check = MarkdownCheck.parse(md).isInert().tablesAreWhole();
      check.shows(seen(s));
      // in the title, the place line, the advice (payer), the missing condition (activity) and the
      // waiver reason
      assertThat(check.text.split(java.util.regex.Pattern.quote(seen(s)), -1).length - 1)
          .as("times the string is shown")
          .isGreaterThanOrEqualTo(5);
      assertThat(md).doesNotContain("49");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void theBatchOverviewShowsEveryStringInItsCellAndNothingMore(String s) throws Exception {
    Overview o = new Overview(RubricLoader.builtin());
    o.add(1, s, assess(proposal(s), Language.NL));
    o.add(2, "x", assess(proposal("Gewoon plan"), Language.NL));
    String md = new OverviewReport(new Templates()).render(o, s, Language.NL, false);
    MarkdownCheck.parse(md).isInert().tablesAreWhole().shows(seen(s));
  }

  @Test
  void theDiffShowsChangedValuesAsTextAndNothingMore(@TempDir Path dir) throws Exception {
    String after = proposal("Gewoon plan");
    String before = after.replace("    current_provider: aannemer\n", "");
    assertThat(before).isNotEqualTo(after);
    for (String s : CORPUS) {
      Path a = dir.resolve("a.yaml");
      Path b = dir.resolve("b.yaml");
      Files.writeString(a, before, StandardCharsets.UTF_8);
      Files.writeString(
          b,
          after.replace("current_provider: aannemer", "current_provider: " + quoted(s)),
          StandardCharsets.UTF_8);
      Run r = run("diff", a.toString(), b.toString(), "-q");
      assertThat(r.code()).as(r.err()).isZero();
      // the new value of activities[0].current_provider, as code
      MarkdownCheck.parse(r.out()).isInert().tablesAreWhole().shows(seen(s));
    }
  }

  @Test
  void ordinaryReportsHoldAtMostTwoBackslashes() throws Exception {
    for (String example : GoldenReportsTest.EXAMPLES) {
      for (Language lang : Language.values()) {
        String md =
            new MarkdownReport(new Templates()).render(GoldenReportsTest.assess(example, lang), 15);
        assertThat(md.chars().filter(c -> c == '\\').count())
            .as("%s %s: backslashes", example, lang)
            .isLessThanOrEqualTo(2);
      }
    }
  }
}
