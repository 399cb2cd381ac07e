package nl.wijktoets.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.Finding;
import nl.wijktoets.testutil.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests over a corpus of broken proposals a newcomer could write: each {@code
 * src/test/resources/broken/NAME.yaml} has a {@code NAME.expected} that holds, one per line and in
 * order, exactly the findings {@code wijktoets validate} reports for it, as {@link
 * Finding#format(Language)} in English, with the file named {@code broken/NAME.yaml}.
 *
 * <p>To regenerate the expected files after an intended change of messages or locations, run
 *
 * <pre>
 *   mvn test -Dtest=BrokenCorpusTest -Dwijktoets.updateGolden=true
 * </pre>
 *
 * <p>With {@code wijktoets.updateGolden=true} the test rewrites the {@code .expected} files under
 * {@code src/test/resources/broken/} (resolved from the project root, surefire's working directory)
 * instead of failing, through the shared {@link Golden} helper; review the diff before committing.
 */
class BrokenCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/broken");
  private static final Path EXAMPLES = Path.of("examples");

  private static final Assessor ASSESSOR = new Assessor(RubricLoader.builtin());

  static Stream<String> corpus() {
    return allNames().stream();
  }

  private static List<String> allNames() {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The findings of a corpus file, as the golden file holds them. */
  private static String actual(String name) throws IOException {
    byte[] bytes = Files.readAllBytes(CORPUS.resolve(name + ".yaml"));
    List<Finding> findings = ASSESSOR.check("broken/" + name + ".yaml", bytes).findings();
    return findings.stream().map(f -> f.format(Language.EN) + "\n").collect(Collectors.joining());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void findingsMatchTheGoldenFile(String name) throws IOException {
    String actual = actual(name);
    assertThat(actual).as("%s gives findings", name).isNotEmpty();
    Golden.check(CORPUS.resolve(name + ".expected"), actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyFindingIsLocatedAndExplained(String name) throws IOException {
    byte[] bytes = Files.readAllBytes(CORPUS.resolve(name + ".yaml"));
    List<Finding> findings = ASSESSOR.check("broken/" + name + ".yaml", bytes).findings();
    long lines = new String(bytes, StandardCharsets.ISO_8859_1).lines().count();
    for (Finding f : findings) {
      assertThat(f.location().line()).as("line of %s", f).isBetween(1, (int) lines + 1);
      assertThat(f.location().column()).as("column of %s", f).isPositive();
      assertThat(f.format(Language.EN))
          .matches(
              "broken/" + name + "\\.yaml:\\d+:\\d+: (error|warning): .+ \\[[a-z]+/[a-z0-9-]+]");
      FindingRulesTest.assertSentences(f);
    }
  }

  @Test
  void corpusIsCompleteAndHasNoOrphans() throws IOException {
    if (Golden.updating()) {
      return; // the golden files are being written
    }
    List<String> names = allNames();
    assertThat(names).hasSizeGreaterThanOrEqualTo(15);
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<String> expected =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".expected"))
              .map(n -> n.substring(0, n.length() - ".expected".length()))
              .sorted()
              .toList();
      assertThat(expected).isEqualTo(names);
    }
  }

  @Test
  void corpusCoversTheMistakesNewcomersMake() throws IOException {
    // the rule each corpus file exists for
    Map<String, String> ruleOf =
        Map.ofEntries(
            Map.entry("tab-indent", "yaml/tab-indent"),
            Map.entry("missing-colon", "yaml/syntax"),
            Map.entry("wrong-indentation", "yaml/syntax"),
            Map.entry("duplicate-key", "yaml/duplicate-key"),
            Map.entry("enum-dutch-typo", "schema/enum"),
            Map.entry("amount-in-words", "amount/unreadable"),
            Map.entry("negative-amount", "amount/negative"),
            Map.entry("version-2", "format/version"),
            Map.entry("missing-name", "schema/required"),
            Map.entry("waiver-without-reason", "waiver/no-reason"),
            Map.entry("on-as-boolean", "schema/type"),
            Map.entry("decimal-count", "schema/type"),
            Map.entry("second-document", "yaml/multi-document"),
            Map.entry("alias", "yaml/alias"),
            Map.entry("year-key-text", "schema/type"),
            Map.entry("latin1", "encoding/not-utf8"),
            Map.entry("dutch-thousands", "amount/dutch-thousands"),
            Map.entry("unknown-keys", "schema/unknown-key"));
    assertThat(allNames()).containsExactlyInAnyOrderElementsOf(ruleOf.keySet());
    for (var e : ruleOf.entrySet()) {
      byte[] bytes = Files.readAllBytes(CORPUS.resolve(e.getKey() + ".yaml"));
      assertThat(ASSESSOR.check("broken/" + e.getKey() + ".yaml", bytes).findings())
          .as(e.getKey())
          .extracting(Finding::rule)
          .contains(e.getValue());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the examples are not broken

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void thereAreExamples() throws IOException {
    assertThat(examples()).contains("moerwijk.yaml").hasSizeGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleHasNoErrorAndIsScored(String name) throws IOException {
    byte[] bytes = Files.readAllBytes(EXAMPLES.resolve(name));
    Assessor.Outcome outcome = ASSESSOR.assess("examples/" + name, bytes, Language.EN);
    assertThat(outcome.errors())
        .as("errors in examples/%s", name)
        .extracting(f -> f.format(Language.EN))
        .isEmpty();
    assertThat(outcome.scored()).isTrue();
    assertThat(outcome.findings())
        .allSatisfy(f -> assertThat(f.location().file()).isEqualTo("examples/" + name));
  }
}
