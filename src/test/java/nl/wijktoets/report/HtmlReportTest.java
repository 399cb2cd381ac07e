package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.testutil.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML report: structure, chart, self-containment, escaping, golden pages. */
class HtmlReportTest {

  static String html(Assessment a) throws ReportException {
    return new HtmlReport(new Templates()).render(a, 3);
  }

  static Stream<Arguments> examplesAndLanguages() {
    return GoldenReportsTest.examplesAndLanguages();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examplesAndLanguages")
  void htmlMatchesGolden(String example, Language lang) throws Exception {
    String page = html(GoldenReportsTest.assess(example, lang));
    Golden.check(example + "." + lang.code() + ".html", page);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examplesAndLanguages")
  void structure(String example, Language lang) throws Exception {
    Assessment a = GoldenReportsTest.assess(example, lang);
    Document doc = Jsoup.parse(html(a));
    assertThat(doc.documentType()).isNotNull();
    assertThat(doc.documentType().name()).isEqualTo("html");
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo(lang.code());
    assertThat(doc.selectFirst("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
    assertThat(doc.title()).contains(a.proposal().name());
    // headings in order: one h1, then h2s, h3s only below an h2
    assertThat(doc.select("h1")).hasSize(1);
    int previous = 1;
    for (Element h : doc.select("h1, h2, h3, h4")) {
      int level = Integer.parseInt(h.tagName().substring(1));
      assertThat(level)
          .as("heading %s after h%d", h.text(), previous)
          .isLessThanOrEqualTo(previous + 1);
      previous = level;
    }
    // tables have header cells
    for (Element table : doc.select("table")) {
      assertThat(table.select("th")).isNotEmpty();
    }
    // proposal-supplied text is marked dir=auto
    assertThat(doc.selectFirst("h1").attr("dir")).isEqualTo("auto");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examplesAndLanguages")
  void chartHasThreeBarsSizedByTheScores(String example, Language lang) throws Exception {
    Assessment a = GoldenReportsTest.assess(example, lang);
    Document doc = Jsoup.parse(html(a));
    List<Element> svgs = doc.select("svg");
    assertThat(svgs).hasSize(1);
    Element svg = svgs.get(0);
    assertThat(svg.selectFirst("title").text()).isNotBlank();
    String desc = svg.selectFirst("desc").text();
    assertThat(desc).contains(a.band().id());
    List<Element> tracks = svg.select("rect.track");
    List<Element> bars = svg.select("rect.bar");
    assertThat(bars).hasSize(3);
    for (int i = 0; i < 3; i++) {
      Assessment.LessonResult l = a.lessons().get(i);
      BigDecimal trackWidth = new BigDecimal(tracks.get(i).attr("width"));
      BigDecimal barWidth = new BigDecimal(bars.get(i).attr("width"));
      BigDecimal expected = l.share().round(6).multiply(trackWidth);
      assertThat(barWidth.subtract(expected).abs()).isLessThan(new BigDecimal("0.01"));
      assertThat(bars.get(i).attr("data-lesson")).isEqualTo(l.lesson().id());
      assertThat(bars.get(i).hasClass("below")).isEqualTo(l.belowFloor());
      assertThat(desc).contains(l.lesson().text(lang).title());
    }
    assertThat(svg.select("line.floor")).hasSize(1);
    assertThat(svg.select("line.line")).hasSize(1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examplesAndLanguages")
  void nothingIsFetchedFromAnywhere(String example, Language lang) throws Exception {
    String page = html(GoldenReportsTest.assess(example, lang));
    Document doc = Jsoup.parse(page);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("link[rel=stylesheet], img, iframe, object, embed")).isEmpty();
    for (Element e : doc.select("[src], [href]")) {
      assertThat(e.attr("src") + e.attr("href")).doesNotContainPattern("(?i)^\\s*(https?:)?//");
    }
    assertThat(page)
        .doesNotContainPattern("(?i)@import")
        .doesNotContainPattern("(?i)url\\(\\s*['\"]?(https?:)?//");
  }

  @Test
  void hostileProposalTextRendersAsText() throws Exception {
    String yaml =
        """
        version: 1
        name: "<script>alert('x')</script> \\"quoted\\" &amp; [klik](javascript:alert(1))"
        neighbourhood: "<a href=\\"javascript:alert(1)\\">Moerwijk</a> مرکز"
        district: "&lt;b&gt;"
        revenue:
          - type: sales
            counterparty: "<img src=x onerror=alert(1)>"
            status: contract
            per_year: {2026: 1000}
          - type: subsidy
            counterparty: Fonds
            status: contract
            per_year: {2026: 700}
        """;
    Assessment a =
        new Assessor(RubricLoader.builtin())
            .assess("h.yaml", yaml.getBytes(StandardCharsets.UTF_8), Language.EN)
            .assessment();
    String page = html(a);
    Document doc = Jsoup.parse(page);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("a")).isEmpty();
    assertThat(doc.select("img")).isEmpty();
    assertThat(doc.selectFirst("h1").text())
        .isEqualTo("<script>alert('x')</script> \"quoted\" &amp; [klik](javascript:alert(1))");
    assertThat(doc.select("span[dir=auto]").first().text()).contains("<a href=").contains("مرکز");
    assertThat(doc.text()).contains("<img src=x onerror=alert(1)>").contains("&lt;b&gt;");
    assertThat(page)
        .doesNotContain("<script>")
        .doesNotContain("<img src")
        .doesNotContain("href=\"javascript");
  }
}
