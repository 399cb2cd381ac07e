package nl.wijktoets.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.MarkedText;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.AssessmentDiff;
import nl.wijktoets.util.Version;

/** {@code wijktoets diff} output: Markdown for a working group, JSON for tools. */
public final class DiffReport {

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private DiffReport() {}

  /**
   * The diff in Markdown, in the report language's number format. Totals and lesson scores keep two
   * decimals, and each change is the difference of the two numbers as printed, so that before,
   * change and after add up on paper ({@code 53,00 → 73,75 (+20,75)}).
   */
  public static String markdown(AssessmentDiff d, Language lang) {
    return markdown(d, lang, null);
  }

  /** The diff in Markdown, naming the project settings file the run used (null: none). */
  public static String markdown(AssessmentDiff d, Language lang, String config) {
    StringBuilder out = new StringBuilder();
    String name = d.after().proposal().name();
    out.append("# ")
        .append(Messages.get(lang, "diff.title"))
        .append(": ")
        .append(value(name))
        .append("\n\n");
    out.append(MarkdownOutputFormat.code(d.before().proposal().file()))
        .append(" → ")
        .append(MarkdownOutputFormat.code(d.after().proposal().file()))
        .append("\n\n");
    out.append("| | ")
        .append(Messages.get(lang, "diff.before"))
        .append(" | ")
        .append(Messages.get(lang, "diff.after"))
        .append(" | ")
        .append(Messages.get(lang, "diff.change"))
        .append(" |\n");
    out.append("|---|---:|---:|---:|\n");
    out.append("| **").append(Messages.get(lang, "diff.total")).append("** | ");
    totals(out, d.before().total(), d.after().total(), lang);
    out.append("| **")
        .append(Messages.get(lang, "report.band"))
        .append("** | ")
        .append(d.before().band().id())
        .append(" | ")
        .append(d.after().band().id())
        .append(" | ")
        .append(
            d.before().band().id().equals(d.after().band().id())
                ? "="
                : d.before().band().id() + " → " + d.after().band().id())
        .append(" |\n");
    for (AssessmentDiff.LessonChange l : d.lessons()) {
      out.append("| ").append(words(l.title())).append(" | ");
      totals(out, l.before(), l.after(), lang);
    }
    out.append("\n## ").append(Messages.get(lang, "diff.criteria")).append("\n\n");
    boolean any = false;
    Rubric rubric = d.after().rubric();
    for (AssessmentDiff.CriterionChange c : d.criteria()) {
      if (!c.changed()) {
        continue;
      }
      any = true;
      String title = rubric.criterion(c.id()).map(x -> x.text(lang).title()).orElse(c.id());
      out.append("### ")
          .append(words(title))
          .append(": ")
          .append(Messages.get(lang, "diff.level", c.levelBefore(), c.levelAfter()))
          .append(" (")
          .append(signed(c.delta(), lang))
          .append(")\n\n");
      if (c.fields().isEmpty()) {
        out.append(Messages.get(lang, "diff.no-fields")).append("\n\n");
      } else {
        for (AssessmentDiff.FieldChange f : c.fields()) {
          out.append("- ")
              .append(MarkdownOutputFormat.code(f.path()))
              .append(": ")
              .append(fieldValue(f.before(), lang))
              .append(" → ")
              .append(fieldValue(f.after(), lang))
              .append('\n');
        }
        out.append('\n');
      }
    }
    if (!any) {
      out.append(Messages.get(lang, "diff.unchanged")).append("\n\n");
    }
    out.append("---\n\n")
        .append(
            Messages.get(
                lang,
                "diff.footer",
                Version.NAME,
                Version.version(),
                rubric.id(),
                rubric.version(),
                rubric.hash()));
    if (config != null) {
      out.append(' ').append(Messages.get(lang, "report.config", value(config)));
    }
    out.append('\n');
    return MarkdownOutputFormat.finish(out.toString());
  }

  /** Before, after and change of a total, two decimals each; the change as printed adds up. */
  private static void totals(StringBuilder out, Fraction before, Fraction after, Language lang) {
    Fraction b = Fraction.of(before.round(2));
    Fraction a = Fraction.of(after.round(2));
    Fraction change = a.minus(b);
    out.append(Formats.twoDecimals(b, lang))
        .append(" | ")
        .append(Formats.twoDecimals(a, lang))
        .append(" | ")
        .append(
            change.isZero()
                ? "="
                : (change.signum() > 0 ? "+" : "−")
                    + Formats.twoDecimals(change.signum() > 0 ? change : change.negate(), lang))
        .append(" |\n");
  }

  private static String value(String v) {
    return MarkdownOutputFormat.INSTANCE.escapePlainText(v);
  }

  private static String words(String w) {
    return MarkdownOutputFormat.markup(MarkedText.words(w));
  }

  /** A field's value as typed, as code; a field that is not there in words. */
  private static String fieldValue(String v, Language lang) {
    return v == null ? "_" + Messages.get(lang, "diff.absent") + "_" : MarkdownOutputFormat.code(v);
  }

  private static String signed(Fraction f, Language lang) {
    if (f.isZero()) {
      return "=";
    }
    return (f.signum() > 0 ? "+" : "−") + Formats.points(f.signum() > 0 ? f : f.negate(), lang);
  }

  public static String json(AssessmentDiff d) {
    return json(d, null);
  }

  /** The diff as JSON, naming the project settings file the run used ({@code config}). */
  public static String json(AssessmentDiff d, String config) {
    ObjectNode root = F.objectNode();
    root.put("schemaVersion", "1");
    ObjectNode tool = root.putObject("tool");
    tool.put("name", Version.NAME);
    tool.put("version", Version.version());
    ObjectNode rubric = root.putObject("rubric");
    rubric.put("id", d.after().rubric().id());
    rubric.put("version", d.after().rubric().version());
    rubric.put("hash", d.after().rubric().hash());
    if (config != null) {
      root.put("config", config);
    }
    root.put("old", d.before().proposal().file());
    root.put("new", d.after().proposal().file());
    ObjectNode total = root.putObject("total");
    total.set("before", JsonReport.number(d.before().total()));
    total.set("after", JsonReport.number(d.after().total()));
    total.set("change", JsonReport.number(d.totalDelta()));
    ObjectNode band = root.putObject("band");
    band.put("before", d.before().band().id());
    band.put("after", d.after().band().id());
    ArrayNode lessons = root.putArray("lessons");
    for (AssessmentDiff.LessonChange l : d.lessons()) {
      ObjectNode n = lessons.addObject();
      n.put("id", l.id());
      n.set("before", JsonReport.number(l.before()));
      n.set("after", JsonReport.number(l.after()));
      n.set("change", JsonReport.number(l.delta()));
    }
    ArrayNode criteria = root.putArray("criteria");
    for (AssessmentDiff.CriterionChange c : d.criteria()) {
      ObjectNode n = criteria.addObject();
      n.put("id", c.id());
      n.put("lesson", c.lessonId());
      n.put("levelBefore", c.levelBefore());
      n.put("levelAfter", c.levelAfter());
      n.set("before", JsonReport.number(c.before()));
      n.set("after", JsonReport.number(c.after()));
      n.set("change", JsonReport.number(c.delta()));
      ArrayNode fields = n.putArray("fields");
      if (c.changed()) {
        for (AssessmentDiff.FieldChange f : c.fields()) {
          ObjectNode fn = fields.addObject();
          fn.put("path", f.path());
          if (f.before() == null) {
            fn.putNull("before");
          } else {
            fn.put("before", f.before());
          }
          if (f.after() == null) {
            fn.putNull("after");
          } else {
            fn.put("after", f.after());
          }
        }
      }
    }
    return JsonReport.write(root);
  }
}
