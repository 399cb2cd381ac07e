package nl.wijktoets.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.SourceLocation;
import nl.wijktoets.source.YamlNode;
import nl.wijktoets.source.YamlNode.Mapping;
import nl.wijktoets.source.YamlNode.Scalar;
import nl.wijktoets.source.YamlNode.Sequence;
import nl.wijktoets.source.YamlTreeReader;

/**
 * An unfilled template says so: which values of a proposal are still the example values that {@code
 * wijktoets init} wrote. The example values are read from the init templates themselves (Dutch and
 * English, the resources {@code init} writes), so there is no second list to keep in step.
 *
 * <p>A value is untouched when it is at the same place (YAML path, with list positions) as in a
 * template and written the same, in either language. {@code version} and {@code language} do not
 * count: nobody changes them.
 *
 * <p>A finished plan shares many values with the example by nature ({@code neighbourhood:
 * Moerwijk}, a board seat {@code voorzitter}, {@code paid: nee}, a baseline 0): the shipped
 * Moerwijk example keeps 41 of the template's values. So single values are not reported one by one:
 * a file counts as the example when at least half of the template's values are untouched, and then
 * each block with untouched values gets one warning ({@code proposal/example-value}) and the report
 * says at the top that it describes the example. In any file, a {@code name} that is still the
 * template's name ("Wijkonderneming (naam invullen)") is a warning of its own: no plan is called
 * that.
 */
public final class TemplateExamples {

  /** The rule of the warnings. */
  public static final String RULE = "proposal/example-value";

  /** The templates {@code wijktoets init} writes, one per language. */
  public static final List<String> TEMPLATES =
      List.of("/nl/wijktoets/init/proposal.nl.yaml", "/nl/wijktoets/init/proposal.en.yaml");

  /** How many key names a block's warning lists before it stops. */
  private static final int KEYS_SHOWN = 6;

  private static final Set<String> NOT_COUNTED = Set.of("version", "language");

  /** What a proposal shares with the template. */
  public record Match(
      /* the values still as init wrote them, in file order */
      List<Scalar> untouched,
      /* how many values the template has */
      int templateValues) {

    /** Whether the file is still mostly the template: at least half of its values untouched. */
    public boolean isExample() {
      return templateValues > 0 && 2 * untouched.size() >= templateValues;
    }
  }

  private TemplateExamples() {}

  private static final class Holder {
    /** path -> the texts init writes there (one per language). */
    static final Map<String, Set<String>> VALUES = load();
  }

  private static Map<String, Set<String>> load() {
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (String resource : TEMPLATES) {
      byte[] bytes;
      try (InputStream in = TemplateExamples.class.getResourceAsStream(resource)) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      YamlNode root =
          new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL).read(resource, bytes).root();
      for (Scalar s : scalars(root)) {
        values.computeIfAbsent(s.path(), k -> new LinkedHashSet<>()).add(s.text());
      }
    }
    return values;
  }

  /** The values the templates hold, by path (for tests and documentation). */
  public static Map<String, Set<String>> values() {
    return Holder.VALUES;
  }

  /** What a proposal's tree still shares with the template. */
  public static Match match(YamlNode root) {
    Map<String, Set<String>> values = Holder.VALUES;
    List<Scalar> untouched = new ArrayList<>();
    for (Scalar s : scalars(root)) {
      Set<String> example = values.get(s.path());
      if (example != null && example.contains(s.text())) {
        untouched.add(s);
      }
    }
    return new Match(List.copyOf(untouched), values.size());
  }

  /**
   * The warnings for a proposal's tree: one per block with untouched values when the file is still
   * mostly the template, else at most one for a {@code name} that is still the template's.
   */
  public static List<Finding> findings(YamlNode root, Match match) {
    if (!(root instanceof Mapping top)) {
      return List.of();
    }
    if (!match.isExample()) {
      return match.untouched().stream()
          .filter(s -> s.path().equals("name"))
          .map(s -> one(s))
          .toList();
    }
    Map<String, List<Scalar>> byBlock = new LinkedHashMap<>();
    for (Scalar s : match.untouched()) {
      byBlock.computeIfAbsent(block(s.path()), k -> new ArrayList<>()).add(s);
    }
    List<Finding> out = new ArrayList<>();
    for (var e : byBlock.entrySet()) {
      List<Scalar> untouched = e.getValue();
      if (untouched.size() == 1) {
        out.add(one(untouched.get(0)));
        continue;
      }
      String keys = keys(untouched);
      if (e.getKey().isEmpty()) {
        out.add(
            Finding.warning(
                RULE,
                untouched.get(0).location(),
                untouched.get(0).path(),
                "finding.example-value.top",
                untouched.size(),
                keys));
      } else {
        SourceLocation at =
            top.entry(e.getKey())
                .map(entry -> entry.key().location())
                .orElse(untouched.get(0).location());
        out.add(
            Finding.warning(
                RULE,
                at,
                e.getKey(),
                "finding.example-value.block",
                untouched.size(),
                e.getKey(),
                keys));
      }
    }
    return out;
  }

  private static Finding one(Scalar s) {
    return Finding.warning(RULE, s.location(), s.path(), "finding.example-value", s.path());
  }

  /** The top-level block a path is in; empty for a value at the top ({@code name}). */
  private static String block(String path) {
    int cut = path.length();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        cut = i;
        break;
      }
    }
    return cut == path.length() ? "" : path.substring(0, cut);
  }

  /** The names of the untouched keys, each once, in file order: name, sector, role. */
  private static String keys(List<Scalar> untouched) {
    Set<String> names = new LinkedHashSet<>();
    for (Scalar s : untouched) {
      String p = s.path().replaceAll("\\[\\d+]", "");
      String last = p.substring(p.lastIndexOf('.') + 1);
      // the years of per_year are values of per_year
      names.add(
          last.matches("\\d+") ? p.substring(0, p.lastIndexOf('.')).replaceAll(".*\\.", "") : last);
    }
    List<String> shown = new ArrayList<>(names);
    if (shown.size() > KEYS_SHOWN) {
      shown = new ArrayList<>(shown.subList(0, KEYS_SHOWN));
      shown.add("…");
    }
    return String.join(", ", shown);
  }

  /** Every scalar value of a tree (not keys), without the fields that do not count. */
  private static List<Scalar> scalars(YamlNode root) {
    List<Scalar> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(YamlNode node, List<Scalar> out) {
    if (node instanceof Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        collect(e.value(), out);
      }
    } else if (node instanceof Sequence seq) {
      for (YamlNode item : seq.items()) {
        collect(item, out);
      }
    } else if (node instanceof Scalar s && !s.isNull() && !NOT_COUNTED.contains(s.path())) {
      out.add(s);
    }
  }
}
