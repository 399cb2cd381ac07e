package nl.wijktoets.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.EvidenceFactors;
import nl.wijktoets.proposal.ProposalSchema;
import nl.wijktoets.proposal.Vocabulary;
import nl.wijktoets.source.SchemaCheck;

/**
 * {@code wijktoets explain FIELD}: a field of the proposal format explained from its one source,
 * the proposal schema (what it is for, what it holds), with the allowed values of an enumerated
 * field and the words users may write for each ({@link Vocabulary}), and for an evidence status
 * what each value counts for ({@link EvidenceFactors}). A block lists its keys.
 */
final class FieldExplanation {

  private FieldExplanation() {}

  /**
   * The fields a name names: by path or by its last keys (see {@link SchemaCheck#fieldsNamed}),
   * else the enumerated fields that allow it as a value ({@code woningcorporatie}: {@code
   * partners.sector}); empty for none.
   */
  static List<String> fieldsNamed(String name) {
    SchemaCheck schema = ProposalSchema.get();
    List<String> fields = schema.fieldsNamed(name);
    if (!fields.isEmpty()) {
      return fields;
    }
    return schema.fieldPaths().stream()
        .filter(
            p -> {
              Vocabulary v = Vocabulary.forPath(p);
              return v != null && v.canonicalise(name).isPresent();
            })
        .toList();
  }

  /** Every field path and every field's short name, for suggestions and completion. */
  static List<String> names() {
    SchemaCheck schema = ProposalSchema.get();
    List<String> out = new ArrayList<>();
    for (String path : schema.fieldPaths()) {
      String shortName = schema.shortName(path);
      if (!out.contains(shortName)) {
        out.add(shortName);
      }
    }
    for (String path : schema.fieldPaths()) {
      if (!out.contains(path)) {
        out.add(path);
      }
    }
    return out;
  }

  /** The explanation of the fields (one, or every field a short name like {@code type} names). */
  static String render(List<String> paths, Console console) {
    StringBuilder out = new StringBuilder();
    if (paths.size() > 1) {
      out.append(console.msg("explain.field.several", paths.size())).append("\n\n");
    }
    boolean first = true;
    for (String path : paths) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      out.append(field(path, console));
    }
    return out.toString();
  }

  private static String field(String path, Console console) {
    SchemaCheck schema = ProposalSchema.get();
    Language l = console.language();
    StringBuilder out = new StringBuilder();
    out.append(console.msg("explain.field.title", path)).append('\n');
    String description = schema.description(path, l);
    if (!description.isBlank()) {
      out.append(description).append('\n');
    }
    List<String> keys = keysOf(schema, path);
    Vocabulary vocabulary = Vocabulary.forPath(path);
    if (vocabulary != null) {
      out.append('\n').append(console.msg("explain.field.values")).append('\n');
      out.append(values(path, vocabulary, console));
      out.append(console.msg("explain.field.spelling")).append('\n');
      String evidence = evidenceNote(path);
      if (evidence != null) {
        out.append(console.msg(evidence)).append('\n');
      }
    } else if (!keys.isEmpty()) {
      boolean list = isList(schema, path);
      out.append('\n')
          .append(console.msg(list ? "explain.field.item-keys" : "explain.field.keys"))
          .append('\n');
      int width = keys.stream().mapToInt(String::length).max().orElse(0);
      for (String k : keys) {
        String child = path + "." + k;
        out.append("  ")
            .append(pad(k, width))
            .append("  ")
            .append(firstSentence(schema.description(child, l)))
            .append('\n');
      }
      out.append(console.msg("explain.field.more", path + "." + keys.get(0))).append('\n');
    } else {
      out.append(console.msg("explain.field.holds", console.msg(schema.expectedKey(path))))
          .append('\n');
    }
    return out.toString();
  }

  /** The allowed values, each with the words that mean it and, for evidence, what it counts for. */
  private static String values(String path, Vocabulary vocabulary, Console console) {
    Map<String, List<String>> words = new LinkedHashMap<>();
    for (String c : vocabulary.canonical()) {
      words.put(c, new ArrayList<>());
    }
    vocabulary.synonyms().forEach((word, c) -> words.get(c).add(word));
    int width = vocabulary.canonical().stream().mapToInt(String::length).max().orElse(0);
    int wordsWidth =
        words.values().stream().mapToInt(w -> String.join(", ", w).length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (var e : words.entrySet()) {
      String also = String.join(", ", e.getValue());
      Fraction factor = factor(path, e.getKey());
      StringBuilder line = new StringBuilder("  ").append(pad(e.getKey(), width));
      if (!also.isEmpty() || factor != null) {
        line.append("  ").append(pad(also, wordsWidth));
      }
      if (factor != null) {
        line.append("  ")
            .append(
                console.msg(
                    "explain.field.counts",
                    Formats.percent(factor, console.language()),
                    Formats.points(factor, console.language())));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** What a value of an evidence field counts for, or null for other fields. */
  private static Fraction factor(String path, String value) {
    return switch (path) {
      case "revenue.status" -> EvidenceFactors.ofStatus(value);
      case "partners.commitment" -> EvidenceFactors.ofCommitment(value);
      default -> null;
    };
  }

  private static String evidenceNote(String path) {
    return switch (path) {
      case "revenue.status" -> "explain.field.status-note";
      case "partners.commitment" -> "explain.field.commitment-note";
      default -> null;
    };
  }

  private static List<String> keysOf(SchemaCheck schema, String path) {
    int depth = path.split("\\.").length;
    return schema.fieldPaths().stream()
        .filter(p -> p.startsWith(path + ".") && p.split("\\.").length == depth + 1)
        .map(p -> p.substring(path.length() + 1))
        .toList();
  }

  private static boolean isList(SchemaCheck schema, String path) {
    var s = schema.fieldSchema(path);
    return s != null && "array".equals(s.path("type").asText());
  }

  private static String firstSentence(String text) {
    int semicolon = text.indexOf("; ");
    String s = semicolon < 0 ? text : text.substring(0, semicolon) + ".";
    return s.length() <= 100 ? s : s.substring(0, 99) + "…";
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
