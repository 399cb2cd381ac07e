package nl.wijktoets.report;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.MarkedText;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.measure.Evidence;
import nl.wijktoets.measure.Gap;
import nl.wijktoets.measure.Missing;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.source.Finding;
import nl.wijktoets.util.Version;

/**
 * The data a report template sees: plain maps, lists, strings, numbers and booleans, every number
 * already formatted for the report's language, and the report's fixed texts under {@code t}. A
 * template can reach nothing else. Contact details and founders' names are not in it.
 */
public final class ReportModel {

  private ReportModel() {}

  /** The model of one assessment's report. */
  public static Map<String, Object> of(Assessment a, int top) {
    return of(a, top, null);
  }

  /**
   * The model of one assessment's report, naming the project settings file the run used ({@code
   * footer.config}, empty for none).
   */
  public static Map<String, Object> of(Assessment a, int top, String config) {
    Language lang = a.language();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t", labels(lang));
    m.put("lang", lang.code());
    m.put("file", a.proposal().file());
    Map<String, Object> proposal = new LinkedHashMap<>();
    proposal.put("name", a.proposal().name());
    proposal.put("neighbourhood", a.proposal().neighbourhood());
    proposal.put("district", nullToEmpty(a.proposal().district()));
    proposal.put("municipality", nullToEmpty(a.proposal().municipality()));
    m.put("proposal", proposal);
    // a file still mostly the init template: the report says at the top whose plan it is not
    Proposal.Example example = a.proposal().example();
    if (example != null) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("untouched", example.untouched());
      e.put("of", example.of());
      m.put("example", e);
    }
    m.put("total", Formats.total(a.total(), lang));
    m.put("total_exact", a.total().toPlainString(6));
    m.put("band", band(a, lang));
    Map<String, Missing> missing = a.missing();
    m.put("lessons", lessons(a, missing, lang));
    List<Map<String, Object>> steps = new ArrayList<>();
    int n = 0;
    for (Assessment.NextStep s : a.nextSteps()) {
      if (n >= top) {
        break;
      }
      n++;
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("number", n);
      step.put("id", s.criterion().criterion().id());
      step.put("title", MarkedText.words(s.criterion().criterion().text(lang).title()));
      step.put(
          "lesson",
          a.rubric()
              .lessonOf(s.criterion().criterion().id())
              .map(l -> MarkedText.words(l.text(lang).title()))
              .orElse(MarkedText.EMPTY));
      step.put("gain", Formats.points(s.gain(), lang));
      Missing gaps = missing.get(s.criterion().criterion().id());
      step.put("target", Texts.target(s, gaps, lang));
      step.put("advice", Texts.advice(s.criterion(), gaps, lang));
      step.put("first_because_floor", s.inLessonBelowFloor());
      steps.add(step);
    }
    m.put("next_steps", steps);
    m.put("more_steps", Math.max(0, a.nextSteps().size() - n));
    List<Map<String, Object>> waivers = new ArrayList<>();
    for (Assessment.LessonResult l : a.lessons()) {
      for (Assessment.CriterionResult c : l.criteria()) {
        if (c.waived()) {
          Map<String, Object> w = new LinkedHashMap<>();
          w.put("id", c.criterion().id());
          w.put("title", MarkedText.words(c.criterion().text(lang).title()));
          w.put("lesson", MarkedText.words(l.lesson().text(lang).title()));
          w.put("reason", nullToEmpty(c.waiverReason()).strip().replaceAll("[.!]+$", ""));
          w.put(
              "effect",
              Messages.marked(
                  lang,
                  "report.waiver.effect",
                  Formats.points(c.criterion().weight(), lang),
                  l.lesson().text(lang).title()));
          waivers.add(w);
        }
      }
    }
    m.put("waivers", waivers);
    List<Map<String, Object>> warnings = new ArrayList<>();
    for (Finding f : a.warnings()) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("line", f.location().line());
      w.put("column", f.location().column());
      w.put("rule", f.rule());
      w.put("message", f.marked(lang));
      warnings.add(w);
    }
    m.put("warnings", warnings);
    List<String> years = a.referenceYears().stream().map(String::valueOf).toList();
    m.put("years", String.join(", ", years));
    m.put(
        "years_from",
        Messages.marked(lang, "report.years." + a.yearsSource().name().toLowerCase(Locale.ROOT)));
    Map<String, Object> footer = new LinkedHashMap<>();
    footer.put("tool", Version.NAME);
    footer.put("version", Version.version());
    footer.put("rubric_id", a.rubric().id());
    footer.put("rubric_version", a.rubric().version());
    footer.put("rubric_hash", a.rubric().hash());
    footer.put("config", nullToEmpty(config));
    m.put("footer", footer);
    return m;
  }

  private static Map<String, Object> band(Assessment a, Language lang) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("id", a.band().id());
    b.put("label", MarkedText.words(a.band().label().getOrDefault(lang, a.band().id())));
    b.put("capped", a.capped());
    b.put("uncapped_id", a.uncappedBand().id());
    b.put(
        "uncapped_label",
        MarkedText.words(a.uncappedBand().label().getOrDefault(lang, a.uncappedBand().id())));
    List<String> below = new ArrayList<>();
    for (Assessment.LessonResult l : a.lessons()) {
      if (l.belowFloor()) {
        below.add(l.lesson().text(lang).title());
      }
    }
    b.put("lessons_below_floor", below);
    b.put("floor", Formats.percent(a.rubric().lessonFloor(), lang));
    b.put("floor_num", a.rubric().lessonFloor().round(6));
    Fraction line =
        a.rubric().bands().stream()
            .map(Rubric.Band::minLessonShare)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(Fraction.of(1, 2));
    b.put("line_num", line.round(6));
    b.put("line", Formats.percent(line, lang));
    b.put("line_band", a.rubric().bands().get(0).id());
    return b;
  }

  private static List<Map<String, Object>> lessons(
      Assessment a, Map<String, Missing> missing, Language lang) {
    List<Map<String, Object>> out = new ArrayList<>();
    int number = 0;
    for (Assessment.LessonResult l : a.lessons()) {
      number++;
      Rubric.LessonTexts texts = l.lesson().text(lang);
      Map<String, Object> lesson = new LinkedHashMap<>();
      lesson.put("number", number);
      lesson.put("id", l.lesson().id());
      lesson.put("title", MarkedText.words(texts.title()));
      lesson.put("why", MarkedText.words(texts.why()));
      lesson.put("weight", Formats.points(l.lesson().weight(), lang));
      lesson.put("score", Formats.points(l.score(), lang));
      lesson.put("share", Formats.percent(l.share(), lang));
      lesson.put("share_exact", l.share().toPlainString(6));
      lesson.put("share_num", l.share().round(6));
      lesson.put("score_exact", l.score().toPlainString(6));
      lesson.put("weight_exact", l.lesson().weight().toPlainString(6));
      lesson.put("below_floor", l.belowFloor());
      lesson.put(
          "verdict",
          MarkedText.words(texts.verdicts().getOrDefault(verdictKey(l.share(), a.rubric()), "")));
      boolean rescaled = l.criteria().stream().anyMatch(Assessment.CriterionResult::waived);
      List<Map<String, Object>> criteria = new ArrayList<>();
      for (Assessment.CriterionResult c : l.criteria()) {
        criteria.add(criterion(c, rescaled, missing.get(c.criterion().id()), lang));
      }
      lesson.put("criteria", criteria);
      out.add(lesson);
    }
    return out;
  }

  private static String verdictKey(Fraction share, Rubric rubric) {
    if (share.lessThan(rubric.lessonFloor())) {
      return "weak";
    }
    if (share.lessThan(Fraction.of(1, 2))) {
      return "developing";
    }
    if (share.lessThan(Fraction.of(3, 4))) {
      return "sound";
    }
    return "strong";
  }

  private static Map<String, Object> criterion(
      Assessment.CriterionResult c, boolean rescaled, Missing missing, Language lang) {
    Rubric.CriterionTexts texts = c.criterion().text(lang);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.criterion().id());
    m.put("title", MarkedText.words(texts.title()));
    m.put("why", MarkedText.words(texts.why()));
    m.put("level", c.level());
    m.put("level_text", MarkedText.words(Texts.levelText(c.criterion(), c.level(), lang)));
    m.put("weight", Formats.points(c.criterion().weight(), lang));
    m.put("points", Formats.points(c.points(), lang));
    m.put("contribution", Formats.points(c.contribution(), lang));
    m.put("rescaled", rescaled && !c.waived());
    m.put("measured", Texts.measured(c, lang));
    m.put("waived", c.waived());
    m.put("waiver_reason", nullToEmpty(c.waiverReason()));
    MarkedText cap = MarkedText.EMPTY;
    if (c.measured().uncappedLevel() != null) {
      cap =
          Messages.marked(
              lang, "report.cap." + c.measured().cap(), c.measured().uncappedLevel(), c.level());
    }
    m.put("cap", cap);
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (Evidence e : c.measured().evidence()) {
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("path", MarkedText.code(e.path()));
      ev.put("line", e.location() == null ? 0 : e.location().line());
      evidence.add(ev);
    }
    m.put("evidence", evidence);
    boolean below = c.level() < 4 && !c.waived();
    // what the next level still needs, by condition, with the fields to change
    m.put("next_level", below ? Texts.nextLevel(c, missing, lang) : MarkedText.EMPTY);
    List<Map<String, Object>> conditions = new ArrayList<>();
    if (below && missing != null) {
      for (Gap g : missing.gaps()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", g.id());
        item.put("condition", Texts.condition(g, lang));
        item.put("fields", g.fields().stream().map(MarkedText::code).toList());
        conditions.add(item);
      }
    }
    m.put("missing", conditions);
    m.put("missing_one_of", below && missing != null && missing.oneOf());
    m.put("advice", below ? Texts.advice(c, missing, lang) : MarkedText.EMPTY);
    return m;
  }

  /** The report's fixed texts: every {@code report.*} message, keyed without the prefix. */
  static Map<String, Object> labels(Language lang) {
    Map<String, Object> t = new LinkedHashMap<>();
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "nl.wijktoets.i18n.messages",
            lang.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Enumeration<String> keys = bundle.getKeys();
    List<String> sorted = new ArrayList<>();
    while (keys.hasMoreElements()) {
      sorted.add(keys.nextElement());
    }
    sorted.sort(null);
    for (String key : sorted) {
      if (key.startsWith("report.")) {
        // the template's own words: written as they are in Markdown, escaped as text in HTML
        t.put(
            key.substring(7).replace('.', '_').replace('-', '_'),
            MarkedText.fill(bundle.getString(key)));
      }
    }
    return t;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
