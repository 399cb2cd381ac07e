package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.wijktoets.batch.FlatRow;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.testutil.MarkdownCheck;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The batch overview: what it collects, and its Markdown and HTML pages. */
class OverviewReportTest {

  private static final Rubric RUBRIC = RubricLoader.builtin();
  private static final Assessor ASSESSOR = new Assessor(RUBRIC);

  private static Map<String, Integer> index() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < FlatRow.COLUMNS.size(); i++) {
      m.put(FlatRow.COLUMNS.get(i), i);
    }
    return m;
  }

  /** A row of varying strength: i picks how much of the plan is filled in. */
  private static Assessment assessment(int i, String name) throws Exception {
    Map<String, String> cells = new HashMap<>();
    cells.put("name", name);
    cells.put("neighbourhood", "Laak");
    int f = i % 6;
    cells.put("founders", String.valueOf(f));
    cells.put("founders_resident", String.valueOf(f / 2 + (i % 2 == 0 ? 0 : f % 2)));
    cells.put("residents_involved", String.valueOf((i * 7) % 90));
    if (i % 3 != 0) {
      cells.put("board_seats", "3");
      cells.put("board_resident_seats", String.valueOf(i % 4 == 0 ? 3 : 1));
      cells.put("members_meeting", i % 2 == 0 ? "yes" : "no");
      cells.put("connector_hours", String.valueOf(i % 30));
      cells.put("connector_paid", "yes");
    }
    if (i % 4 != 1) {
      cells.put("partners", "district:agreement; business:in-talks");
      cells.put(
          "revenue",
          "right-to-challenge:" + (i * 1000) + ":contract:Stadsdeel; sales:20000:forecast:various");
      cells.put("costs", String.valueOf(30000 + i * 500));
      cells.put("plan_years", "3");
      cells.put("residents_hired", String.valueOf(i % 9));
    }
    if (i % 5 == 0) {
      cells.put("impact_indicators", "3");
      cells.put("risk_mitigated", "yes");
      cells.put("asset_tenure", "self-management");
      cells.put("asset_term_years", "10");
    }
    return ASSESSOR.score(
        FlatRow.toProposal(cells, index(), "list.csv:" + (i + 2), i + 2, 2027),
        Language.EN,
        List.of());
  }

  private static Overview overview(int n, int errorsEvery) throws Exception {
    Overview o = new Overview(RUBRIC);
    for (int i = 0; i < n; i++) {
      if (errorsEvery > 0 && i % errorsEvery == errorsEvery - 1) {
        o.error();
      } else {
        o.add(i + 1, "R" + i, assessment(i, "Plan " + i));
      }
    }
    return o;
  }

  @Test
  void countsBandsHistogramsAndWeaknessesAddUp() throws Exception {
    Overview o = new Overview(RUBRIC);
    List<Assessment> scored = new ArrayList<>();
    long errors = 0;
    for (int i = 0; i < 40; i++) {
      if (i % 9 == 8) {
        o.error();
        errors++;
        continue;
      }
      Assessment a = assessment(i, "Plan " + i);
      scored.add(a);
      o.add(i + 1, "R" + i, a);
    }
    assertThat(o.rows()).isEqualTo(40);
    assertThat(o.errors()).isEqualTo(errors);
    assertThat(o.ok()).isEqualTo(scored.size());
    assertThat(o.bands().keySet()).containsExactly("A", "B", "C", "D");
    assertThat(o.bands().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(scored.size());
    for (String band : List.of("A", "B", "C", "D")) {
      assertThat(o.bands().get(band))
          .isEqualTo(scored.stream().filter(a -> a.band().id().equals(band)).count());
    }
    // histograms: share s goes to bucket floor(10 s), 100% into the last
    for (Rubric.Lesson lesson : RUBRIC.lessons()) {
      long[] expected = new long[Overview.BUCKETS];
      for (Assessment a : scored) {
        Fraction share =
            a.lessons().stream()
                .filter(l -> l.lesson().id().equals(lesson.id()))
                .findFirst()
                .orElseThrow()
                .share();
        int bucket = share.times(Fraction.of(10)).floor().intValue();
        expected[Math.min(9, bucket)]++;
      }
      assertThat(o.histograms().get(lesson.id())).as(lesson.id()).containsExactly(expected);
    }
    // mean total
    Fraction sum = Fraction.ZERO;
    for (Assessment a : scored) {
      sum = sum.plus(a.total());
    }
    assertThat(o.meanTotal()).isEqualTo(sum.dividedBy(scored.size()));
    // weaknesses: criteria at level 0 or 1, most first, ties in rubric order
    Map<String, Long> weak = new LinkedHashMap<>();
    RUBRIC.criteria().forEach(c -> weak.put(c.id(), 0L));
    for (Assessment a : scored) {
      for (Assessment.LessonResult l : a.lessons()) {
        for (Assessment.CriterionResult c : l.criteria()) {
          if (c.level() <= 1) {
            weak.merge(c.criterion().id(), 1L, Long::sum);
          }
        }
      }
    }
    List<Map.Entry<String, Long>> expectedWeak = new ArrayList<>(weak.entrySet());
    expectedWeak.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    assertThat(o.weaknesses()).containsExactlyElementsOf(expectedWeak);
  }

  @Test
  void rankingKeepsTheTenBestAndTenWeakestWithTiesInRowOrder() throws Exception {
    Overview o = new Overview(RUBRIC);
    List<Overview.Ranked> all = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      // many equal totals: only 12 different rows of strength
      Assessment a = assessment(i % 12, "Plan " + i);
      o.add(i + 1, "R" + i, a);
      all.add(new Overview.Ranked(i + 1, "R" + i, "Plan " + i, a.total(), a.band().id()));
    }
    List<Overview.Ranked> best = new ArrayList<>(all);
    best.sort(
        Comparator.comparing(Overview.Ranked::total)
            .reversed()
            .thenComparingInt(Overview.Ranked::row));
    List<Overview.Ranked> worst = new ArrayList<>(all);
    worst.sort(Comparator.comparing(Overview.Ranked::total).thenComparingInt(Overview.Ranked::row));
    assertThat(o.top()).containsExactlyElementsOf(best.subList(0, Overview.RANKED));
    assertThat(o.bottom()).containsExactlyElementsOf(worst.subList(0, Overview.RANKED));
  }

  @Test
  void markdownHasTheBandTableDistributionRankingAndWeaknesses() throws Exception {
    Overview o = overview(30, 7);
    String md = new OverviewReport(new Templates()).render(o, "lijst.csv", Language.EN, false);
    assertThat(md).startsWith("# Assessment overview: lijst.csv\n");
    assertThat(md).contains("30 rows: " + o.ok() + " scored, " + o.errors() + " with an error");
    assertThat(md).contains("Mean total: **" + Formats.total(o.meanTotal(), Language.EN) + "**");
    long bandSum = 0;
    for (String band : List.of("A", "B", "C", "D")) {
      List<String> line = md.lines().filter(l -> l.startsWith("| " + band + ": ")).toList();
      assertThat(line).hasSize(1);
      String[] cells = line.get(0).split("\\|");
      long count = Long.parseLong(cells[2].strip());
      assertThat(count).isEqualTo(o.bands().get(band));
      bandSum += count;
    }
    assertThat(bandSum).isEqualTo(o.ok());
    List<String> lessons = md.lines().filter(l -> l.matches("^\\| [123]\\. .*")).toList();
    assertThat(lessons).hasSize(3);
    int li = 0;
    for (Rubric.Lesson lesson : RUBRIC.lessons()) {
      String[] cells = lessons.get(li++).split("\\|");
      long[] h = o.histograms().get(lesson.id());
      for (int b = 0; b < 10; b++) {
        assertThat(Long.parseLong(cells[b + 2].strip())).isEqualTo(h[b]);
      }
    }
    assertThat(md).contains("## Ranking", "### Strongest proposals", "### Weakest proposals");
    Overview.Ranked first = o.top().get(0);
    assertThat(md)
        .contains(
            "| 1 | "
                + first.row()
                + " | "
                + first.id()
                + " | "
                + first.name()
                + " | "
                + Formats.total(first.total(), Language.EN)
                + " | "
                + first.band()
                + " |");
    assertThat(md).contains("## Most common weaknesses");
    String topWeak = o.weaknesses().get(0).getKey();
    String title = RUBRIC.criterion(topWeak).orElseThrow().text(Language.EN).title();
    assertThat(md).contains("1. **" + title + "**");
    assertThat(md).contains("wijktoets-haags", RUBRIC.hash());
    // the same overview renders to the same bytes
    assertThat(new OverviewReport(new Templates()).render(o, "lijst.csv", Language.EN, false))
        .isEqualTo(md);
  }

  @Test
  void dutchOverviewUsesDutchNumbers() throws Exception {
    Overview o = overview(12, 0);
    String md = new OverviewReport(new Templates()).render(o, "lijst.csv", Language.NL, false);
    String mean = Formats.total(o.meanTotal(), Language.NL);
    assertThat(mean).doesNotContain(".");
    assertThat(md).contains("**" + mean + "**");
    assertThat(md).contains("## ").doesNotContain("Strongest proposals");
  }

  @Test
  void htmlIsSelfContainedWithOneHistogramPerLesson() throws Exception {
    Overview o = overview(25, 6);
    String html = new OverviewReport(new Templates()).render(o, "lijst.csv", Language.EN, true);
    Document doc = Jsoup.parse(html);
    assertThat(doc.title()).contains("lijst.csv");
    List<Element> svgs = doc.select("svg.histogram");
    assertThat(svgs).hasSize(RUBRIC.lessons().size());
    for (int i = 0; i < svgs.size(); i++) {
      String lesson = RUBRIC.lessons().get(i).id();
      List<Element> bars = svgs.get(i).select("rect[data-count]");
      assertThat(bars).hasSize(10);
      long sum = 0;
      for (int b = 0; b < 10; b++) {
        long c = Long.parseLong(bars.get(b).attr("data-count"));
        assertThat(c).isEqualTo(o.histograms().get(lesson)[b]);
        sum += c;
        assertThat(Double.parseDouble(bars.get(b).attr("height"))).isBetween(0.0, 120.0);
      }
      assertThat(sum).isEqualTo(o.ok());
      assertThat(svgs.get(i).selectFirst("title").text()).isNotBlank();
      assertThat(svgs.get(i).selectFirst("desc").text()).isNotBlank();
    }
    for (Element e : doc.select("[src], [href]")) {
      String ref = (e.attr("src") + e.attr("href")).toLowerCase(Locale.ROOT);
      assertThat(ref).doesNotStartWith("http").doesNotStartWith("//");
    }
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("@import", "url(http", "url(//", "<script", "<link");
    long bands = 0;
    for (Element td : doc.select("section[aria-labelledby=bands] tbody tr td:eq(1)")) {
      bands += Long.parseLong(td.text());
    }
    assertThat(bands).isEqualTo(o.ok());
  }

  @Test
  void hostileNamesAndIdsAreEscaped() throws Exception {
    Overview o = new Overview(RUBRIC);
    o.add(1, "<b>id</b>", assessment(5, "<script>alert('x')</script>"));
    o.add(2, "x", assessment(6, "Tom & Jerry \"quoted\" | pipe"));
    String html =
        new OverviewReport(new Templates()).render(o, "<i>list</i>.csv", Language.EN, true);
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script, b, i")).isEmpty();
    assertThat(doc.select("td").eachText())
        .contains("<script>alert('x')</script>", "<b>id</b>", "Tom & Jerry \"quoted\" | pipe");
    assertThat(doc.selectFirst("h1").text()).isEqualTo("<i>list</i>.csv");
    String md = new OverviewReport(new Templates()).render(o, "list.csv", Language.EN, false);
    MarkdownCheck.parse(md)
        .isInert()
        .tablesAreWhole()
        .shows("<script>alert('x')</script>")
        .shows("<b>id</b>")
        .shows("Tom & Jerry \"quoted\" | pipe");
    List<String> rows =
        md.lines().filter(l -> l.startsWith("| 1 | ") || l.startsWith("| 2 | ")).toList();
    assertThat(rows).hasSize(4);
    for (String r : rows) {
      assertThat(r.split("(?<!\\\\)\\|")).as(r).hasSize(7);
    }
  }

  @Test
  void anOverviewWithoutScoredRows() throws Exception {
    Overview o = new Overview(RUBRIC);
    o.error();
    o.error();
    assertThat(o.meanTotal()).isEqualTo(Fraction.ZERO);
    assertThat(o.top()).isEmpty();
    String md = new OverviewReport(new Templates()).render(o, "list.csv", Language.EN, false);
    assertThat(md).contains("2 rows: 0 scored, 2 with an error");
    assertThat(md).contains("No criterion is at level 0 or 1 for any proposal.");
    assertThat(md).contains("| A: Strong: ready to talk to the municipality | 0 | 0% |");
    String html = new OverviewReport(new Templates()).render(o, "list.csv", Language.EN, true);
    Document doc = Jsoup.parse(html);
    for (Element bar : doc.select("svg.histogram rect[data-count]")) {
      assertThat(bar.attr("data-count")).isEqualTo("0");
      assertThat(Double.parseDouble(bar.attr("height"))).isZero();
    }
  }
}
