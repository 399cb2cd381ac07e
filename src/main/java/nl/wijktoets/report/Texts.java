package nl.wijktoets.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.MarkedText;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.measure.MeasuredValue;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessment;

/**
 * The rubric's texts filled with measured values: placeholders such as {@code {share}} become
 * {@code 31%}, {@code {payer}} the payer's name, formatted per language.
 */
public final class Texts {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  /** Measured words that are vocabulary values and shown in the report's language. */
  private static final Set<String> TRANSLATED = Set.of("tenure");

  private Texts() {}

  /** A value as a report in the language shows it. */
  public static String format(MeasuredValue v, Language lang) {
    return switch (v.kind()) {
      case SHARE -> Formats.percent(v.fraction(), lang);
      case AMOUNT -> Formats.amount(v.fraction(), lang);
      case NUMBER, COUNT -> Formats.number(v.fraction(), lang);
      case YEAR -> v.fraction().toString();
      case TEXT -> word((String) v.value(), lang);
    };
  }

  /** A canonical word (e.g. a tenure) in the language, or the text as it is. */
  static String word(String text, Language lang) {
    String key = "value." + text;
    return Messages.has(lang, key) ? Messages.get(lang, key) : text;
  }

  /**
   * Fills the placeholders of a rubric text: the text is the author's words, each filled-in value a
   * value (escaped where Markdown would read it as markup). An unknown placeholder stays as
   * written.
   */
  public static MarkedText fill(String template, Map<String, MeasuredValue> values, Language lang) {
    if (template == null || template.isEmpty()) {
      return MarkedText.EMPTY;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    List<MarkedText> parts = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      MeasuredValue v = values.get(m.group(1));
      if (v == null) {
        continue;
      }
      parts.add(MarkedText.words(template.substring(last, m.start())));
      String text =
          v.kind() == MeasuredValue.Kind.TEXT && !TRANSLATED.contains(m.group(1))
              ? (String) v.value() // names (payers, activities) stay as written
              : format(v, lang);
      parts.add(MarkedText.value(text));
      last = m.end();
    }
    parts.add(MarkedText.words(template.substring(last)));
    return MarkedText.join(parts, "");
  }

  /** How the measured value reads ("aandeel publieke taken 31%"). */
  public static MarkedText measured(Assessment.CriterionResult c, Language lang) {
    return fill(c.criterion().text(lang).measured(), c.measured().values(), lang);
  }

  /** The advice for the criterion at its level, filled in. */
  public static MarkedText advice(Assessment.CriterionResult c, Language lang) {
    return fill(c.criterion().text(lang).adviceFor(c.level()), c.measured().values(), lang);
  }

  /** What a level of a criterion requires. */
  public static String levelText(Rubric.Criterion c, int level, Language lang) {
    var levels = c.text(lang).levels();
    return level >= 0 && level < levels.size() ? levels.get(level) : "";
  }

  /**
   * The target of a next step in words: "now level 2, share of public tasks 31%; level 3 needs
   * ...".
   */
  public static MarkedText target(Assessment.NextStep step, Language lang) {
    Assessment.CriterionResult c = step.criterion();
    MarkedText measured = measured(c, lang);
    MarkedText requires = MarkedText.words(levelText(c.criterion(), step.toLevel(), lang));
    return measured.plain().isBlank()
        ? Messages.marked(lang, "target.plain", step.fromLevel(), step.toLevel(), requires)
        : Messages.marked(lang, "target", step.fromLevel(), measured, step.toLevel(), requires);
  }
}
