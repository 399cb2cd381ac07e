package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import org.junit.jupiter.api.Test;

/**
 * Scoring adds a row's contributions as whole numerators over one common denominator when the
 * rubric allows it, and as fractions when that denominator would not fit in a long: both give the
 * exact sums.
 */
class CommonDenominatorTest {

  private static final List<String> PRIMES = List.of("999999937", "999999929", "999999893");

  /** One criterion per lesson, each lesson weighing 1/p for a large prime p. */
  private static Rubric primeRubric() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode root = (ObjectNode) yaml.readTree(RubricLoader.builtinBytes());
    int i = 0;
    for (JsonNode lesson : root.get("lessons")) {
      String weight = "1/" + PRIMES.get(i++);
      ((ObjectNode) lesson).put("weight", weight);
      ArrayNode criteria = (ArrayNode) lesson.get("criteria");
      ObjectNode first = (ObjectNode) criteria.get(0);
      first.put("weight", weight);
      first.put("waivable", false);
      ArrayNode one = yaml.createArrayNode();
      one.add(first);
      ((ObjectNode) lesson).set("criteria", one);
    }
    root.remove("bands");
    ArrayNode bands = yaml.createArrayNode();
    ObjectNode only = bands.addObject();
    only.put("id", "A");
    only.put("min_total", 0);
    only.set("label", yaml.readTree("{nl: Alles, en: All}"));
    root.set("bands", bands);
    root.remove("floor_cap");
    return RubricLoader.load(
        "primes.yaml", yaml.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
  }

  private static void assertSumsExact(Assessment a) {
    Fraction total = Fraction.ZERO;
    for (Assessment.LessonResult l : a.lessons()) {
      Fraction sum = Fraction.ZERO;
      for (Assessment.CriterionResult c : l.criteria()) {
        sum = sum.plus(c.contribution());
      }
      assertThat(l.score()).as(l.lesson().id()).isEqualTo(sum);
      total = total.plus(l.score());
    }
    assertThat(a.total()).isEqualTo(total);
  }

  @Test
  void aRubricWhoseCommonDenominatorIsTooLargeStillAddsUpExactly() throws Exception {
    Rubric rubric = primeRubric();
    Assessor assessor = new Assessor(rubric);
    byte[] moerwijk = Files.readAllBytes(Path.of("examples/moerwijk.yaml"));
    Assessor.Outcome o = assessor.assess("moerwijk.yaml", moerwijk, null);
    assertThat(o.scored()).isTrue();
    assertSumsExact(o.assessment());
    // the total needs the product of the three primes: far more than a long holds
    assertThat(o.assessment().total().denominator().bitLength()).isGreaterThan(63);
  }

  @Test
  void theBuiltInRubricAddsUpExactly() throws Exception {
    Assessor assessor = new Assessor(RubricLoader.builtin());
    byte[] moerwijk = Files.readAllBytes(Path.of("examples/moerwijk.yaml"));
    Assessor.Outcome o = assessor.assess("moerwijk.yaml", moerwijk, null);
    assertSumsExact(o.assessment());
  }
}
