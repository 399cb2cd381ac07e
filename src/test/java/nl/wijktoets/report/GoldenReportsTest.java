package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.testutil.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reports of the five examples, in both languages, against golden files. */
class GoldenReportsTest {

  static final String[] EXAMPLES = {
    "moerwijk", "transvaal", "schilderswijk", "bouwlust-vrederust", "duindorp"
  };

  static Stream<Arguments> examplesAndLanguages() {
    return Stream.of(EXAMPLES)
        .flatMap(e -> Stream.of(Language.values()).map(l -> Arguments.of(e, l)));
  }

  static Assessment assess(String example, Language lang) throws Exception {
    String file = "examples/" + example + ".yaml";
    Assessor.Outcome o =
        new Assessor(RubricLoader.builtin()).assess(file, Files.readAllBytes(Path.of(file)), lang);
    assertThat(o.errors()).isEmpty();
    return o.assessment();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examplesAndLanguages")
  void markdownMatchesGolden(String example, Language lang) throws Exception {
    String md = new MarkdownReport(new Templates()).render(assess(example, lang), 3);
    Golden.check(example + "." + lang.code() + ".md", md);
    // rendering again gives the same bytes, so regenerating changes nothing when nothing changed
    assertThat(new MarkdownReport(new Templates()).render(assess(example, lang), 3)).isEqualTo(md);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void jsonMatchesGolden(String example) throws Exception {
    String json = JsonReport.render(assess(example, null), 3);
    Golden.check(example + ".json", json);
  }

  static Stream<String> examples() {
    return Stream.of(EXAMPLES);
  }
}
