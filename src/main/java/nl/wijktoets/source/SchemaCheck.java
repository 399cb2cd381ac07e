package nl.wijktoets.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.YamlNode.Mapping;
import nl.wijktoets.source.YamlNode.Scalar;
import nl.wijktoets.source.YamlNode.Sequence;

/**
 * A JSON Schema (draft 2020-12) that a located YAML tree is checked against: the single source of a
 * format's structure (which keys exist, their types, required keys and enumerated values). The
 * networknt validator does the checking, and each violation becomes a located {@link Finding}.
 */
public final class SchemaCheck {

  /**
   * An enumerated field whose values users may write in several ways (Dutch synonyms, any case):
   * the schema compares the canonical form, and messages list the allowed values.
   */
  public interface Enumeration {
    Optional<String> canonicalise(String written);

    List<String> allowed();

    /**
     * The one or two allowed words nearest to what was written, nearest first, each for a different
     * value (none when nothing is near enough to be a typo).
     */
    default List<String> nearest(String written) {
      List<String> near = Suggestions.nearest(written, allowed(), Integer.MAX_VALUE);
      List<String> out = new ArrayList<>();
      Set<String> values = new HashSet<>();
      for (String word : near) {
        if (out.size() < 2 && values.add(canonicalise(word).orElse(word))) {
          out.add(word);
        }
      }
      return out;
    }
  }

  /** Finds the enumeration of a YAML path, or null; {@link #NO_ENUMERATIONS} for none at all. */
  public interface Enumerations {
    Enumeration at(String path);
  }

  public static final Enumerations NO_ENUMERATIONS = path -> null;

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private final String text;
  private final JsonNode schemaNode;
  private final JsonSchema schema;
  private final Enumerations enumerations;
  private final boolean misplacedKeys;

  /** A schema from a class-path resource, with the enumerations of its format. */
  public SchemaCheck(String resource, Enumerations enumerations) {
    this(resource, enumerations, false);
  }

  /**
   * A schema from a class-path resource, with the enumerations of its format.
   *
   * @param misplacedKeys whether a key that is unknown where it stands but belongs to the block
   *     next to it (the empty {@code per_year:} above it, the block around it) is a {@code
   *     yaml/indentation} error that says where it belongs, instead of an unknown key
   */
  public SchemaCheck(String resource, Enumerations enumerations, boolean misplacedKeys) {
    this.enumerations = enumerations;
    this.misplacedKeys = misplacedKeys;
    try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      schemaNode = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonMetaSchema meta =
        JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new NonValidationKeyword("x-canonical"))
            .keyword(new NonValidationKeyword("x-synonyms"))
            .keyword(new NonValidationKeyword("x-description-nl"))
            .keyword(new NonValidationKeyword("x-expect"))
            .build();
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.metaSchema(meta));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
    schema = factory.getSchema(schemaNode, config);
  }

  /** The schema's text, as {@code wijktoets schema} prints it. */
  public String text() {
    return text;
  }

  /**
   * Checks a proposal's tree against the schema. Values the loader reads leniently are prepared
   * first: empty values count as absent, and enumerated values are compared in their canonical form
   * (so {@code Coöperatie} and {@code cooperatie} are both {@code cooperative}).
   */
  public List<Finding> validate(YamlNode root, Map<String, SourceLocation> locations) {
    return validate(root, locations, new Run(root));
  }

  /** {@link #validate(YamlNode, Map)} with the run's lookups given (tests count its steps). */
  List<Finding> validate(YamlNode root, Map<String, SourceLocation> locations, Run run) {
    JsonNode json = toJson(root, enumerations);
    if (json == null) {
      return List.of();
    }
    List<ValidationMessage> messages = new ArrayList<>(schema.validate(json));
    // one finding per place: the most specific keyword wins
    Map<String, ValidationMessage> best = new LinkedHashMap<>();
    messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
    for (ValidationMessage m : messages) {
      String path = pathOf(m);
      ValidationMessage current = best.get(path);
      if (current == null || priority(m.getType()) < priority(current.getType())) {
        best.put(path, m);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (var e : best.entrySet()) {
      if ("propertyNames".equals(e.getValue().getType())) {
        badKeys(run, e.getKey(), findings);
      } else {
        findings.add(finding(e.getKey(), e.getValue(), run, locations));
      }
    }
    return findings;
  }

  /** For a mapping whose keys break the schema's key pattern: one finding per bad key. */
  private void badKeys(Run run, String path, List<Finding> findings) {
    JsonNode fieldSchema = run.schemaAt(path);
    String pattern =
        fieldSchema != null && fieldSchema.has("propertyNames")
            ? fieldSchema.get("propertyNames").path("pattern").asText("^[0-9]{4}$")
            : "^[0-9]{4}$";
    Pattern p = Pattern.compile(pattern);
    boolean years = pattern.contains("{4}");
    if (run.nodeAt(path) instanceof Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        if (!p.matcher(e.key().text()).find()) {
          findings.add(
              Finding.error(
                  "schema/type",
                  e.key().location(),
                  e.key().path(),
                  years ? "finding.year" : "finding.key-pattern",
                  e.key().text(),
                  lastKey(path)));
        }
      }
    }
  }

  private static int priority(String keyword) {
    return switch (keyword) {
      case "required" -> 0;
      case "additionalProperties" -> 1;
      case "type" -> 2;
      case "enum" -> 3;
      case "propertyNames" -> 4;
      case "minimum", "minLength", "pattern" -> 5;
      default -> 9;
    };
  }

  /** The YAML path a message is about (for required and unknown keys: the key's own path). */
  private static String pathOf(ValidationMessage m) {
    String base = instancePath(m);
    if (("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))
        && m.getProperty() != null) {
      return YamlNode.child(base, m.getProperty());
    }
    return base;
  }

  private static String instancePath(ValidationMessage m) {
    String p = m.getInstanceLocation().toString();
    if (p.startsWith("$.")) {
      p = p.substring(2);
    } else if (p.startsWith("$")) {
      p = p.substring(1);
    }
    // JSON path quotes unusual keys: $['per_year']['2026'] -> per_year.2026
    p = p.replaceAll("\\['([^']*)']", ".$1").replaceAll("^\\.", "");
    return p;
  }

  private Finding finding(
      String path, ValidationMessage m, Run run, Map<String, SourceLocation> locations) {
    YamlNode root = run.root;
    String parent = instancePath(m);
    SourceLocation at =
        Optional.ofNullable(locations.get(path))
            .or(() -> Optional.ofNullable(locations.get(parent)))
            .orElse(root.location());
    String key = lastKey(path);
    JsonNode fieldSchema = run.schemaAt(path);
    return switch (m.getType()) {
      case "required" -> Finding.error("schema/required", at, path, "finding.required", key);
      case "additionalProperties" -> {
        JsonNode parentSchema = run.schemaAt(parent);
        List<String> known = new ArrayList<>();
        if (parentSchema != null && parentSchema.has("properties")) {
          parentSchema.get("properties").fieldNames().forEachRemaining(known::add);
        }
        if (misplacedKeys) {
          Finding misplaced = misplaced(run, parent, key, path);
          if (misplaced != null) {
            yield misplaced;
          }
        }
        if (Privacy.isPrivate(path)) { // the key itself may be a name or a phone number
          yield Finding.warning(
              "schema/unknown-key",
              at,
              path,
              "finding.unknown-key.private",
              Privacy.shownPath(parent),
              String.join(", ", known));
        }
        String nearest = Suggestions.nearest(key, known);
        yield nearest != null
            ? Finding.warning(
                "schema/unknown-key", at, path, "finding.unknown-key.suggest", key, nearest)
            : Finding.warning(
                "schema/unknown-key",
                at,
                path,
                "finding.unknown-key",
                key,
                String.join(", ", known));
      }
      case "enum" -> {
        Enumeration v = enumerations.at(path);
        String written = Privacy.shown(path, written(m));
        if (v != null) {
          yield unknownValue(at, path, written, v);
        }
        List<String> allowed = enumValues(fieldSchema);
        String near = Suggestions.nearest(written, allowed);
        String shown = Suggestions.shortened(written, SHOWN_VALUE);
        yield near == null
            ? Finding.error(
                "schema/enum", at, path, "finding.enum", shown, key, String.join(", ", allowed))
            : Finding.error(
                "schema/enum",
                at,
                path,
                "finding.enum.list-suggest",
                shown,
                key,
                near,
                String.join(", ", allowed));
      }
      case "propertyNames" ->
          Finding.error(
              "schema/type", at, path, "finding.year", Privacy.shown(path, written(m)), key);
      case "minItems", "maxItems" ->
          Finding.error(
              "schema/type",
              at,
              path,
              "finding.items",
              key,
              fieldSchema == null ? "?" : fieldSchema.path(m.getType()).asText("?"));
      default -> {
        Finding dash = misplacedKeys ? dashWithoutSpace(run, path, fieldSchema) : null;
        if (dash == null && misplacedKeys) {
          dash = listWithoutDashes(run, path, fieldSchema);
        }
        yield dash != null
            ? dash
            : Finding.error(
                "schema/type",
                at,
                path,
                "finding.expected",
                key,
                expected(fieldSchema),
                Privacy.shown(path, written(m)));
      }
    };
  }

  /** How many characters of a written value an unknown-value message quotes. */
  private static final int SHOWN_VALUE = 60;

  /**
   * An unknown value of an enumerated field ({@code schema/enum}): the one or two allowed words
   * nearest to what was written, and where the full list is ({@code wijktoets explain sector}),
   * instead of every allowed word. The message stays under 300 characters whatever was written.
   */
  public Finding unknownValue(SourceLocation at, String path, String written, Enumeration v) {
    String key = lastKey(path);
    String shown = Suggestions.shortened(written, SHOWN_VALUE);
    String field = shortName(path);
    List<String> near = v.nearest(written);
    return switch (near.size()) {
      case 0 -> Finding.error("schema/enum", at, path, "finding.enum.explain", shown, key, field);
      case 1 ->
          Finding.error(
              "schema/enum", at, path, "finding.enum.suggest", shown, key, near.get(0), field);
      default ->
          Finding.error(
              "schema/enum",
              at,
              path,
              "finding.enum.suggest2",
              shown,
              key,
              near.get(0),
              near.get(1),
              field);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The format's fields by name: for messages and wijktoets explain

  /**
   * Every field and block of the format, by its path without list positions ({@code
   * partners.sector}), in the schema's order; a block whose keys are free (the years of {@code
   * per_year}) is one field.
   */
  public List<String> fieldPaths() {
    List<String> out = new ArrayList<>();
    collectFields(resolve(schemaNode), "", out, 0);
    return out;
  }

  private void collectFields(JsonNode node, String prefix, List<String> out, int depth) {
    if (node == null || depth > 20) {
      return;
    }
    JsonNode s = node;
    while (s != null && s.has("items")) { // a list: its items' keys
      s = resolve(s.get("items"));
    }
    if (s == null || !s.has("properties")) {
      return;
    }
    var names = s.get("properties").fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      out.add(path);
      collectFields(resolve(s.get("properties").get(name)), path, out, depth + 1);
    }
  }

  /**
   * The shortest name that names one field alone: its own key ({@code sector}), or as many keys
   * from the end of its path as it takes ({@code revenue.type}, {@code consultations.type}).
   */
  public String shortName(String path) {
    String p = path.replaceAll("\\[\\d*]", "");
    List<String> all = fieldPaths();
    String[] parts = p.split("\\.");
    for (int n = 1; n < parts.length; n++) {
      String suffix =
          String.join(".", Arrays.asList(parts).subList(parts.length - n, parts.length));
      if (all.stream().filter(f -> f.equals(suffix) || f.endsWith("." + suffix)).count() == 1) {
        return suffix;
      }
    }
    return p;
  }

  /**
   * The fields a name names: the field with that path (list positions such as {@code [0]} or {@code
   * []} ignored), else every field whose path ends with it ({@code type}: the four {@code type}
   * fields). Empty for no field.
   */
  public List<String> fieldsNamed(String name) {
    String n = name.strip().replaceAll("\\[\\d*]", "");
    List<String> all = fieldPaths();
    if (all.contains(n)) {
      return List.of(n);
    }
    return all.stream().filter(f -> f.endsWith("." + n)).toList();
  }

  /**
   * The message key of what a field holds ({@code expect.amount}: "an amount of euros such as
   * 12500"), as messages about a wrong type name it.
   */
  public String expectedKey(String fieldPath) {
    return expected(fieldSchema(fieldPath)).substring(1);
  }

  /** What a field is for, from the schema's description in the language (empty if none). */
  public String description(String path, Language lang) {
    JsonNode s = fieldSchema(path);
    if (s == null) {
      return "";
    }
    String nl = s.path("x-description-nl").asText("");
    return lang == Language.NL && !nl.isEmpty() ? nl : s.path("description").asText("");
  }

  // ---------------------------------------------------------------------------------------------
  // Keys in the wrong block: indentation mistakes

  /**
   * A key that is unknown where it stands but belongs to a block next to it, as a {@code
   * yaml/indentation} error on its line that says where it belongs: under the key just above it (an
   * empty {@code per_year:} followed by {@code 2027: 50000} at the same indentation; the keys of
   * {@code connector:} not indented under it; a key that slipped out of a list item), or next to
   * the block it stands in (a key indented one level too far). Null when it belongs nowhere near.
   */
  private Finding misplaced(Run run, String parent, String key, String path) {
    if (!(run.nodeAt(parent) instanceof Mapping m)) {
      return null;
    }
    int i = run.position(m, key);
    if (i < 0) {
      return null;
    }
    Scalar keyNode = m.entries().get(i).key();
    // the nearest key above that does belong here (other misplaced keys of the same block
    // skipped): the block the key was meant to be in
    int j = run.belongingAbove(m, run.schemaAt(parent))[i];
    if (j >= 0) {
      YamlNode.Entry above = m.entries().get(j);
      Finding under = under(run, above, YamlNode.child(parent, above.key().text()), keyNode, path);
      if (under != null) {
        return under;
      }
    }
    return outOf(run, parent, keyNode, path);
  }

  /** The key belongs under {@code above}: an empty block, its block, or its last list item. */
  private Finding under(
      Run run, YamlNode.Entry above, String abovePath, Scalar keyNode, String path) {
    JsonNode block = run.schemaAt(abovePath);
    if (block == null) {
      return null;
    }
    String key = keyNode.text();
    YamlNode value = above.value();
    int keyColumn = keyNode.location().column();
    int aboveLine = above.key().location().line();
    int aboveColumn = above.key().location().column();
    if (acceptsKey(block, key)) {
      int target;
      if (value instanceof Scalar sv && sv.isNull()) {
        target = aboveColumn + run.indentStep();
      } else if (value instanceof Mapping vm
          && run.position(vm, key) < 0
          && !vm.entries().isEmpty()
          && vm.location().line() > aboveLine) {
        target = vm.entries().get(0).key().location().column();
      } else {
        return null;
      }
      return target <= keyColumn
          ? null
          : Finding.error(
              "yaml/indentation",
              keyNode.location(),
              path,
              "finding.yaml.misplaced",
              key,
              above.key().text(),
              aboveLine,
              target - keyColumn,
              target);
    }
    JsonNode items = resolve(block.get("items"));
    if (items == null || !acceptsKey(items, key)) {
      return null;
    }
    if (value instanceof Scalar sv && sv.isNull()) {
      return Finding.error(
          "yaml/indentation",
          keyNode.location(),
          path,
          "finding.yaml.misplaced.new-item",
          key,
          above.key().text(),
          aboveLine);
    }
    if (value instanceof Sequence seq
        && !seq.items().isEmpty()
        && seq.items().get(seq.items().size() - 1) instanceof Mapping item
        && run.position(item, key) < 0
        && !item.entries().isEmpty()) {
      int target = item.entries().get(0).key().location().column();
      return target <= keyColumn
          ? null
          : Finding.error(
              "yaml/indentation",
              keyNode.location(),
              path,
              "finding.yaml.misplaced.item",
              key,
              above.key().text(),
              item.location().line(),
              target - keyColumn,
              target);
    }
    return null;
  }

  /** The key is one level too deep: it belongs next to the block it stands in. */
  private Finding outOf(Run run, String parent, Scalar keyNode, String path) {
    String container = parent.replaceAll("\\[\\d+]$", "");
    if (container.isEmpty()) {
      return null;
    }
    int dot = container.lastIndexOf('.');
    String outer = dot < 0 ? "" : container.substring(0, dot);
    String containerKey = container.substring(dot + 1);
    String key = keyNode.text();
    if (!(run.nodeAt(outer) instanceof Mapping om)
        || run.position(om, key) >= 0
        || !acceptsKey(run.schemaAt(outer), key)) {
      return null;
    }
    int at = run.position(om, containerKey);
    if (at < 0) {
      return null;
    }
    Scalar containerNode = om.entries().get(at).key();
    int target = containerNode.location().column();
    int keyColumn = keyNode.location().column();
    return target >= keyColumn
        ? null
        : Finding.error(
            "yaml/indentation",
            keyNode.location(),
            path,
            "finding.yaml.misplaced.out",
            key,
            containerKey,
            containerNode.location().line(),
            keyColumn - target,
            target);
  }

  /**
   * A list written with a dash but no space after it ({@code -name: a}): YAML reads a key {@code
   * -name}, and the block is no list. Null for anything else.
   */
  private Finding dashWithoutSpace(Run run, String path, JsonNode fieldSchema) {
    if (fieldSchema == null
        || !"array".equals(fieldSchema.path("type").asText())
        || !(run.nodeAt(path) instanceof Mapping m)
        || m.entries().isEmpty()) {
      return null;
    }
    Scalar first = m.entries().get(0).key();
    String rest = first.text().substring(first.text().startsWith("-") ? 1 : 0);
    if (!first.text().startsWith("-") || rest.isEmpty() || rest.startsWith(" ")) {
      return null;
    }
    return Finding.error(
        "yaml/syntax",
        first.location(),
        path,
        "finding.yaml.dash-no-space",
        first.text(),
        "- " + rest + ":");
  }

  /**
   * A list written as keys, without dashes ({@code resident_groups:} followed by {@code name: x}
   * and {@code type: y}): an error on the first key that says to put a dash before each item. Null
   * for anything else.
   */
  private Finding listWithoutDashes(Run run, String path, JsonNode fieldSchema) {
    if (fieldSchema == null
        || !"array".equals(fieldSchema.path("type").asText())
        || !(run.nodeAt(path) instanceof Mapping m)
        || m.entries().isEmpty()
        || !acceptsKey(resolve(fieldSchema.get("items")), m.entries().get(0).key().text())) {
      return null;
    }
    Scalar first = m.entries().get(0).key();
    return Finding.error(
        "schema/type",
        first.location(),
        path,
        "finding.yaml.list-without-dashes",
        lastKey(path),
        first.text());
  }

  /** Whether a block's schema has a key: a property, or a key its pattern allows (years). */
  private boolean acceptsKey(JsonNode blockSchema, String key) {
    JsonNode s = resolve(blockSchema);
    if (s == null) {
      return false;
    }
    if (s.has("properties") && s.get("properties").has(key)) {
      return true;
    }
    JsonNode pattern = s.path("propertyNames").path("pattern");
    return pattern.isTextual()
        && s.path("additionalProperties").isObject()
        && patterns.computeIfAbsent(pattern.asText(), Pattern::compile).matcher(key).find();
  }

  /** The schema's key patterns, compiled once. */
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  /**
   * The lookups of one validation, each done once however many keys need it: a proposal with
   * 200,000 unknown keys gets 200,000 findings, and each must cost a constant amount of work, not a
   * scan of its block (which made the check quadratic).
   */
  final class Run {
    private final YamlNode root;
    private final Map<String, Optional<JsonNode>> schemas = new HashMap<>();
    private final Map<String, Optional<YamlNode>> nodes = new HashMap<>();
    private final Map<Mapping, Map<String, Integer>> positions = new IdentityHashMap<>();
    private final Map<Mapping, int[]> belonging = new IdentityHashMap<>();
    private int indentStep = -1;
    private long steps;

    Run(YamlNode root) {
      this.root = root;
    }

    /** How many entries and path segments this run has looked at: linear in the tree's size. */
    long steps() {
      return steps;
    }

    JsonNode schemaAt(String path) {
      return schemas
          .computeIfAbsent(path, p -> Optional.ofNullable(SchemaCheck.this.schemaAt(p)))
          .orElse(null);
    }

    /** The node at a YAML path, or null. */
    YamlNode nodeAt(String path) {
      Optional<YamlNode> known = nodes.get(path);
      if (known != null) {
        return known.orElse(null);
      }
      YamlNode node = root;
      Matcher m = PATH_STEP.matcher(path);
      while (!path.isEmpty() && m.find() && node != null) {
        steps++;
        if (m.group(1) != null) {
          node =
              node instanceof Mapping map && position(map, m.group(1)) >= 0
                  ? map.entries().get(position(map, m.group(1))).value()
                  : null;
        } else {
          int i = Integer.parseInt(m.group(2));
          node = node instanceof Sequence seq && i < seq.items().size() ? seq.items().get(i) : null;
        }
      }
      nodes.put(path, Optional.ofNullable(node));
      return node;
    }

    /** Where a key stands in a mapping (its first place), or -1. */
    int position(Mapping m, String key) {
      return positions
          .computeIfAbsent(
              m,
              map -> {
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < map.entries().size(); i++) {
                  steps++;
                  index.putIfAbsent(map.entries().get(i).key().text(), i);
                }
                return index;
              })
          .getOrDefault(key, -1);
    }

    /**
     * For each key of a mapping, the place of the nearest key above it that the block's schema
     * accepts (-1 for none).
     */
    int[] belongingAbove(Mapping m, JsonNode blockSchema) {
      return belonging.computeIfAbsent(
          m,
          map -> {
            int[] above = new int[map.entries().size()];
            int last = -1;
            for (int i = 0; i < above.length; i++) {
              steps++;
              above[i] = last;
              if (acceptsKey(blockSchema, map.entries().get(i).key().text())) {
                last = i;
              }
            }
            return above;
          });
    }

    int indentStep() {
      if (indentStep < 0) {
        indentStep = SchemaCheck.indentStep(root);
      }
      return indentStep;
    }
  }

  private static final Pattern PATH_STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

  /**
   * The file's own indentation step: how far the keys of a block usually stand from the key that
   * opens it (2 unless the file does otherwise).
   */
  static int indentStep(YamlNode root) {
    Map<Integer, Integer> steps = new java.util.TreeMap<>();
    java.util.Deque<YamlNode> todo = new java.util.ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      YamlNode n = todo.pop();
      if (n instanceof Mapping m) {
        for (YamlNode.Entry e : m.entries()) {
          if (e.value() instanceof Mapping child
              && !child.entries().isEmpty()
              && child.location().line() > e.key().location().line()) {
            int step =
                child.entries().get(0).key().location().column() - e.key().location().column();
            if (step > 0) {
              steps.merge(step, 1, Integer::sum);
            }
          }
          todo.push(e.value());
        }
      } else if (n instanceof Sequence seq) {
        seq.items().forEach(todo::push);
      }
    }
    return steps.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(e -> -e.getKey()))
        .map(Map.Entry::getKey)
        .orElse(2);
  }

  private static String written(ValidationMessage m) {
    JsonNode n = m.getInstanceNode();
    if (n == null) {
      return "";
    }
    if (n.isContainerNode()) {
      return n.isArray() ? "[...]" : "{...}";
    }
    return n.asText();
  }

  private static String lastKey(String path) {
    String p = path.replaceAll("\\[\\d+]$", "");
    int dot = p.lastIndexOf('.');
    return dot < 0 ? p : p.substring(dot + 1);
  }

  private static List<String> enumValues(JsonNode fieldSchema) {
    List<String> values = new ArrayList<>();
    if (fieldSchema != null && fieldSchema.has("enum")) {
      fieldSchema.get("enum").forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  /**
   * What the schema expects at a place, as a message key (resolved in the reader's language when
   * the finding is printed, see {@link Finding#message}). A schema names its own key with {@code
   * x-expect}; otherwise it is derived from the type.
   */
  private static String expected(JsonNode fieldSchema) {
    if (fieldSchema == null) {
      return "@expect.value";
    }
    if (fieldSchema.has("x-expect")) { // the schema names its own message key
      return "@" + fieldSchema.get("x-expect").asText();
    }
    String anyOf = fieldSchema.has("anyOf") ? fieldSchema.get("anyOf").toString() : "";
    if (anyOf.contains("\"boolean\"")) {
      return "@expect.boolean";
    }
    List<String> types = new ArrayList<>();
    JsonNode type = fieldSchema.get("type");
    if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type != null) {
      types.add(type.asText());
    }
    String pattern = fieldSchema.path("pattern").asText("");
    if (pattern.contains("[0-9]{4}")
        || fieldSchema.has("maximum") && fieldSchema.path("maximum").asInt() == 9999) {
      return "@expect.year";
    }
    if (types.contains("number") && types.contains("string")) {
      return fieldSchema.path("description").asText("").toLowerCase(Locale.ROOT).contains("euro")
          ? "@expect.amount"
          : "@expect.number-or-text";
    }
    if (types.contains("integer") && types.contains("string")) {
      return "@expect.version";
    }
    if (types.contains("integer")) {
      return "@expect.count";
    }
    if (types.contains("number")) {
      return "@expect.number";
    }
    if (types.contains("array")) {
      return "@expect.list";
    }
    if (types.contains("object")) {
      return "@expect.mapping";
    }
    if (types.contains("string")) {
      return fieldSchema.has("minLength") || !pattern.isEmpty()
          ? "@expect.non-empty"
          : "@expect.text";
    }
    return "@expect.value";
  }

  /**
   * The (resolved) schema of a field by its path without list positions ({@code partners.sector}),
   * or null.
   */
  public JsonNode fieldSchema(String fieldPath) {
    JsonNode node = resolve(schemaNode);
    if (fieldPath.isEmpty()) {
      return node;
    }
    for (String key : fieldPath.split("\\.")) {
      while (node != null && !node.has("properties") && node.has("items")) {
        node = resolve(node.get("items"));
      }
      JsonNode props = node == null ? null : node.get("properties");
      if (props == null || !props.has(key)) {
        return null;
      }
      node = resolve(props.get(key));
    }
    return node;
  }

  /** The (resolved) schema node that describes a YAML path, or null. */
  public JsonNode schemaAt(String path) {
    JsonNode node = resolve(schemaNode);
    if (path.isEmpty()) {
      return node;
    }
    for (String segment : path.split("\\.")) {
      String key = segment.replaceAll("\\[\\d+]", "");
      int indexes = (segment.length() - segment.replace("[", "").length());
      if (!key.isEmpty()) {
        JsonNode props = node == null ? null : node.get("properties");
        if (props != null && props.has(key)) {
          node = resolve(props.get(key));
        } else if (node != null
            && node.has("additionalProperties")
            && node.get("additionalProperties").isObject()) {
          node = resolve(node.get("additionalProperties"));
        } else {
          return null;
        }
      }
      for (int i = 0; i < indexes; i++) {
        node = node == null ? null : resolve(node.get("items"));
      }
    }
    return node;
  }

  /** Follows a local {@code $ref}, keeping the referring node's own keywords. */
  private JsonNode resolve(JsonNode node) {
    if (node == null || !node.has("$ref")) {
      return node;
    }
    String ref = node.get("$ref").asText();
    if (!ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = schemaNode.at(ref.substring(1));
    if (target.isMissingNode()) {
      return node;
    }
    ObjectNode merged = ((ObjectNode) target).deepCopy();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("$ref")) {
                merged.set(e.getKey(), e.getValue());
              }
            });
    return merged;
  }

  /**
   * The tree as JSON for validation: YAML 1.2 scalar kinds, empty values left out, enumerated
   * values canonicalised, and numbers the loader refuses as out of range left out (the loader
   * reports them).
   */
  static JsonNode toJson(YamlNode node, Enumerations enumerations) {
    if (node instanceof Mapping m) {
      ObjectNode obj = F.objectNode();
      for (YamlNode.Entry e : m.entries()) {
        JsonNode value = toJson(e.value(), enumerations);
        if (value != null) {
          obj.set(e.key().text(), value);
        }
      }
      return obj;
    }
    if (node instanceof Sequence s) {
      ArrayNode arr = F.arrayNode();
      for (YamlNode item : s.items()) {
        JsonNode value = toJson(item, enumerations);
        if (value != null) { // empty items (and aliases, reported as such) are left out
          arr.add(value);
        }
      }
      return arr;
    }
    Scalar s = (Scalar) node;
    return switch (s.kind()) {
      case NULL -> null;
      case BOOLEAN -> F.booleanNode(s.text().equalsIgnoreCase("true"));
      case INTEGER, DECIMAL -> number(s.text());
      case STRING -> {
        Enumeration v = enumerations.at(s.path());
        String text = v == null ? s.text() : v.canonicalise(s.text()).orElse(s.text());
        yield F.textNode(text);
      }
    };
  }

  private static JsonNode number(String text) {
    try {
      if (text.startsWith("0o")) {
        return F.numberNode(new BigInteger(text.substring(2), 8));
      }
      if (text.startsWith("0x")) {
        return F.numberNode(new BigInteger(text.substring(2), 16));
      }
      Fraction f = Fraction.parse(text);
      BigDecimal d = new BigDecimal(text.strip().replace("+", ""));
      if (f.isInteger()) {
        return F.numberNode(f.numerator());
      }
      return F.numberNode(d);
    } catch (NumberFormatException | ArithmeticException e) {
      // too many digits for an exact score: still a number to the schema (the loader reports
      // the value itself), unless its exponent is absurd
      try {
        BigDecimal d = new BigDecimal(text.strip().replace("+", ""));
        return Math.abs(d.scale()) <= 1000 ? F.numberNode(d) : null;
      } catch (NumberFormatException | ArithmeticException notANumber) {
        return null;
      }
    }
  }
}
