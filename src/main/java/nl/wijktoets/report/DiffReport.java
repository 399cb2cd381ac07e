package nl.wijktoets.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.AssessmentDiff;
import nl.wijktoets.util.Version;

/** {@code wijktoets diff} output: Markdown for a working group, JSON for tools. */
public final class DiffReport {

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private DiffReport() {}

  public static String markdown(AssessmentDiff d, Language lang) {
    return markdown(d, lang, null);
  }

  /** The diff in Markdown, naming the project settings file the run used (null: none). */
  public static String markdown(AssessmentDiff d, Language lang, String config) {
    MarkdownOutputFormat md = MarkdownOutputFormat.INSTANCE;
    StringBuilder out = new StringBuilder();
    String name = d.after().proposal().name();
    out.append("# ")
        .append(Messages.get(lang, "diff.title"))
        .append(": ")
        .append(md.escapePlainText(name))
        .append("\n\n");
    out.append(md.escapePlainText(d.before().proposal().file()))
        .append(" → ")
        .append(md.escapePlainText(d.after().proposal().file()))
        .append("\n\n");
    out.append("| | ")
        .append(Messages.get(lang, "diff.before"))
        .append(" | ")
        .append(Messages.get(lang, "diff.after"))
        .append(" | ")
        .append(Messages.get(lang, "diff.change"))
        .append(" |\n");
    out.append("|---|---:|---:|---:|\n");
    out.append("| **")
        .append(Messages.get(lang, "diff.total"))
        .append("** | ")
        // exact to two decimals, so before + change = after as printed
        .append(Formats.points(d.before().total(), lang))
        .append(" | ")
        .append(Formats.points(d.after().total(), lang))
        .append(" | ")
        .append(signed(d.totalDelta(), lang))
        .append(" |\n");
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
      out.append("| ")
          .append(md.escapePlainText(l.title()))
          .append(" | ")
          .append(Formats.points(l.before(), lang))
          .append(" | ")
          .append(Formats.points(l.after(), lang))
          .append(" | ")
          .append(signed(l.delta(), lang))
          .append(" |\n");
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
          .append(md.escapePlainText(title))
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
              .append(md.escapePlainText(f.path()))
              .append(": ")
              .append(value(f.before(), lang, md))
              .append(" → ")
              .append(value(f.after(), lang, md))
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
      out.append(' ').append(Messages.get(lang, "report.config", md.escapePlainText(config)));
    }
    out.append('\n');
    return out.toString();
  }

  private static String value(String v, Language lang, MarkdownOutputFormat md) {
    return v == null
        ? "_" + Messages.get(lang, "diff.absent") + "_"
        : "\"" + md.escapePlainText(v) + "\"";
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
