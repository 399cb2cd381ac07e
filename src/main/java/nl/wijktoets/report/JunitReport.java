package nl.wijktoets.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Gates;

/**
 * Assessments as JUnit XML for CI dashboards: one test suite per proposal, one test case per
 * criterion, failing where its lesson is below {@code --min-lesson} or below the rubric's floor. A
 * suite's properties name the proposal, its score, the rubric and the project settings file the run
 * used ({@code config}; left out for none), so that the score can be reproduced.
 */
public final class JunitReport {

  private JunitReport() {}

  /**
   * @param config the project settings file the run used, as the user knows it, or null for none
   */
  public static String render(List<Assessment> all, BigDecimal minLesson, String config) {
    return XmlWriter.document(
        w -> {
          long tests = 0;
          long failures = 0;
          for (Assessment a : all) {
            for (Assessment.LessonResult l : a.lessons()) {
              tests += l.criteria().size();
              if (failing(l, a, minLesson)) {
                failures += l.criteria().size();
              }
            }
          }
          w.startElement("testsuites");
          w.attribute("name", "wijktoets assess");
          w.attribute("tests", Long.toString(tests));
          w.attribute("failures", Long.toString(failures));
          w.attribute("errors", "0");
          for (Assessment a : all) {
            suite(w, a, minLesson, config);
          }
          w.endElement();
        });
  }

  /** One proposal's test suite (also streamed by batch). */
  public static void suite(XmlWriter w, Assessment a, BigDecimal minLesson, String config)
      throws IOException {
    Language lang = a.language();
    int suiteTests = 0;
    int suiteFailures = 0;
    for (Assessment.LessonResult l : a.lessons()) {
      suiteTests += l.criteria().size();
      suiteFailures += failing(l, a, minLesson) ? l.criteria().size() : 0;
    }
    w.startElement("testsuite");
    w.attribute("name", a.proposal().file());
    w.attribute("tests", Integer.toString(suiteTests));
    w.attribute("failures", Integer.toString(suiteFailures));
    w.attribute("errors", "0");
    w.attribute("skipped", "0");
    w.attribute("time", "0");
    w.startElement("properties");
    property(w, "name", a.proposal().name());
    property(w, "total", a.total().toPlainString(6));
    property(w, "band", a.band().id());
    property(
        w, "rubric", a.rubric().id() + " " + a.rubric().version() + " sha256:" + a.rubric().hash());
    if (config != null) {
      property(w, "config", config);
    }
    w.endElement();
    for (Assessment.LessonResult l : a.lessons()) {
      for (Assessment.CriterionResult c : l.criteria()) {
        w.startElement("testcase");
        w.attribute("classname", a.proposal().file() + "." + l.lesson().id());
        w.attribute("name", c.criterion().id());
        w.attribute("time", "0");
        if (failing(l, a, minLesson)) {
          w.emptyElement("failure");
          w.attribute("type", "lesson-below-threshold");
          w.attribute("message", reason(l, a, minLesson, lang));
        }
        w.startElement("system-out");
        w.text(
            Messages.get(
                    lang,
                    "report.junit.case",
                    c.level(),
                    Formats.points(c.contribution(), lang),
                    Formats.points(c.criterion().weight(), lang),
                    Texts.measured(c, lang).plain())
                + "\n");
        w.endElement();
        w.endElement();
      }
    }
    w.endElement();
  }

  /**
   * A batch row that could not be scored (also streamed by batch): a test suite named after its
   * line in the list, with one failing test case that says why.
   *
   * @param column the column at fault, or null
   */
  public static void failedRow(
      XmlWriter w, String list, int line, String id, String column, String rule, String message)
      throws IOException {
    String name = list + ":" + line;
    w.startElement("testsuite");
    w.attribute("name", name);
    w.attribute("tests", "1");
    w.attribute("failures", "1");
    w.attribute("errors", "0");
    w.attribute("skipped", "0");
    w.attribute("time", "0");
    w.startElement("properties");
    property(w, "id", id);
    property(w, "line", Integer.toString(line));
    w.endElement();
    w.startElement("testcase");
    w.attribute("classname", name);
    w.attribute("name", column == null ? "row" : column);
    w.attribute("time", "0");
    w.emptyElement("failure");
    w.attribute("type", rule);
    w.attribute("message", message);
    w.endElement();
    w.endElement();
  }

  private static void property(XmlWriter w, String name, String value) throws IOException {
    w.emptyElement("property");
    w.attribute("name", name);
    w.attribute("value", value == null ? "" : value);
  }

  static boolean failing(Assessment.LessonResult l, Assessment a, BigDecimal minLesson) {
    return l.belowFloor() || Gates.of(null, minLesson).lessonBelow(l);
  }

  private static String reason(
      Assessment.LessonResult l, Assessment a, BigDecimal minLesson, Language lang) {
    List<String> why = new ArrayList<>();
    if (l.belowFloor()) {
      why.add(
          Messages.get(
              lang,
              "report.junit.floor",
              l.lesson().text(lang).title(),
              Formats.percent(l.share(), lang),
              Formats.percent(a.rubric().lessonFloor(), lang)));
    }
    if (minLesson != null && l.share().lessThan(Fraction.of(minLesson).dividedBy(100))) {
      why.add(
          Messages.get(
              lang,
              "report.junit.min-lesson",
              l.lesson().text(lang).title(),
              Formats.percent(l.share(), lang),
              minLesson.toPlainString()));
    }
    return String.join("; ", why);
  }
}
