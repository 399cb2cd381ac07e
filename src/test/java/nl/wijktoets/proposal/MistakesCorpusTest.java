package nl.wijktoets.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mistakes a resident working group makes when it writes its first proposal by hand, each with
 * the outcome it must have. {@code src/test/resources/mistakes/NN-name.yaml} is the file with the
 * mistake (its first line says which); {@code NN-name.expected} holds
 *
 * <ul>
 *   <li>{@code outcome = read}: read as meant, so the file scores exactly what its corrected twin
 *       ({@code twin}, the plan without mistakes) scores, with the warning {@code rule} (or {@code
 *       none} where the way it was written is simply accepted) and no other new finding;
 *   <li>{@code outcome = rejected}: not scored, with an error of {@code rule};
 * </ul>
 *
 * and for the named rule the {@code line} of the mistake and words of its message in Dutch ({@code
 * nl}) and English ({@code en}), several fragments separated by {@code |}. No message of any file,
 * in either language, uses the YAML parser's words or Java's.
 */
class MistakesCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/mistakes");
  private static final Assessor ASSESSOR = new Assessor(RubricLoader.builtin());

  /** Words of the YAML library and of Java that a resident must never read. */
  private static final List<String> FOREIGN_WORDS =
      List.of(
          "while scanning",
          "while parsing",
          "block end",
          "mapping values",
          "simple key",
          "expected <",
          "found unexpected",
          "could not find expected",
          "exception",
          "java.",
          "bigdecimal",
          "null",
          "{...}",
          "[...]");

  record Case(String name, Map<String, String> expected) {
    String get(String key) {
      String v = expected.get(key);
      assertThat(v).as("%s: %s in the .expected file", name, key).isNotNull();
      return v;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> corpus() {
    return names().stream().map(MistakesCorpusTest::load);
  }

  private static List<String> names() {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && n.matches("\\d\\d-.*"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case load(String name) {
    Map<String, String> expected = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(CORPUS.resolve(name + ".expected"))) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int eq = line.indexOf(" = ");
        assertThat(eq).as("%s: %s", name, line).isPositive();
        expected.put(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Case(name, expected);
  }

  private static Assessor.Outcome assess(String file) {
    try {
      return ASSESSOR.assess(file, Files.readAllBytes(CORPUS.resolve(file)), Language.NL);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachMistakeHasItsOutcome(Case c) {
    Assessor.Outcome outcome = assess(c.name() + ".yaml");
    String rule = c.get("rule");
    switch (c.get("outcome")) {
      case "read" -> {
        Assessor.Outcome twin = assess(c.get("twin"));
        assertThat(twin.scored()).as("the twin %s scores", c.get("twin")).isTrue();
        assertThat(outcome.errors()).as(c.name()).isEmpty();
        assertThat(outcome.scored()).as(c.name()).isTrue();
        // read as meant: the very same score as the file without the mistake
        assertThat(outcome.assessment().total()).isEqualTo(twin.assessment().total());
        Set<String> newRules = rules(outcome);
        newRules.removeAll(rules(twin));
        if (rule.equals("none")) {
          assertThat(newRules).as("%s is accepted as written", c.name()).isEmpty();
        } else {
          assertThat(newRules).as(c.name()).containsExactly(rule);
          assertNamedFinding(c, outcome, Finding.Level.WARNING);
        }
      }
      case "rejected" -> {
        assertThat(outcome.scored()).as("%s is not scored", c.name()).isFalse();
        assertNamedFinding(c, outcome, Finding.Level.ERROR);
      }
      default -> throw new AssertionError(c.name() + ": outcome is read or rejected");
    }
  }

  private static Set<String> rules(Assessor.Outcome outcome) {
    return outcome.findings().stream().map(Finding::rule).collect(Collectors.toSet());
  }

  /** The finding of the named rule: on the line of the mistake, in Dutch and English words. */
  private static void assertNamedFinding(Case c, Assessor.Outcome outcome, Finding.Level level) {
    String rule = c.get("rule");
    int line = Integer.parseInt(c.get("line"));
    List<Finding> named =
        outcome.findings().stream()
            .filter(f -> f.rule().equals(rule) && f.location().line() == line)
            .toList();
    assertThat(named)
        .as(
            "%s: a %s on line %d; the findings are %s",
            c.name(),
            rule,
            line,
            outcome.findings().stream().map(f -> f.format(Language.EN)).toList())
        .isNotEmpty();
    Finding f = named.get(0);
    assertThat(f.level()).isEqualTo(level);
    for (Language lang : Language.values()) {
      String message = f.message(lang);
      for (String words : c.get(lang.code()).split(" \\| ")) {
        assertThat(message).as("%s in %s", c.name(), lang).contains(words.strip());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void noMessageUsesTheParsersOrJavasWords(Case c) {
    Assessor.Outcome outcome = assess(c.name() + ".yaml");
    assertThat(outcome.findings()).as(c.name()).isNotNull();
    for (Finding f : outcome.findings()) {
      for (Language lang : Language.values()) {
        String message = f.format(lang).toLowerCase(Locale.ROOT);
        for (String word : FOREIGN_WORDS) {
          assertThat(message).as("%s in %s", c.name(), lang).doesNotContain(word);
        }
        assertThat(f.message(lang).length()).as(f.message(lang)).isLessThan(300);
      }
    }
  }

  @Test
  void theCorpusIsLargeAndEveryFileHasItsExpectation() throws IOException {
    List<String> names = names();
    assertThat(names).hasSizeGreaterThanOrEqualTo(25);
    Set<String> expected = new HashSet<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expected"))
          .forEach(n -> expected.add(n.substring(0, n.length() - ".expected".length())));
    }
    assertThat(expected).containsExactlyInAnyOrderElementsOf(names);
    Map<String, Long> outcomes =
        corpus().collect(Collectors.groupingBy(c -> c.get("outcome"), Collectors.counting()));
    assertThat(outcomes.get("read")).isGreaterThanOrEqualTo(10);
    assertThat(outcomes.get("rejected")).isGreaterThanOrEqualTo(15);
    // the twin itself is a plan without mistakes: no finding at all
    assertThat(assess("base.yaml").findings()).isEmpty();
    // every mistake file differs from the twin (it holds a mistake) and says which in line 1
    String twin = Files.readString(CORPUS.resolve("base.yaml"), StandardCharsets.UTF_8);
    for (String name : names) {
      String text = Files.readString(CORPUS.resolve(name + ".yaml"), StandardCharsets.UTF_8);
      assertThat(text).as(name).startsWith("# fout: ");
      assertThat(text.substring(text.indexOf('\n')))
          .as(name)
          .isNotEqualTo(twin.substring(twin.indexOf('\n')));
    }
  }
}
