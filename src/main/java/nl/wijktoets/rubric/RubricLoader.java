package nl.wijktoets.rubric;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.Measure;
import nl.wijktoets.measure.Measures;
import nl.wijktoets.measure.Parameter;
import nl.wijktoets.proposal.Vocabulary;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.SchemaCheck;
import nl.wijktoets.source.SourceLocation;
import nl.wijktoets.source.Suggestions;
import nl.wijktoets.source.YamlNode;
import nl.wijktoets.source.YamlNode.Mapping;
import nl.wijktoets.source.YamlNode.Scalar;
import nl.wijktoets.source.YamlNode.Sequence;
import nl.wijktoets.source.YamlTreeReader;

/**
 * Loads and checks a rubric from YAML: its structure against the rubric JSON Schema, then unique
 * ids, known measures with valid parameters, positive weights that add up, thresholds and bands in
 * order, and texts in both languages (a missing language falls back to the other, with a warning).
 * Every problem is a located {@link Finding}. The content hash is the SHA-256 of the file's text
 * with line endings normalised to {@code \n}.
 */
public final class RubricLoader {

  /** Where the built-in rubric lives on the class path. */
  public static final String BUILTIN_RESOURCE = "/nl/wijktoets/rubric/builtin-rubric.yaml";

  /**
   * A rubric file's limits: the same as a proposal's (5 MiB, depth 64, 250,000 values; the built-in
   * rubric is far below), with messages that speak of a rubric.
   */
  public static final YamlTreeReader.Limits LIMITS =
      new YamlTreeReader.Limits(
          YamlTreeReader.Limits.PROPOSAL.maxBytes(),
          YamlTreeReader.Limits.PROPOSAL.maxDepth(),
          YamlTreeReader.Limits.PROPOSAL.maxNodes(),
          "rubric");

  private static volatile Rubric builtin;

  private final List<Finding> findings = new ArrayList<>();

  private RubricLoader() {}

  /** A checked rubric (null when it has errors) with every finding, errors and warnings. */
  public record Result(Rubric rubric, List<Finding> findings) {
    public boolean ok() {
      return rubric != null;
    }
  }

  /**
   * The built-in rubric (loaded once). The file was checked in full at build time ({@code
   * BuiltinRubricCheckedTest} records it in {@link #BUILTIN_CHECKED_RESOURCE}); when the packaged
   * file is still that file it is read without the JSON Schema check, which is most of the cost of
   * a check. Any other content gets the full check.
   */
  public static Rubric builtin() {
    Rubric r = builtin;
    if (r == null) {
      byte[] bytes = builtinBytes();
      Result result = check("<built-in rubric>", bytes, !isCheckedBuiltin(bytes));
      if (!result.ok()) {
        throw new IllegalStateException("the built-in rubric is invalid: " + result.findings());
      }
      r = result.rubric();
      builtin = r;
    }
    return r;
  }

  /** A rubric's id, version and content hash: what {@code --version} shows. */
  public record Identity(String id, String version, String hash) {}

  /**
   * The built-in rubric's id, version and hash, as recorded at build time when the packaged file is
   * the one checked then: no YAML is read and no SHA-256 computed (size and CRC-32 tell that it is
   * the same file; they cost nothing at start, unlike the JDK's message digests).
   */
  public static Identity builtinIdentity() {
    Rubric r = builtin;
    if (r == null) {
      if (isCheckedBuiltin(builtinBytes())) {
        return CheckedBuiltin.RECORD.identity();
      }
      r = builtin();
    }
    return new Identity(r.id(), r.version(), r.hash());
  }

  /**
   * Where the built-in rubric as checked at build time is recorded (sha256, id, version, and the
   * file's size and CRC-32), by {@code BuiltinRubricCheckedTest}.
   */
  public static final String BUILTIN_CHECKED_RESOURCE =
      "/nl/wijktoets/rubric/builtin-rubric.checked.properties";

  /** Whether these bytes are the built-in rubric file exactly as it was checked at build time. */
  static boolean isCheckedBuiltin(byte[] bytes) {
    CheckedBuiltin c = CheckedBuiltin.RECORD;
    return c != null && bytes.length == c.size() && crc32(bytes) == c.crc32();
  }

  /** The CRC-32 of a file's bytes (to recognise the checked built-in rubric). */
  public static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  /** The record of the checked built-in rubric, read once; null when it is missing or damaged. */
  private record CheckedBuiltin(Identity identity, long size, long crc32) {
    static final CheckedBuiltin RECORD = read();

    private static CheckedBuiltin read() {
      try (InputStream in = RubricLoader.class.getResourceAsStream(BUILTIN_CHECKED_RESOURCE)) {
        if (in == null) {
          return null;
        }
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Identity identity =
            new Identity(p.getProperty("id"), p.getProperty("version"), p.getProperty("sha256"));
        if (identity.id() == null || identity.version() == null || identity.hash() == null) {
          return null;
        }
        return new CheckedBuiltin(
            identity,
            Long.parseLong(p.getProperty("size")),
            Long.parseLong(p.getProperty("crc32")));
      } catch (IOException | RuntimeException e) { // missing or malformed: take the full check
        return null;
      }
    }
  }

  /** The built-in rubric file as it is packaged. */
  public static byte[] builtinBytes() {
    try (InputStream in = RubricLoader.class.getResourceAsStream(BUILTIN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a rubric, or throws with every problem when it has errors. */
  public static Rubric load(String file, byte[] bytes) throws RubricException {
    Result r = check(file, bytes);
    if (!r.ok()) {
      throw new RubricException(r.findings().stream().filter(Finding::isError).toList());
    }
    return r.rubric();
  }

  /** Where the rubric schema lives on the class path. */
  public static final String SCHEMA_RESOURCE = "/nl/wijktoets/schema/rubric.schema.json";

  /** The rubric JSON Schema, built on first use (a rubric has no synonyms for its words). */
  private static final class RubricSchema {
    static final SchemaCheck INSTANCE =
        new SchemaCheck(SCHEMA_RESOURCE, SchemaCheck.NO_ENUMERATIONS);
  }

  /** Checks a rubric file: the rubric if it can be used, and every finding. */
  public static Result check(String file, byte[] bytes) {
    return check(file, bytes, true);
  }

  /**
   * As {@link #check(String, byte[])}; the JSON Schema check is left out for a file checked before.
   */
  private static Result check(String file, byte[] bytes, boolean schema) {
    YamlTreeReader.Result tree = new YamlTreeReader(LIMITS).read(file, bytes);
    if (tree.hasErrors() || tree.root() == null) {
      return new Result(null, tree.findings());
    }
    RubricLoader loader = new RubricLoader();
    loader.findings.addAll(tree.findings());
    if (!(tree.root() instanceof Mapping)) {
      loader.error(tree.root(), "rubric.type", "mapping");
      return new Result(null, sorted(loader.findings));
    }
    // in a rubric every structural problem is an error (an unknown key too: it would be ignored)
    List<Finding> structure =
        schema
            ? RubricSchema.INSTANCE.validate(tree.root(), YamlNode.locations(tree.root()))
            : List.of();
    for (Finding f : structure) {
      loader.findings.add(
          new Finding(
              "rubric/invalid",
              Finding.Level.ERROR,
              f.location(),
              f.path(),
              f.messageKey(),
              f.args()));
    }
    if (loader.findings.stream().anyMatch(Finding::isError)) {
      return new Result(null, sorted(loader.findings));
    }
    Rubric rubric = loader.rubric((Mapping) tree.root(), hash(tree.text()));
    List<Finding> all = sorted(loader.findings);
    boolean errors = all.stream().anyMatch(Finding::isError);
    return new Result(errors ? null : rubric, all);
  }

  private static List<Finding> sorted(List<Finding> findings) {
    List<Finding> copy = new ArrayList<>(findings);
    copy.sort(Finding.IN_FILE_ORDER);
    return List.copyOf(copy);
  }

  /** SHA-256 (hex) of a text with its line endings normalised to {@code \n}. */
  public static String hash(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Rubric rubric(Mapping m, String hash) {
    String id = text(m, "id").orElse("");
    String version = text(m, "version").orElse("");
    List<Rubric.Band> bands = new ArrayList<>();
    Fraction previous = null;
    for (Mapping b : items(m, "bands")) {
      Fraction min = fraction(b, "min_total").orElse(Fraction.ZERO);
      if (previous != null && !min.lessThan(previous)) {
        error(b.get("min_total").orElse(b), "rubric.bands-order", min, previous);
      }
      previous = min;
      Fraction share = fraction(b, "min_lesson_share").orElse(null);
      if (share != null && (share.signum() < 0 || share.greaterThan(Fraction.ONE))) {
        error(b.get("min_lesson_share").orElse(b), "rubric.share-range", share);
      }
      bands.add(
          new Rubric.Band(
              text(b, "id").orElse(""),
              min,
              share,
              languageTexts(b, "label", text(b, "id").orElse(""))));
    }
    unique(items(m, "bands"), "band");
    Optional<String> floorCap = text(m, "floor_cap");
    if (floorCap.isPresent() && bands.stream().noneMatch(b -> b.id().equals(floorCap.get()))) {
      error(
          m.get("floor_cap").orElseThrow(),
          "rubric.unknown-band",
          floorCap.get(),
          String.join(", ", bands.stream().map(Rubric.Band::id).toList()));
    }
    Fraction floor = fraction(m, "lesson_floor").orElse(Fraction.ZERO);
    if (floor.signum() < 0 || floor.greaterThan(Fraction.ONE)) {
      error(m.get("lesson_floor").orElse(m), "rubric.share-range", floor);
    }
    List<Rubric.Lesson> lessons = new ArrayList<>();
    List<Mapping> allCriteria = new ArrayList<>();
    Fraction totalWeight = Fraction.ZERO;
    for (Mapping l : items(m, "lessons")) {
      String lessonId = text(l, "id").orElse("");
      Fraction weight = positive(l, "weight");
      totalWeight = totalWeight.plus(weight);
      List<Rubric.Criterion> criteria = new ArrayList<>();
      Fraction sum = Fraction.ZERO;
      for (Mapping c : items(l, "criteria")) {
        allCriteria.add(c);
        Rubric.Criterion criterion = criterion(c);
        sum = sum.plus(criterion.weight());
        criteria.add(criterion);
      }
      if (!sum.equals(weight) && !weight.isZero()) {
        error(l.get("weight").orElse(l), "rubric.weights-sum", lessonId, sum, weight);
      }
      lessons.add(
          new Rubric.Lesson(lessonId, weight, lessonTexts(l, lessonId), List.copyOf(criteria)));
    }
    unique(items(m, "lessons"), "lesson");
    unique(allCriteria, "criterion");
    if (!totalWeight.equals(Fraction.of(100))) {
      warning(m.get("lessons").orElse(m), "rubric.total-weight", totalWeight);
    }
    return new Rubric(
        id,
        version,
        hash,
        languageTexts(m, "title", id),
        floor,
        floorCap.orElse(null),
        List.copyOf(bands),
        List.copyOf(lessons));
  }

  private void unique(List<Mapping> items, String what) {
    Map<String, SourceLocation> seen = new HashMap<>();
    for (Mapping item : items) {
      Optional<YamlNode> idNode = item.get("id");
      if (idNode.isPresent() && idNode.get() instanceof Scalar s) {
        SourceLocation first = seen.putIfAbsent(s.text(), s.location());
        if (first != null) {
          error(s, "rubric.duplicate-id", "@rubric.what." + what, s.text(), first.line());
        }
      }
    }
  }

  private Rubric.Criterion criterion(Mapping c) {
    String id = text(c, "id").orElse("");
    Fraction weight = positive(c, "weight");
    String measureName = text(c, "measure").orElse("");
    Optional<Measure> measure = Measures.byName(measureName);
    if (measure.isEmpty()) {
      List<String> known = Measures.all().stream().map(Measure::name).toList();
      String near = Suggestions.nearest(measureName, known);
      error(
          c.get("measure").orElse(c),
          near == null ? "rubric.unknown-measure" : "rubric.unknown-measure.suggest",
          measureName,
          near == null ? String.join(", ", known) : near);
    }
    // the values that pass the check against the measure's declarations; the others are errors
    Map<String, Object> given = new LinkedHashMap<>();
    c.get("params")
        .filter(Mapping.class::isInstance)
        .ifPresent(
            p -> {
              for (YamlNode.Entry e : ((Mapping) p).entries()) {
                Object value = paramValue(e.value());
                if (measure.isPresent() && checkParam(measure.get(), e, value)) {
                  given.put(e.key().text(), value);
                }
              }
            });
    boolean waivable =
        c.get("waivable")
            .filter(Scalar.class::isInstance)
            .map(n -> Vocabulary.bool(((Scalar) n).text()).orElse(true))
            .orElse(true);
    Map<Language, Rubric.CriterionTexts> texts = new EnumMap<>(Language.class);
    Optional<Mapping> textsNode =
        c.get("texts").filter(Mapping.class::isInstance).map(Mapping.class::cast);
    for (Language lang : Language.values()) {
      textsNode
          .flatMap(n -> n.get(lang.code()))
          .filter(Mapping.class::isInstance)
          .map(Mapping.class::cast)
          .ifPresent(tm -> texts.put(lang, criterionTexts(tm, id, measure.orElse(null))));
    }
    fallBack(texts, textsNode.map(YamlNode.class::cast).orElse(c), id);
    if (texts.isEmpty()) {
      texts.put(Language.EN, new Rubric.CriterionTexts(id, "", "", List.of(), "", Map.of()));
    }
    if (measure.isEmpty()) {
      // an unknown measure is an error: this criterion only serves the checks that follow
      return new Rubric.Criterion(id, weight, waivable, null, null, null, texts);
    }
    return new Rubric.Criterion(
        id, weight, waivable, measure.get(), measure.get().params(given), texts);
  }

  private Rubric.CriterionTexts criterionTexts(Mapping tm, String id, Measure measure) {
    List<String> levels = new ArrayList<>();
    tm.get("levels")
        .filter(Sequence.class::isInstance)
        .ifPresent(n -> ((Sequence) n).items().forEach(i -> levels.add(scalarText(i))));
    Map<Integer, String> byLevel = new LinkedHashMap<>();
    tm.get("advice_by_level")
        .filter(Mapping.class::isInstance)
        .ifPresent(
            n ->
                ((Mapping) n)
                    .entries()
                    .forEach(
                        e ->
                            byLevel.put(
                                Integer.parseInt(e.key().text().strip()), scalarText(e.value()))));
    Map<String, String> byCondition = new LinkedHashMap<>();
    tm.get("advice_by_condition")
        .filter(Mapping.class::isInstance)
        .ifPresent(
            n -> {
              for (YamlNode.Entry e : ((Mapping) n).entries()) {
                String condition = e.key().text().strip();
                if (measure != null && !measure.conditions().contains(condition)) {
                  List<String> known = measure.conditions();
                  String near = Suggestions.nearest(condition, known);
                  error(
                      e.key(),
                      "rubric.unknown-condition",
                      condition,
                      measure.name(),
                      known.isEmpty() ? "-" : near != null ? near : String.join(", ", known));
                } else {
                  byCondition.put(condition, scalarText(e.value()));
                }
              }
            });
    return new Rubric.CriterionTexts(
        text(tm, "title").orElse(id),
        text(tm, "why").orElse(""),
        text(tm, "measured").orElse(""),
        List.copyOf(levels),
        text(tm, "advice").orElse(""),
        Map.copyOf(byLevel),
        byCondition);
  }

  /** A language without texts takes the other language's, with a warning. */
  private <T> void fallBack(Map<Language, T> texts, YamlNode at, String id) {
    for (Language lang : Language.values()) {
      if (!texts.containsKey(lang) && !texts.isEmpty()) {
        Language other = texts.keySet().iterator().next();
        texts.put(lang, texts.get(other));
        warning(at, "rubric.language-fallback", id, lang.code(), other.code());
      }
    }
    if (texts.isEmpty()) {
      warning(at, "rubric.no-texts", id);
    }
  }

  /**
   * A parameter must be one the measure declares, of the declared kind and, for thresholds, of the
   * declared length and order. True when the value can be used.
   */
  private boolean checkParam(Measure measure, YamlNode.Entry e, Object value) {
    String name = e.key().text();
    Optional<Parameter<?>> declared = measure.parameter(name);
    if (declared.isEmpty()) {
      List<String> known = Parameter.names(measure.parameters());
      String near = Suggestions.nearest(name, known);
      error(
          e.key(),
          "rubric.unknown-param",
          name,
          measure.name(),
          known.isEmpty() ? "-" : near != null ? near : String.join(", ", known));
      return false;
    }
    Parameter<?> spec = declared.get();
    Parameter.Problem problem = spec.problem(value);
    if (problem == null) {
      return true;
    }
    if (problem == Parameter.Problem.RANGE) {
      error(e.value(), "rubric.param-range", name, scalarText(e.value()), Parameter.Whole.MAX);
    } else if (problem == Parameter.Problem.KIND
        || !(spec instanceof Parameter.Thresholds thresholds)) {
      error(e.value(), "rubric.param-kind", name, spec.kind().word(), spec.defaultText());
    } else if (problem == Parameter.Problem.COUNT) {
      error(e.value(), "rubric.param-count", name, thresholds.length(), spec.defaultText());
    } else {
      error(
          e.value(),
          thresholds.order() == Parameter.Order.DESCENDING
              ? "rubric.thresholds-descending"
              : "rubric.thresholds-order",
          name);
    }
    return false;
  }

  private Map<Language, Rubric.LessonTexts> lessonTexts(Mapping l, String id) {
    Map<Language, Rubric.LessonTexts> texts = new EnumMap<>(Language.class);
    Optional<Mapping> textsNode =
        l.get("texts").filter(Mapping.class::isInstance).map(Mapping.class::cast);
    for (Language lang : Language.values()) {
      textsNode
          .flatMap(n -> n.get(lang.code()))
          .filter(Mapping.class::isInstance)
          .map(Mapping.class::cast)
          .ifPresent(
              tm -> {
                Map<String, String> verdicts = new LinkedHashMap<>();
                tm.get("verdicts")
                    .filter(Mapping.class::isInstance)
                    .ifPresent(
                        v ->
                            ((Mapping) v)
                                .entries()
                                .forEach(e -> verdicts.put(e.key().text(), scalarText(e.value()))));
                texts.put(
                    lang,
                    new Rubric.LessonTexts(
                        text(tm, "title").orElse(id),
                        text(tm, "why").orElse(""),
                        Map.copyOf(verdicts)));
              });
    }
    fallBack(texts, textsNode.map(YamlNode.class::cast).orElse(l), id);
    if (texts.isEmpty()) {
      texts.put(Language.EN, new Rubric.LessonTexts(id, "", Map.of()));
    }
    return texts;
  }

  /** What {@link #paramValue} returns for a value it already reported as invalid. */
  private static final Object INVALID = new Object();

  private Object paramValue(YamlNode n) {
    if (n instanceof Sequence s) {
      List<Object> out = new ArrayList<>();
      s.items().forEach(i -> out.add(paramValue(i)));
      return List.copyOf(out);
    }
    if (n instanceof Scalar s) {
      if (s.kind() == Scalar.Kind.INTEGER
          || s.kind() == Scalar.Kind.DECIMAL
          || s.text().strip().matches("[-+]?[0-9]+\\s*/\\s*[0-9]+")) {
        try {
          return Fraction.parse(s.text());
        } catch (NumberFormatException | ArithmeticException e) {
          error(s, "rubric.number", s.text());
          return INVALID;
        }
      }
      return s.text();
    }
    return null;
  }

  private Map<Language, String> languageTexts(Mapping m, String key, String fallback) {
    Map<Language, String> out = new EnumMap<>(Language.class);
    m.get(key)
        .ifPresent(
            n -> {
              if (n instanceof Mapping tm) {
                for (Language lang : Language.values()) {
                  text(tm, lang.code()).ifPresent(t -> out.put(lang, t));
                }
              } else if (n instanceof Scalar s) {
                for (Language lang : Language.values()) {
                  out.put(lang, s.text());
                }
              }
            });
    if (!out.isEmpty()) {
      fallBack(out, m.get(key).orElse(m), fallback);
    } else {
      for (Language lang : Language.values()) {
        out.put(lang, fallback);
      }
    }
    return out;
  }

  private static List<Mapping> items(Mapping m, String key) {
    List<Mapping> out = new ArrayList<>();
    m.get(key)
        .filter(Sequence.class::isInstance)
        .ifPresent(
            n ->
                ((Sequence) n)
                    .items().stream()
                        .filter(Mapping.class::isInstance)
                        .forEach(i -> out.add((Mapping) i)));
    return out;
  }

  private static Optional<String> text(Mapping m, String key) {
    return m.get(key).filter(Scalar.class::isInstance).map(n -> ((Scalar) n).text());
  }

  private static String scalarText(YamlNode n) {
    return n instanceof Scalar s ? s.text() : "";
  }

  private Optional<Fraction> fraction(Mapping m, String key) {
    Optional<YamlNode> n = m.get(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    Object v = paramValue(n.get());
    if (v instanceof Fraction f) {
      return Optional.of(f);
    }
    if (v != INVALID) {
      error(n.get(), "rubric.number", String.valueOf(v));
    }
    return Optional.empty();
  }

  private Fraction positive(Mapping m, String key) {
    Optional<Fraction> f = fraction(m, key);
    if (f.isPresent() && f.get().signum() <= 0) {
      error(m.get(key).orElseThrow(), "rubric.weight", f.get());
      return Fraction.ZERO;
    }
    return f.orElse(Fraction.ZERO);
  }

  private void error(YamlNode at, String key, Object... args) {
    findings.add(Finding.error("rubric/invalid", at.location(), at.path(), "finding." + key, args));
  }

  private void warning(YamlNode at, String key, Object... args) {
    findings.add(
        Finding.warning("rubric/warning", at.location(), at.path(), "finding." + key, args));
  }
}
