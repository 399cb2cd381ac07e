package nl.wijktoets.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.MarkedText;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.measure.Gap;
import nl.wijktoets.measure.MeasuredValue;
import nl.wijktoets.measure.Missing;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessment;

/**
 * The rubric's texts filled with measured values: placeholders such as {@code {share}} become
 * {@code 31%}, {@code {payer}} the payer's name, formatted per language.
 */
public final class Texts {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  /** Measured words that are vocabulary values and shown in the report's language. */
  private static final Set<String> TRANSLATED = Set.of("tenure", "needed", "now");

  private Texts() {}

  /** A value as a report in the language shows it. */
  public static String format(MeasuredValue v, Language lang) {
    return switch (v.kind()) {
      case SHARE -> Formats.percent(v.fraction(), lang);
      case AMOUNT -> Formats.amount(v.fraction(), lang);
      case NUMBER, COUNT -> Formats.number(v.fraction(), lang);
      case YEAR -> v.fraction().toString();
      case TEXT -> word((String) v.value(), lang);
      case YES_NO -> Messages.get(lang, (Boolean) v.value() ? "value.yes" : "value.no");
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

  /**
   * The advice for a criterion below level 4: the rubric's advice for each condition still missing
   * ({@code advice_by_condition}, so it never advises what the proposal already has), else its
   * advice for the level, filled in. Besides the measured values, a condition's advice can use
   * {@code {needed}} and {@code {now}}.
   */
  public static MarkedText advice(Assessment.CriterionResult c, Missing missing, Language lang) {
    Rubric.CriterionTexts texts = c.criterion().text(lang);
    if (missing != null && !texts.adviceByCondition().isEmpty()) {
      List<MarkedText> parts = new ArrayList<>();
      for (Gap g : missing.gaps()) {
        String text = texts.adviceByCondition().get(g.id());
        if (text != null) {
          Map<String, MeasuredValue> values = new LinkedHashMap<>(c.measured().values());
          if (g.needed() != null) {
            values.put("needed", g.needed());
          }
          if (g.now() != null) {
            values.put("now", g.now());
          }
          parts.add(fill(text, values, lang));
        }
      }
      if (!parts.isEmpty()) {
        return MarkedText.join(parts, " ");
      }
    }
    return fill(texts.adviceFor(c.level()), c.measured().values(), lang);
  }

  /** A value as a condition's words show it, or nothing. */
  private static String shown(MeasuredValue v, Language lang) {
    return v == null ? "" : format(v, lang);
  }

  /** A missing condition in words ("statutes that keep profit in the neighbourhood"). */
  public static MarkedText condition(Gap g, Language lang) {
    return Messages.marked(
        lang,
        "condition." + g.id(),
        shown(g.needed(), lang),
        shown(g.now(), lang),
        g.about() == null ? "" : g.about());
  }

  /** The fields of a condition, as code: {@code `a`, `b`}. */
  public static MarkedText fields(Gap g) {
    return MarkedText.join(g.fields().stream().map(MarkedText::code).toList(), ", ");
  }

  /**
   * What the next level still needs, in words with the fields: "statutes that keep profit in the
   * neighbourhood (`governance.profit_reinvested`)"; several conditions separated by "; ", with
   * "one of:" before them when any one is enough. The level's own text when the measure names no
   * conditions.
   */
  public static MarkedText nextLevel(Assessment.CriterionResult c, Missing missing, Language lang) {
    if (missing == null || missing.isEmpty()) {
      return MarkedText.words(levelText(c.criterion(), c.level() + 1, lang));
    }
    List<MarkedText> items = new ArrayList<>();
    for (Gap g : missing.gaps()) {
      items.add(Messages.marked(lang, "missing.item", condition(g, lang), fields(g)));
    }
    MarkedText list = MarkedText.join(items, "; ");
    return missing.oneOf() ? Messages.marked(lang, "missing.one-of", list) : list;
  }

  /** What a level of a criterion requires. */
  public static String levelText(Rubric.Criterion c, int level, Language lang) {
    var levels = c.text(lang).levels();
    return level >= 0 && level < levels.size() ? levels.get(level) : "";
  }

  /**
   * The target of a next step in words: "now level 3, residents on the board 75%; level 4 still
   * needs statutes that keep profit in the neighbourhood (`governance.profit_reinvested`)".
   */
  public static MarkedText target(Assessment.NextStep step, Missing missing, Language lang) {
    Assessment.CriterionResult c = step.criterion();
    MarkedText measured = measured(c, lang);
    MarkedText needs = nextLevel(c, missing, lang);
    return measured.plain().isBlank()
        ? Messages.marked(lang, "target.plain", step.fromLevel(), step.toLevel(), needs)
        : Messages.marked(lang, "target", step.fromLevel(), measured, step.toLevel(), needs);
  }
}
