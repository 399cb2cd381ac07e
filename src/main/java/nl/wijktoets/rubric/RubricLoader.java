package nl.wijktoets.rubric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.Finding;
import nl.wijktoets.proposal.YamlNode;
import nl.wijktoets.proposal.YamlNode.Mapping;
import nl.wijktoets.proposal.YamlNode.Scalar;
import nl.wijktoets.proposal.YamlNode.Sequence;
import nl.wijktoets.proposal.YamlTreeReader;
import nl.wijktoets.scoring.Fraction;

/**
 * Loads a rubric from YAML. The content hash is the SHA-256 of the file's text with line endings
 * normalised to {@code \n}, so a score can be reproduced with the same rubric.
 */
public final class RubricLoader {

  /** Where the built-in rubric lives on the class path. */
  public static final String BUILTIN_RESOURCE = "/nl/wijktoets/rubric/builtin-rubric.yaml";

  private static final YamlTreeReader.Limits LIMITS =
      new YamlTreeReader.Limits(1024 * 1024, 32, 50_000);

  private static volatile Rubric builtin;

  private final List<Finding> findings = new ArrayList<>();

  private RubricLoader() {}

  /** The built-in rubric (loaded once). */
  public static Rubric builtin() {
    Rubric r = builtin;
    if (r == null) {
      try {
        r = load("<built-in rubric>", builtinBytes());
      } catch (RubricException e) {
        throw new IllegalStateException("the built-in rubric is invalid: " + e.findings(), e);
      }
      builtin = r;
    }
    return r;
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

  public static Rubric load(String file, byte[] bytes) throws RubricException {
    YamlTreeReader.Result tree = new YamlTreeReader(LIMITS).read(file, bytes);
    if (tree.hasErrors() || tree.root() == null) {
      throw new RubricException(tree.findings());
    }
    RubricLoader loader = new RubricLoader();
    Rubric rubric = loader.rubric(tree.root(), hash(tree.text()));
    if (rubric == null || loader.findings.stream().anyMatch(Finding::isError)) {
      throw new RubricException(loader.findings);
    }
    return rubric;
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

  private Rubric rubric(YamlNode root, String hash) {
    if (!(root instanceof Mapping m)) {
      error(root, "rubric.type", "mapping");
      return null;
    }
    String id = requiredText(m, "id");
    String version = requiredText(m, "version");
    List<Rubric.Band> bands = new ArrayList<>();
    for (Mapping b : items(m, "bands")) {
      bands.add(
          new Rubric.Band(
              requiredText(b, "id"),
              fraction(b, "min_total").orElse(Fraction.ZERO),
              fraction(b, "min_lesson_share").orElse(null),
              languageTexts(b, "label")));
    }
    List<Rubric.Lesson> lessons = new ArrayList<>();
    for (Mapping l : items(m, "lessons")) {
      List<Rubric.Criterion> criteria = new ArrayList<>();
      for (Mapping c : items(l, "criteria")) {
        criteria.add(criterion(c));
      }
      String lessonId = requiredText(l, "id");
      lessons.add(
          new Rubric.Lesson(
              lessonId,
              requiredFraction(l, "weight"),
              lessonTexts(l, lessonId),
              List.copyOf(criteria)));
    }
    return new Rubric(
        id,
        version,
        hash,
        languageTexts(m, "title"),
        fraction(m, "lesson_floor").orElse(Fraction.ZERO),
        text(m, "floor_cap").orElse(null),
        List.copyOf(bands),
        List.copyOf(lessons));
  }

  private Rubric.Criterion criterion(Mapping c) {
    String id = requiredText(c, "id");
    Map<String, Object> params = new LinkedHashMap<>();
    c.get("params")
        .ifPresent(
            p -> {
              if (p instanceof Mapping pm) {
                for (YamlNode.Entry e : pm.entries()) {
                  params.put(e.key().text(), paramValue(e.value()));
                }
              } else {
                error(p, "rubric.type", "mapping");
              }
            });
    boolean waivable =
        c.get("waivable")
            .map(n -> !(n instanceof Scalar s && s.text().equals("false")))
            .orElse(true);
    Map<Language, Rubric.CriterionTexts> texts = new EnumMap<>(Language.class);
    Optional<YamlNode> textsNode = c.get("texts");
    for (Language lang : Language.values()) {
      Optional<Mapping> t =
          textsNode
              .filter(Mapping.class::isInstance)
              .flatMap(n -> ((Mapping) n).get(lang.code()))
              .filter(Mapping.class::isInstance)
              .map(Mapping.class::cast);
      if (t.isPresent()) {
        Mapping tm = t.get();
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
                            e -> {
                              try {
                                byLevel.put(
                                    Integer.parseInt(e.key().text().strip()),
                                    scalarText(e.value()));
                              } catch (NumberFormatException ex) {
                                error(e.key(), "rubric.level-key", e.key().text());
                              }
                            }));
        texts.put(
            lang,
            new Rubric.CriterionTexts(
                text(tm, "title").orElse(id),
                text(tm, "why").orElse(""),
                text(tm, "measured").orElse(""),
                List.copyOf(levels),
                text(tm, "advice").orElse(""),
                Map.copyOf(byLevel)));
      }
    }
    if (texts.isEmpty()) {
      texts.put(Language.EN, new Rubric.CriterionTexts(id, "", "", List.of(), "", Map.of()));
    }
    return new Rubric.Criterion(
        id,
        requiredFraction(c, "weight"),
        waivable,
        requiredText(c, "measure"),
        new Params(params),
        texts);
  }

  private Map<Language, Rubric.LessonTexts> lessonTexts(Mapping l, String id) {
    Map<Language, Rubric.LessonTexts> texts = new EnumMap<>(Language.class);
    Optional<YamlNode> textsNode = l.get("texts");
    for (Language lang : Language.values()) {
      textsNode
          .filter(Mapping.class::isInstance)
          .flatMap(n -> ((Mapping) n).get(lang.code()))
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
    if (texts.isEmpty()) {
      texts.put(Language.EN, new Rubric.LessonTexts(id, "", Map.of()));
    }
    return texts;
  }

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
          return s.text();
        }
      }
      return s.text();
    }
    error(n, "rubric.type", "value");
    return null;
  }

  private Map<Language, String> languageTexts(Mapping m, String key) {
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
    return out;
  }

  private List<Mapping> items(Mapping m, String key) {
    Optional<YamlNode> node = m.get(key);
    if (node.isEmpty()) {
      error(m, "rubric.required", key);
      return List.of();
    }
    if (!(node.get() instanceof Sequence s)) {
      error(node.get(), "rubric.type", "list");
      return List.of();
    }
    List<Mapping> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      if (item instanceof Mapping im) {
        out.add(im);
      } else {
        error(item, "rubric.type", "mapping");
      }
    }
    return out;
  }

  private Optional<String> text(Mapping m, String key) {
    return m.get(key).filter(Scalar.class::isInstance).map(n -> ((Scalar) n).text());
  }

  private static String scalarText(YamlNode n) {
    return n instanceof Scalar s ? s.text() : "";
  }

  private String requiredText(Mapping m, String key) {
    Optional<String> t = text(m, key);
    if (t.isEmpty() || t.get().isBlank()) {
      error(m, "rubric.required", key);
      return "";
    }
    return t.get();
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
    error(n.get(), "rubric.number", String.valueOf(v));
    return Optional.empty();
  }

  private Fraction requiredFraction(Mapping m, String key) {
    Optional<Fraction> f = fraction(m, key);
    if (f.isEmpty()) {
      if (m.get(key).isEmpty()) {
        error(m, "rubric.required", key);
      }
      return Fraction.ZERO;
    }
    return f.get();
  }

  private void error(YamlNode at, String key, Object... args) {
    findings.add(Finding.error("rubric/invalid", at.location(), at.path(), "finding." + key, args));
  }
}
