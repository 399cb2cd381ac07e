package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.Measure;
import nl.wijktoets.measure.Measures;
import nl.wijktoets.measure.Parameter;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code wijktoets explain}: the list, every criterion in both languages, measures, --rubric. */
class ExplainCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The built-in weights, as the rubric file states them. */
  private static final Map<String, Integer> WEIGHTS = new LinkedHashMap<>();

  static {
    WEIGHTS.put("public-task-revenue", 10);
    WEIGHTS.put("challenge-fit", 6);
    WEIGHTS.put("jobs-for-residents", 10);
    WEIGHTS.put("earned-income-share", 5);
    WEIGHTS.put("financial-continuity", 4);
    WEIGHTS.put("cross-sector-partners", 8);
    WEIGHTS.put("partner-commitment", 6);
    WEIGHTS.put("connector", 6);
    WEIGHTS.put("resident-led-with-backing", 5);
    WEIGHTS.put("dependency-spread", 5);
    WEIGHTS.put("resident-governance", 9);
    WEIGHTS.put("resident-groups", 7);
    WEIGHTS.put("community-assets", 6);
    WEIGHTS.put("resident-involvement", 7);
    WEIGHTS.put("impact-measurement", 6);
  }

  private static final Map<String, Integer> LESSON_WEIGHTS =
      Map.of("social-tendering", 35, "middle-up-down", 30, "participation-trends", 35);

  /** criterion id -> names of the values its measure reports (from assessing every example). */
  private static final Map<String, Set<String>> MEASURED = new HashMap<>();

  @BeforeAll
  static void measuredValueNames() throws IOException {
    List<Path> examples;
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(examples).isNotEmpty();
    for (Path p : examples) {
      Run r = run("assess", p.toString(), "-f", "json", "-q");
      assertThat(r.code()).as(p + ": " + r.err()).isZero();
      for (JsonNode l : JSON.readTree(r.out()).get("lessons")) {
        for (JsonNode c : l.get("criteria")) {
          Set<String> names = MEASURED.computeIfAbsent(c.get("id").asText(), k -> new HashSet<>());
          c.get("measured").fieldNames().forEachRemaining(names::add);
        }
      }
    }
  }

  static Stream<Arguments> criteriaAndLanguages() {
    List<Arguments> out = new ArrayList<>();
    for (String id : WEIGHTS.keySet()) {
      out.add(Arguments.of(id, "nl"));
      out.add(Arguments.of(id, "en"));
    }
    return out.stream();
  }

  @Test
  void builtinRubricHasTheExpectedCriteria() {
    Rubric r = RubricLoader.builtin();
    assertThat(r.criteria().map(Rubric.Criterion::id).toList())
        .containsExactlyElementsOf(WEIGHTS.keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void listsAllLessonsAndCriteriaWithWeights(String code) {
    Language lang = Language.parse(code).orElseThrow();
    Run r = run("explain", "--lang", code);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Rubric rubric = RubricLoader.builtin();
    String weightWord = lang == Language.NL ? "gewicht" : "weight";
    String lessonWord = lang == Language.NL ? "Les" : "Lesson";
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(rubric.title().get(lang));
    assertThat(r.out()).contains(rubric.hash()).contains("wijktoets-haags");
    assertThat(lines.stream().filter(l -> l.startsWith(lessonWord + " "))).hasSize(3);
    assertThat(lines.stream().filter(l -> l.startsWith("  - "))).hasSize(15);
    int n = 0;
    for (Rubric.Lesson lesson : rubric.lessons()) {
      n++;
      assertThat(lines)
          .contains(
              lessonWord
                  + " "
                  + n
                  + ": "
                  + lesson.text(lang).title()
                  + " ("
                  + weightWord
                  + " "
                  + LESSON_WEIGHTS.get(lesson.id())
                  + ", id "
                  + lesson.id()
                  + ")");
      for (Rubric.Criterion c : lesson.criteria()) {
        String prefix =
            "  - "
                + c.id()
                + ": "
                + c.text(lang).title()
                + " ("
                + weightWord
                + " "
                + WEIGHTS.get(c.id());
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(prefix).endsWith(")"));
      }
    }
    // titles really are in the asked language
    if (lang == Language.EN) {
      assertThat(r.out())
          .contains("public-task-revenue: Income from public tasks (weight 10, cannot be waived)");
    } else {
      assertThat(r.out())
          .contains(
              "public-task-revenue: Inkomsten uit publieke taken (gewicht 10, niet vrij te stellen)");
    }
  }

  @ParameterizedTest(name = "{0} --lang {1}")
  @MethodSource("criteriaAndLanguages")
  void explainsEveryCriterion(String id, String code) {
    Language lang = Language.parse(code).orElseThrow();
    Run r = run("explain", id, "--lang", code);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Rubric rubric = RubricLoader.builtin();
    Rubric.Criterion c = rubric.criterion(id).orElseThrow();
    Rubric.CriterionTexts t = c.text(lang);
    Measure m = c.measure();
    boolean nl = lang == Language.NL;
    String out = r.out();
    List<String> lines = out.lines().toList();

    // the title, in this language (the other language's title differs)
    assertThat(t.title()).isNotBlank();
    assertThat(lines.get(0)).isEqualTo(t.title() + " (" + id + ")");
    Language other = nl ? Language.EN : Language.NL;
    assertThat(c.text(other).why()).isNotEqualTo(t.why());
    assertThat(lines.get(1))
        .startsWith(nl ? "Les: " : "Lesson: ")
        .contains((nl ? "gewicht " : "weight ") + WEIGHTS.get(id));

    // why
    assertThat(t.why()).isNotBlank();
    assertThat(out).contains((nl ? "Waarom dit telt: " : "Why it matters: ") + t.why());

    // the fields it reads
    assertThat(m.reads()).isNotEmpty();
    assertThat(lines).contains((nl ? "Leest: " : "Reads: ") + String.join(", ", m.reads()));
    assertThat(out).contains((nl ? "Meting: " : "Measure: ") + m.name());

    // five level texts, in order
    for (int level = 0; level <= 4; level++) {
      String text = t.levels().get(level);
      assertThat(text).isNotBlank();
      assertThat(lines).contains("  " + level + ". " + text);
    }
    assertThat(lines.stream().filter(l -> l.matches("  [0-9]+\\. .*"))).hasSize(5);
    assertThat(out).contains((nl ? "0 tot " : "0 to ") + WEIGHTS.get(id) + ".");

    // the advice
    String adviceLabel = nl ? "Advies: " : "Advice: ";
    List<String> advice = lines.stream().filter(l -> l.startsWith(adviceLabel)).toList();
    assertThat(advice).hasSize(1);
    String adviceText = advice.get(0).substring(adviceLabel.length());
    assertThat(adviceText).isEqualTo(t.advice()).isNotBlank().hasSizeGreaterThan(40);

    // no unresolved placeholder outside the advice; the advice's own are measured values
    String rest = out.replace(advice.get(0), "");
    assertThat(rest).doesNotContain("{").doesNotContain("}");
    Matcher ph = Pattern.compile("\\{([^{}]*)}").matcher(adviceText);
    while (ph.find()) {
      assertThat(ph.group(1)).matches("[a-z_]+");
      assertThat(MEASURED.get(id)).as("values measured by %s", id).contains(ph.group(1));
    }
    assertThat(adviceText.replaceAll("\\{[a-z_]+}", "")).doesNotContain("{").doesNotContain("}");
  }

  @Test
  void unknownCriterionExitsTwoWithDidYouMean() {
    Run en = run("explain", "conector", "--lang", "en");
    assertThat(en.code()).isEqualTo(ExitCode.USAGE.number());
    assertThat(en.out()).isEmpty();
    assertThat(en.err()).contains("no criterion or field conector; did you mean connector?");
    Run nl = run("explain", "jobs-for-resident", "--lang", "nl");
    assertThat(nl.code()).isEqualTo(2);
    assertThat(nl.err()).contains("bedoelt u jobs-for-residents?");
  }

  @Test
  void unknownNameFarFromAnyPointsToTheLists() {
    Run r = run("explain", "zzzzzz", "--lang", "en");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "no criterion or field zzzzzz; wijktoets explain lists the criteria, wijktoets"
                + " explain partners the keys of a block");
    Run nl = run("explain", "zzzzzz", "--lang", "nl");
    assertThat(nl.err()).contains("geen criterium of veld zzzzzz; wijktoets explain toont");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void measuresListsAllFifteenWithParametersAndDefaults(String code) {
    boolean nl = code.equals("nl");
    Run r = run("explain", "--measures", "--lang", code);
    assertThat(r.code()).as(r.err()).isZero();
    List<Measure> all = Measures.all();
    assertThat(all).hasSize(15);
    // every measure the built-in rubric uses, and no other
    assertThat(all.stream().map(Measure::name).sorted().toList())
        .isEqualTo(
            RubricLoader.builtin().criteria().map(c -> c.measure().name()).sorted().toList());
    List<String> lines = r.out().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("- "))).hasSize(15);
    String reads = nl ? "Leest" : "Reads";
    String dflt = nl ? "standaard" : "default";
    int params = 0;
    for (Measure m : all) {
      String head = "- " + m.name() + " (" + reads + ": " + String.join(", ", m.reads()) + ")";
      int at = lines.indexOf(head);
      assertThat(at).as(head).isNotNegative();
      if (m.parameters().isEmpty()) {
        assertThat(lines.get(at + 1)).isEqualTo(nl ? "    geen parameters" : "    no parameters");
      }
      for (int i = 0; i < m.parameters().size(); i++) {
        Parameter<?> p = m.parameters().get(i);
        params++;
        assertThat(p.defaultText()).isNotBlank();
        assertThat(lines.get(at + 1 + i))
            .startsWith("    " + p.name() + ": ")
            .endsWith(", " + dflt + " " + p.defaultText())
            .doesNotContain("explain.kind");
      }
    }
    assertThat(params).isGreaterThan(15);
    if (!nl) {
      assertThat(r.out())
          .contains("    thresholds: a list of exact numbers, default [1/10, 1/5, 7/20]")
          .contains("    thresholds: a list of exact numbers, default [4/5, 3/5, 9/20, 3/10]")
          .contains("    level4_min_years: a whole number, default 2");
    }
  }

  @Test
  void explainWithCustomRubricShowsItsWeight() {
    Run r =
        run(
            "explain",
            "--rubric",
            "examples/rubrics/werk-eerst.yaml",
            "jobs-for-residents",
            "--lang",
            "en");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Paid work for residents (jobs-for-residents)")
        .contains("weight 14 of the lesson's 35")
        .contains("0 to 14.")
        .contains("municipal employer service");
    Run nl =
        run(
            "explain",
            "--rubric",
            "examples/rubrics/werk-eerst.yaml",
            "jobs-for-residents",
            "--lang",
            "nl");
    assertThat(nl.code()).isZero();
    assertThat(nl.out()).contains("gewicht 14 van de 35").contains("Werkgeversservicepunt");
  }

  @Test
  void explainListWithCustomRubric() {
    Run r = run("explain", "--rubric", "examples/rubrics/werk-eerst.yaml", "--lang", "en");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("rubric werk-eerst version 2026.1")
        .contains("  - jobs-for-residents: Paid work for residents (weight 14, cannot be waived)")
        .contains("  - public-task-revenue: Income from public tasks (weight 8, cannot be waived)")
        .contains("  - challenge-fit: Public task ready for the Right to Challenge (weight 4)")
        .contains("Lesson 1: Social tendering (weight 35, id social-tendering)");
  }

  @Test
  void explainOutputIsLocaleIndependent() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      String tr = run("explain", "financial-continuity", "--lang", "en").out();
      Locale.setDefault(Locale.ROOT);
      String root = run("explain", "financial-continuity", "--lang", "en").out();
      assertThat(tr).isEqualTo(root);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
