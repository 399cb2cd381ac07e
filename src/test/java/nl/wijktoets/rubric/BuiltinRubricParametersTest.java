package nl.wijktoets.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.wijktoets.measure.Measure;
import nl.wijktoets.measure.Measures;
import nl.wijktoets.measure.Parameter;
import org.junit.jupiter.api.Test;

/**
 * The built-in rubric and the measures' parameter declarations say the same: every parameter the
 * rubric file sets equals the declared default, and every measure is used by the rubric. A change
 * to a default must be made in both places (the declaration and builtin-rubric.yaml), or this
 * fails.
 */
class BuiltinRubricParametersTest {

  @Test
  void everyParameterOfTheBuiltInRubricEqualsItsDeclaredDefault() {
    Rubric rubric = RubricLoader.builtin();
    assertThat(rubric.criteria()).hasSize(15);
    rubric
        .criteria()
        .forEach(
            c -> {
              Measure m = c.measure();
              assertThat(c.params().declared()).as(c.id()).isEqualTo(m.parameters());
              for (Parameter<?> p : m.parameters()) {
                assertThat(c.params().get(p))
                    .as("%s.%s in builtin-rubric.yaml", c.id(), p.name())
                    .isEqualTo(p.defaultValue());
                assertThat(c.params().text(p)).isEqualTo(p.defaultText());
              }
              assertThat(c.params()).as(c.id()).isEqualTo(m.defaults());
            });
  }

  @Test
  void theBuiltInRubricWritesEveryParameterButOne() {
    // strong_commitment (3/4) is not in the file: adding it would change the rubric's SHA-256,
    // which every report names; it takes its declared default
    String text = new String(RubricLoader.builtinBytes(), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    RubricLoader.builtin()
        .criteria()
        .forEach(
            c -> {
              int start = text.indexOf("      - id: " + c.id() + "\n");
              String block = text.substring(start, text.indexOf("        texts:", start));
              for (Parameter<?> p : c.measure().parameters()) {
                if (!block.contains("\n          " + p.name() + ": ")) {
                  missing.add(c.id() + "." + p.name());
                }
              }
            });
    assertThat(missing).containsExactly("resident-led-with-backing.strong_commitment");
  }

  @Test
  void theBuiltInRubricUsesEveryMeasureOnceInRegistryOrder() {
    assertThat(RubricLoader.builtin().criteria().map(Rubric.Criterion::measure).toList())
        .containsExactlyElementsOf(Measures.all());
  }
}
