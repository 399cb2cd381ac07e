package nl.wijktoets.report;

import freemarker.core.HTMLOutputFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.util.Version;

/**
 * The overview of a batch in Markdown or HTML: counts per band, each lesson's distribution, the
 * ranking, and the most common weaknesses with advice. The HTML reuses the assessment page's
 * styling and chart partials.
 */
public final class OverviewReport {

  public static final String MD_TEMPLATE = "overview.md.ftl";
  public static final String HTML_TEMPLATE = "overview.html.ftl";

  /** How many weaknesses the overview lists. */
  public static final int WEAKNESSES = 5;

  private final Templates templates;
  private final String config;

  public OverviewReport(Templates templates) {
    this(templates, null);
  }

  /**
   * @param config the project settings file the run used, named in the footer; null for none
   */
  public OverviewReport(Templates templates, String config) {
    this.templates = templates;
    this.config = config;
  }

  public String render(Overview o, String list, Language lang, boolean html)
      throws ReportException {
    Map<String, Object> model = model(o, list, lang, config);
    String text =
        html
            ? templates.render(HTML_TEMPLATE, model, HTMLOutputFormat.INSTANCE, lang)
            : templates.render(MD_TEMPLATE, model, MarkdownOutputFormat.INSTANCE, lang);
    return MarkdownReport.normalise(text);
  }

  static Map<String, Object> model(Overview o, String list, Language lang) {
    return model(o, list, lang, null);
  }

  static Map<String, Object> model(Overview o, String list, Language lang, String config) {
    Rubric rubric = o.rubric();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t", ReportModel.labels(lang));
    m.put("lang", lang.code());
    m.put("list", list);
    m.put("rows", o.rows());
    m.put("ok", o.ok());
    m.put("errors", o.errors());
    m.put("gate_failures", o.gateFailures());
    m.put("mean_total", Formats.total(o.meanTotal(), lang));
    List<Map<String, Object>> bands = new ArrayList<>();
    for (Rubric.Band b : rubric.bands()) {
      Map<String, Object> band = new LinkedHashMap<>();
      long count = o.bands().getOrDefault(b.id(), 0L);
      band.put("id", b.id());
      band.put("label", b.label().getOrDefault(lang, b.id()));
      band.put("count", count);
      band.put("share", o.ok() == 0 ? "0%" : Formats.percent(Fraction.of(count, o.ok()), lang));
      bands.add(band);
    }
    m.put("bands", bands);
    List<Map<String, Object>> lessons = new ArrayList<>();
    int number = 0;
    for (Rubric.Lesson l : rubric.lessons()) {
      number++;
      long[] counts = o.histograms().get(l.id());
      long max = 1;
      for (long c : counts) {
        max = Math.max(max, c);
      }
      List<Map<String, Object>> buckets = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("from", i * 100 / counts.length);
        bucket.put("to", (i + 1) * 100 / counts.length);
        bucket.put("count", counts[i]);
        bucket.put(
            "height",
            BigDecimal.valueOf(counts[i]).divide(BigDecimal.valueOf(max), 6, RoundingMode.HALF_UP));
        bucket.put("below_floor", Fraction.of((i + 1), counts.length).atMost(rubric.lessonFloor()));
        buckets.add(bucket);
      }
      Map<String, Object> lesson = new LinkedHashMap<>();
      lesson.put("number", number);
      lesson.put("id", l.id());
      lesson.put("title", l.text(lang).title());
      lesson.put("buckets", buckets);
      lesson.put("max", max);
      long below = o.belowFloor(l.id());
      lesson.put("below_floor", below);
      lessons.add(lesson);
    }
    m.put("lessons", lessons);
    m.put("floor", Formats.percent(rubric.lessonFloor(), lang));
    m.put("top", ranked(o.top(), lang));
    m.put("bottom", ranked(o.bottom(), lang));
    List<Map<String, Object>> weak = new ArrayList<>();
    for (var e : o.weaknesses()) {
      if (weak.size() >= WEAKNESSES || e.getValue() == 0) {
        break;
      }
      Rubric.Criterion c = rubric.criterion(e.getKey()).orElseThrow();
      Rubric.CriterionTexts texts = c.text(lang);
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("id", c.id());
      w.put("title", texts.title());
      w.put("lesson", rubric.lessonOf(c.id()).map(l -> l.text(lang).title()).orElse(""));
      w.put("count", e.getValue());
      w.put("share", Formats.percent(Fraction.of(e.getValue(), Math.max(1, o.ok())), lang));
      w.put("why", texts.why());
      w.put("needs", Texts.levelText(c, 2, lang));
      // advice without measured values: the level-0 advice where the rubric has one, else its
      // general advice, else the advice for the measure's first condition (what a level-0
      // proposal misses)
      String advice =
          texts.adviceByLevel().getOrDefault(0, texts.adviceByLevel().getOrDefault(1, ""));
      if (advice.isEmpty() || advice.contains("{")) {
        advice = texts.advice();
      }
      if ((advice.isEmpty() || advice.contains("{"))
          && c.measure() != null
          && !c.measure().conditions().isEmpty()) {
        advice = texts.adviceByCondition().getOrDefault(c.measure().conditions().get(0), "");
      }
      w.put("advice", advice.contains("{") ? "" : advice);
      weak.add(w);
    }
    m.put("weaknesses", weak);
    m.put("blank", o.blank());
    m.put(
        "blank_note", o.blank() == 0 ? "" : Messages.get(lang, "report.overview.blank", o.blank()));
    List<Map<String, Object>> failed = new ArrayList<>();
    for (Overview.Failed f : o.failed()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("line", f.line());
      row.put("id", f.id());
      row.put("column", f.column());
      row.put("message", f.message());
      failed.add(row);
    }
    m.put("failed", failed);
    m.put(
        "failed_more",
        o.errors() > failed.size()
            ? Messages.get(lang, "report.overview.failed.more", o.errors() - failed.size())
            : "");
    List<Map<String, Object>> below = new ArrayList<>();
    for (Overview.BelowGate b : o.belowGate()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("row", b.row());
      row.put("line", b.line());
      row.put("id", b.id());
      row.put("name", b.name() == null ? "" : b.name());
      row.put("total", Formats.total(b.total(), lang));
      row.put("band", b.band());
      below.add(row);
    }
    m.put("below_gate", below);
    m.put(
        "below_gate_more",
        o.gateFailures() > below.size()
            ? Messages.get(lang, "report.overview.below_gate.more", o.gateFailures() - below.size())
            : "");
    m.put("group_column", o.groupColumn() == null ? "" : o.groupColumn());
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Overview.Group g : o.groups()) {
      Map<String, Object> group = new LinkedHashMap<>();
      String name =
          g.name().isEmpty()
              ? Messages.get(lang, "report.overview.group.empty")
              : Overview.OTHER.equals(g.name())
                  ? Messages.get(lang, "report.overview.group.other")
                  : g.name();
      group.put("name", name);
      List<Long> counts = new ArrayList<>();
      for (long c : g.bands()) {
        counts.add(c);
      }
      group.put("bands", counts);
      group.put("scored", g.scored());
      group.put("errors", g.errors());
      group.put("mean_total", g.scored() == 0 ? "" : Formats.total(g.meanTotal(), lang));
      groups.add(group);
    }
    m.put("groups", groups);
    m.put(
        "groups_title",
        o.groupColumn() == null
            ? ""
            : Messages.get(lang, "report.overview.groups", o.groupColumn()));
    m.put(
        "groups_intro",
        o.groupColumn() == null
            ? ""
            : Messages.get(lang, "report.overview.groups.intro", o.groupColumn()));
    Map<String, Object> footer = new LinkedHashMap<>();
    footer.put("tool", Version.NAME);
    footer.put("version", Version.version());
    footer.put("rubric_id", rubric.id());
    footer.put("rubric_version", rubric.version());
    footer.put("rubric_hash", rubric.hash());
    footer.put("config", config == null ? "" : config);
    m.put("footer", footer);
    m.put("ranked_count", Overview.RANKED);
    m.put("summary", Messages.get(lang, "report.overview.summary", o.rows(), o.ok(), o.errors()));
    return m;
  }

  private static List<Map<String, Object>> ranked(List<Overview.Ranked> list, Language lang) {
    List<Map<String, Object>> out = new ArrayList<>();
    int i = 0;
    for (Overview.Ranked r : list) {
      i++;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", i);
      m.put("row", r.row());
      m.put("id", r.id());
      m.put("name", r.name() == null ? "" : r.name());
      m.put("total", Formats.total(r.total(), lang));
      m.put("band", r.band());
      out.add(m);
    }
    return out;
  }
}
