package nl.wijktoets.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every class of rubric problem, each made by changing one thing in the built-in rubric: the
 * finding's rule, level, message key and exact location (line and column computed from the text).
 */
class RubricLoaderTest {

  private static final String FILE = "broken.yaml";
  private static final String BUILTIN =
      new String(RubricLoader.builtinBytes(), StandardCharsets.UTF_8);

  /** A changed rubric text and where the finding about the change is expected. */
  record Broken(String text, int line, int column) {
    RubricLoader.Result check() {
      return RubricLoader.check(FILE, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Replaces {@code snippet} (which must occur exactly once in the built-in rubric) by {@code
   * replacement}; the expected location is where {@code at} starts inside the replacement.
   */
  static Broken replace(String snippet, String replacement, String at) {
    int index = BUILTIN.indexOf(snippet);
    assertThat(index).as("snippet %s in the built-in rubric", snippet).isNotNegative();
    assertThat(BUILTIN.indexOf(snippet, index + 1))
        .as("snippet %s is unique", snippet)
        .isNegative();
    String text =
        BUILTIN.substring(0, index) + replacement + BUILTIN.substring(index + snippet.length());
    int within = replacement.indexOf(at);
    assertThat(within).as("%s in the replacement", at).isNotNegative();
    int[] lc = lineColumn(text, index + within);
    return new Broken(text, lc[0], lc[1]);
  }

  /** 1-based line and column (in code points, as SnakeYAML counts) of a character index. */
  static int[] lineColumn(String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, text.codePointCount(lineStart, index) + 1};
  }

  /** The line (1-based) on which a unique snippet starts in a text. */
  static int lineOf(String text, String snippet) {
    int index = text.indexOf(snippet);
    assertThat(index).as("snippet %s", snippet).isNotNegative();
    return lineColumn(text, index)[0];
  }

  private static List<Finding> errors(RubricLoader.Result r) {
    return r.findings().stream().filter(Finding::isError).toList();
  }

  /** The one error at the expected place, with rule rubric/invalid and the given message key. */
  private static Finding assertError(Broken b, String messageKey) {
    RubricLoader.Result r = b.check();
    assertThat(r.ok()).as("a rubric with errors cannot be used: %s", r.findings()).isFalse();
    assertThat(r.rubric()).isNull();
    List<Finding> at = errors(r).stream().filter(f -> f.location().line() == b.line()).toList();
    assertThat(at).as("an error on line %d; all findings: %s", b.line(), r.findings()).hasSize(1);
    Finding f = at.get(0);
    assertThat(f.rule()).isEqualTo("rubric/invalid");
    if (messageKey != null) {
      assertThat(f.messageKey()).isEqualTo(messageKey);
    }
    assertThat(f.location().file()).isEqualTo(FILE);
    assertThat(f.location().column()).as("column of %s", f).isEqualTo(b.column());
    assertThat(f.format(Language.EN))
        .startsWith(FILE + ":" + b.line() + ":" + b.column() + ": error: ")
        .endsWith("[rubric/invalid]");
    assertThatThrownBy(() -> RubricLoader.load(FILE, b.text().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RubricException.class)
        .satisfies(e -> assertThat(((RubricException) e).findings()).contains(f));
    return f;
  }

  @Test
  void builtinRubricHasNoFindingsAtAll() throws RubricException {
    RubricLoader.Result r = RubricLoader.check("builtin-rubric.yaml", RubricLoader.builtinBytes());
    assertThat(r.findings()).isEmpty();
    assertThat(r.ok()).isTrue();
    Rubric rubric = RubricLoader.builtin();
    assertThat(rubric.id()).isEqualTo("wijktoets-haags");
    assertThat(rubric.lessons()).hasSize(3);
    assertThat(rubric.criteria()).hasSize(15);
    assertThat(rubric.hash()).isEqualTo(RubricLoader.hash(BUILTIN));
  }

  @Test
  void hashIgnoresLineEndings() {
    String crlf = BUILTIN.replace("\n", "\r\n");
    assertThat(RubricLoader.hash(crlf)).isEqualTo(RubricLoader.hash(BUILTIN));
    assertThat(RubricLoader.hash(BUILTIN + " ")).isNotEqualTo(RubricLoader.hash(BUILTIN));
    assertThat(RubricLoader.hash(BUILTIN)).matches("[0-9a-f]{64}");
  }

  @Test
  void yamlSyntaxErrorIsLocatedEvenWithoutRule() {
    // the location and level, whatever the rule id
    Broken b = replace("\nfloor_cap: C\n", "\nfloor_cap: C: D\n", ": D");
    RubricLoader.Result r = b.check();
    assertThat(r.ok()).isFalse();
    assertThat(errors(r)).hasSize(1);
    Finding f = errors(r).get(0);
    assertThat(f.location().line()).isEqualTo(b.line());
    assertThat(f.location().column()).isEqualTo(b.column());
    assertThat(f.message(Language.EN))
        .contains("colon and a space")
        .doesNotContain("mapping values are not allowed");
    assertThat(f.detail()).contains("mapping values are not allowed");
    // a rubric is YAML first: a syntax error keeps the YAML rule id
    assertThat(f.rule()).isEqualTo("yaml/syntax");
  }

  @Test
  void unknownKeyInCriterionIsAnError() {
    Broken b =
        replace(
            "      - id: public-task-revenue\n        weight: 10\n",
            "      - id: public-task-revenue\n        weigth: 10\n        weight: 10\n",
            "weigth");
    Finding f = assertError(b, null);
    assertThat(f.message(Language.EN)).contains("weigth").contains("weight");
  }

  @Test
  void levelListOfFourEntriesIsAnError() {
    Broken b =
        replace(
            "            levels:\n              - \"geen inkomsten uit publieke taken\"\n",
            "            levels:\n",
            "levels");
    Finding f = assertError(b, null);
    assertThat(f.message(Language.EN)).as("says how many levels are needed").contains("5");
  }

  @Test
  void levelListOfFourEntriesCannotBeUsed() {
    Broken b =
        replace(
            "            levels:\n              - \"geen inkomsten uit publieke taken\"\n",
            "            levels:\n",
            "levels");
    RubricLoader.Result r = b.check();
    assertThat(r.ok()).isFalse();
    assertThat(errors(r))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.location().line()).isEqualTo(b.line());
              assertThat(f.location().column()).isEqualTo(b.column());
            });
  }

  @Test
  void duplicateCriterionId() {
    Broken b =
        replace("      - id: challenge-fit\n", "      - id: public-task-revenue\n", "public-task");
    Finding f = assertError(b, "finding.rubric.duplicate-id");
    int first = lineOf(BUILTIN, "      - id: public-task-revenue\n");
    assertThat(f.message(Language.EN))
        .contains("criterion id public-task-revenue")
        .contains("first on line " + first);
  }

  @Test
  void duplicateLessonId() {
    Broken b = replace("  - id: middle-up-down\n", "  - id: social-tendering\n", "social");
    Finding f = assertError(b, "finding.rubric.duplicate-id");
    assertThat(f.message(Language.EN))
        .contains("lesson id social-tendering")
        .contains("first on line " + lineOf(BUILTIN, "  - id: social-tendering\n"));
    assertThat(f.message(Language.NL)).contains("les-id social-tendering");
  }

  @Test
  void unknownMeasureWithDidYouMean() {
    Broken b =
        replace("        measure: challenge-fit\n", "        measure: chalenge-fit\n", "chalenge");
    Finding f = assertError(b, "finding.rubric.unknown-measure.suggest");
    assertThat(f.message(Language.EN))
        .contains("chalenge-fit")
        .contains("did you mean challenge-fit");
    assertThat(f.message(Language.NL)).contains("bedoelt u challenge-fit");
  }

  @Test
  void unknownMeasureFarFromAnyListsThemAll() {
    Broken b = replace("        measure: challenge-fit\n", "        measure: zzz\n", "zzz");
    Finding f = assertError(b, "finding.rubric.unknown-measure");
    assertThat(f.message(Language.EN))
        .contains("no measure zzz")
        .contains("connector")
        .contains("dependency-spread");
  }

  @Test
  void unknownParameterOfAMeasure() {
    Broken b =
        replace(
            "          level4_min_years: 2\n",
            "          level4_min_yeers: 2\n",
            "level4_min_yeers");
    Finding f = assertError(b, "finding.rubric.unknown-param");
    assertThat(f.message(Language.EN))
        .contains("public-task-revenue")
        .contains("level4_min_yeers")
        .contains("level4_min_years");
  }

  @Test
  void parameterOfTheWrongKind() {
    Broken b =
        replace(
            "          thresholds: [1/10, 1/5, 7/20]\n",
            "          thresholds: [1/10, veel, 7/20]\n",
            "[");
    Finding f = assertError(b, "finding.rubric.param-kind");
    assertThat(f.message(Language.EN)).contains("thresholds").contains("[1/10, 1/5, 7/20]");
  }

  @Test
  void wordWhereANumberIsNeeded() {
    Broken b =
        replace("          entry_job_factor: 1/2\n", "          entry_job_factor: half\n", "half");
    Finding f = assertError(b, "finding.rubric.param-kind");
    assertThat(f.message(Language.EN)).contains("entry_job_factor");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "2.5", "5/2", "[2]", "twee"})
  void wholeNumberParameterMustBeAWholeNumberThatFits(String value) {
    Broken b =
        replace(
            "          level4_min_years: 2\n",
            "          level4_min_years: " + value + "\n",
            value);
    Finding f = assertError(b, "finding.rubric.param-kind");
    assertThat(f.message(Language.EN))
        .isEqualTo("parameter level4_min_years needs integer, e.g. 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000000001", "2147483648", "99999999999"})
  void wholeNumberParameterAboveTenToTheNinthIsOutOfRange(String value) {
    Broken b =
        replace(
            "          level4_min_years: 2\n",
            "          level4_min_years: " + value + "\n",
            value);
    Finding f = assertError(b, "finding.rubric.param-range");
    assertThat(f.message(Language.EN))
        .isEqualTo(
            "parameter level4_min_years is "
                + value
                + ", more than the largest whole number a rubric may give (1000000000); use a"
                + " smaller number");
  }

  @Test
  void largestWholeNumberParameterIsAccepted() {
    Broken b =
        replace("          level4_min_years: 2\n", "          level4_min_years: 1000000000\n", "1");
    RubricLoader.Result r = b.check();
    assertThat(r.ok()).as("%s", r.findings()).isTrue();
    Rubric.Criterion c = r.rubric().criterion("public-task-revenue").orElseThrow();
    assertThat(c.params().text(c.measure().parameter("level4_min_years").orElseThrow()))
        .isEqualTo("1000000000");
  }

  @Test
  void wordsParameterMustBeAList() {
    Broken b =
        replace(
            "          themes: [work, participation, liveability, poverty, health]\n",
            "          themes: work\n",
            "work");
    Finding f = assertError(b, "finding.rubric.param-kind");
    assertThat(f.message(Language.EN))
        .isEqualTo(
            "parameter themes needs words, e.g. [work, participation, liveability, poverty,"
                + " health]");
  }

  @Test
  void wrongNumberOfThresholds() {
    Broken b =
        replace(
            "          thresholds: [1/10, 1/5, 7/20]\n",
            "          thresholds: [1/10, 1/5]\n",
            "[");
    Finding f = assertError(b, "finding.rubric.param-count");
    assertThat(f.message(Language.EN)).contains("thresholds needs 3 values");
  }

  @Test
  void thresholdsOutOfOrder() {
    Broken b =
        replace(
            "          thresholds: [1/10, 1/5, 7/20]\n",
            "          thresholds: [1/5, 1/10, 7/20]\n",
            "[");
    Finding f = assertError(b, "finding.rubric.thresholds-order");
    assertThat(f.message(Language.EN)).contains("thresholds must go up");
  }

  @Test
  void equalThresholdsAreOutOfOrder() {
    Broken b =
        replace("          thresholds: [3, 6, 10]\n", "          thresholds: [3, 6, 6]\n", "[");
    assertError(b, "finding.rubric.thresholds-order");
  }

  @Test
  void dependencySpreadThresholdsMustDescend() {
    Broken b =
        replace(
            "          thresholds: [4/5, 3/5, 9/20, 3/10]\n",
            "          thresholds: [3/10, 9/20, 3/5, 4/5]\n",
            "[");
    Finding f = assertError(b, "finding.rubric.thresholds-descending");
    assertThat(f.message(Language.EN)).contains("must go down");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-6", "0/5", "-0.5"})
  void weightOfZeroOrLessIsAnError(String weight) {
    Broken b =
        replace(
            "      - id: challenge-fit\n        weight: 6\n",
            "      - id: challenge-fit\n        weight: " + weight + "\n",
            weight);
    Finding f = assertError(b, "finding.rubric.weight");
    assertThat(f.message(Language.EN)).startsWith("a weight must be more than 0");
  }

  @Test
  void lessonWeightOfZeroIsAnError() {
    Broken b =
        replace(
            "  - id: middle-up-down\n    weight: 30\n",
            "  - id: middle-up-down\n    weight: 0\n",
            "0\n");
    assertError(b, "finding.rubric.weight");
  }

  @Test
  void criteriaWeightsMustAddUpToTheLessonWeight() {
    Broken b =
        replace(
            "      - id: challenge-fit\n        weight: 6\n",
            "      - id: challenge-fit\n        weight: 7\n",
            "7");
    RubricLoader.Result r = b.check();
    assertThat(r.ok()).isFalse();
    // the finding stands on the lesson's weight
    Broken lesson =
        new Broken(
            b.text(),
            lineOf(b.text(), "  - id: social-tendering\n    weight: 35") + 1,
            "    weight: ".length() + 1);
    Finding f = assertError(lesson, "finding.rubric.weights-sum");
    assertThat(f.message(Language.EN))
        .contains("social-tendering")
        .contains("weigh 36 together")
        .contains("lesson weighs 35");
    assertThat(errors(r)).hasSize(1);
  }

  @Test
  void bandsOutOfOrder() {
    Broken b = replace("  - id: C\n    min_total: 35\n", "  - id: C\n    min_total: 60\n", "60");
    Finding f = assertError(b, "finding.rubric.bands-order");
    assertThat(f.message(Language.EN)).contains("min_total 60").contains("(55)");
  }

  @Test
  void floorCapNamingNoBand() {
    Broken b = replace("\nfloor_cap: C\n", "\nfloor_cap: E\n", "E");
    Finding f = assertError(b, "finding.rubric.unknown-band");
    assertThat(f.message(Language.EN)).contains("E").contains("A, B, C, D");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3/2", "1.01", "-1/10"})
  void lessonFloorOutsideZeroToOne(String floor) {
    Broken b = replace("\nlesson_floor: 3/10\n", "\nlesson_floor: " + floor + "\n", floor);
    Finding f = assertError(b, "finding.rubric.share-range");
    assertThat(f.message(Language.EN)).startsWith("a share must be between 0 and 1");
  }

  @Test
  void missingLanguageIsAWarningAndFallsBackToDutch() {
    int start =
        BUILTIN.indexOf(
            "          en:\n            title: \"Public task ready for the Right to Challenge\"");
    int end = BUILTIN.indexOf("      - id: jobs-for-residents\n");
    assertThat(start).isPositive();
    assertThat(end).isGreaterThan(start);
    String text = BUILTIN.substring(0, start) + BUILTIN.substring(end);
    RubricLoader.Result r = RubricLoader.check(FILE, text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.ok()).as("findings %s", r.findings()).isTrue();
    assertThat(errors(r)).isEmpty();
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.isError()).isFalse();
              assertThat(f.rule()).isEqualTo("rubric/warning");
              assertThat(f.messageKey()).isEqualTo("finding.rubric.language-fallback");
              // on the criterion's texts: the `texts:` key or the mapping under it
              int texts = lineOf(text, "        measure: challenge-fit\n        texts:\n") + 1;
              assertThat(f.location().line()).isBetween(texts, texts + 1);
              assertThat(f.message(Language.EN))
                  .isEqualTo("challenge-fit has no texts in en; the nl texts are used");
              assertThat(f.format(Language.EN))
                  .contains(": warning: ")
                  .endsWith("[rubric/warning]");
            });
    Rubric.Criterion c = r.rubric().criterion("challenge-fit").orElseThrow();
    Rubric.CriterionTexts en = c.text(Language.EN);
    Rubric.CriterionTexts nl = c.text(Language.NL);
    assertThat(en.title()).isEqualTo("Publieke taak klaar voor het uitdaagrecht");
    assertThat(en).isEqualTo(nl);
    assertThat(en.levels()).hasSize(5);
    // other criteria keep their English texts
    assertThat(r.rubric().criterion("jobs-for-residents").orElseThrow().text(Language.EN).title())
        .isEqualTo("Paid work for residents");
  }

  @Test
  void lessonWeightsNotSummingTo100IsAWarning() {
    String text =
        BUILTIN
            .replace(
                "  - id: social-tendering\n    weight: 35\n",
                "  - id: social-tendering\n    weight: 40\n")
            .replace(
                "      - id: public-task-revenue\n        weight: 10\n",
                "      - id: public-task-revenue\n        weight: 15\n");
    assertThat(text).isNotEqualTo(BUILTIN);
    RubricLoader.Result r = RubricLoader.check(FILE, text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.ok()).as("findings %s", r.findings()).isTrue();
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.isError()).isFalse();
              assertThat(f.rule()).isEqualTo("rubric/warning");
              assertThat(f.messageKey()).isEqualTo("finding.rubric.total-weight");
              assertThat(f.message(Language.EN)).contains("weigh 105 together");
              int lessons = lineOf(text, "\nlessons:\n") + 1;
              assertThat(f.location().line()).isBetween(lessons, lessons + 1);
            });
    assertThat(r.rubric().lessons().get(0).weight()).isEqualTo(Fraction.of(40));
  }

  @ParameterizedTest
  @ValueSource(strings = {"- a\n- b\n", "just text\n", "42\n"})
  void topLevelThatIsNotAMappingIsALocatedErrorNotACrash(String text) {
    RubricLoader.Result r = RubricLoader.check(FILE, text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.ok()).isFalse();
    assertThat(errors(r))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("rubric/invalid");
              assertThat(f.location().line()).isEqualTo(1);
            });
  }

  @Test
  void adviceByLevelKeyOutsideTheLevels() {
    Broken b =
        replace(
            "            advice_by_condition:\n              public-task-income: \"Er zijn",
            "            advice_by_level:\n              5: \"x\"\n"
                + "            advice_by_condition:\n              public-task-income: \"Er zijn",
            "5");
    Finding f = assertError(b, null);
    assertThat(f.message(Language.EN)).contains("5").doesNotContain("year").doesNotContain("2027");
  }

  @Test
  void adviceForAConditionTheMeasureDoesNotHaveIsAnErrorWithDidYouMean() {
    Broken b =
        replace(
            "              profit-reinvested: \"Zet in de statuten",
            "              profit-reinvestd: \"Zet in de statuten",
            "profit-reinvestd");
    Finding f = assertError(b, "finding.rubric.unknown-condition");
    assertThat(f.message(Language.EN))
        .isEqualTo(
            "measure resident-governance has no condition profit-reinvestd (profit-reinvested)");
  }

  @Test
  void fractionWithZeroDenominatorIsReportedOnce() {
    Broken b = replace("\nlesson_floor: 3/10\n", "\nlesson_floor: 3/0\n", "3/0");
    Finding f = assertError(b, "finding.rubric.number");
    assertThat(f.message(Language.EN)).contains("3/0 is not an exact number");
  }

  @Test
  void hugeWeightIsNotReportedAsMissing() {
    String huge = "1" + "0".repeat(46);
    Broken b =
        replace(
            "      - id: challenge-fit\n        weight: 6\n",
            "      - id: challenge-fit\n        weight: " + huge + "\n",
            huge);
    RubricLoader.Result r = b.check();
    assertThat(r.ok()).isFalse();
    assertThat(errors(r))
        .as("an error on the weight itself")
        .anySatisfy(
            f -> {
              assertThat(f.location().line()).isEqualTo(b.line());
              assertThat(f.location().column()).isEqualTo(b.column());
            });
    assertThat(errors(r))
        .noneSatisfy(f -> assertThat(f.message(Language.EN)).contains("weight is missing"));
  }

  @Test
  void severalErrorsAreAllReportedInFileOrder() {
    String text =
        BUILTIN
            .replace("\nfloor_cap: C\n", "\nfloor_cap: E\n")
            .replace("        measure: challenge-fit\n", "        measure: zzz\n");
    RubricLoader.Result r = RubricLoader.check(FILE, text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.ok()).isFalse();
    assertThat(errors(r))
        .extracting(Finding::messageKey)
        .containsExactly("finding.rubric.unknown-band", "finding.rubric.unknown-measure");
    assertThat(errors(r).get(0).location().line()).isLessThan(errors(r).get(1).location().line());
  }
}
