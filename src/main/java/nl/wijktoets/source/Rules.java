package nl.wijktoets.source;

import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;

/**
 * Every rule a finding can have, with its default level; the title and the remediation of each are
 * in the message bundles ({@code rule.<id>} and {@code rule.<id>.help}), in Dutch and English.
 */
public final class Rules {

  /** A rule: a stable id and the level its findings usually have. */
  public record Rule(String id, Finding.Level level) {
    public String title(Language lang) {
      return Messages.get(lang, "rule." + id);
    }

    public String help(Language lang) {
      return Messages.get(lang, "rule." + id + ".help");
    }

    /** The part before the slash: yaml, encoding, limit, schema, ... */
    public String family() {
      return Rules.family(id);
    }
  }

  private static final Finding.Level E = Finding.Level.ERROR;
  private static final Finding.Level W = Finding.Level.WARNING;

  /** All rules, in a stable order. */
  public static final List<Rule> ALL =
      List.of(
          new Rule("yaml/syntax", E),
          new Rule("yaml/tab-indent", E),
          new Rule("yaml/alias", E),
          new Rule("yaml/duplicate-key", E),
          new Rule("yaml/multi-document", E),
          new Rule("encoding/not-utf8", E),
          new Rule("limit/size", E),
          new Rule("limit/depth", E),
          new Rule("schema/type", E),
          new Rule("schema/enum", E),
          new Rule("schema/unknown-key", W),
          new Rule("schema/required", E),
          new Rule("format/version", E),
          new Rule("amount/negative", E),
          new Rule("amount/unreadable", E),
          new Rule("amount/dutch-thousands", W),
          new Rule("amount/text", W),
          new Rule("waiver/no-reason", E),
          new Rule("waiver/not-waivable", E),
          new Rule("waiver/unknown-criterion", E),
          new Rule("waiver/empties-lesson", E),
          new Rule("waiver/has-data", W),
          new Rule("proposal/missing-block", W),
          new Rule("money/years-from-revenue", W),
          new Rule("money/no-years", W),
          new Rule("evidence/missing-status", W),
          new Rule("evidence/missing-commitment", W),
          new Rule("rubric/invalid", E),
          new Rule("rubric/warning", W),
          new Rule("config/unknown-key", W),
          new Rule("config/type", E),
          new Rule("config/enum", E),
          new Rule("config/version", E),
          new Rule("config/missing-path", E),
          // new rules go at the end: CI configurations refer to the ids and their order
          new Rule("schema/number-text", W),
          new Rule("yaml/indentation", E),
          new Rule("proposal/example-value", W));

  private Rules() {}

  public static Rule byId(String id) {
    return ALL.stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElse(new Rule(id, Finding.Level.ERROR));
  }

  public static String family(String ruleId) {
    int slash = ruleId.indexOf('/');
    return slash < 0 ? ruleId : ruleId.substring(0, slash);
  }

  /** The rule families in a stable order (for JUnit test cases). */
  public static List<String> families() {
    return ALL.stream().map(Rule::family).distinct().toList();
  }
}
