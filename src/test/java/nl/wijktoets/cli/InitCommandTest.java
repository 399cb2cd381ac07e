package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wijktoets init}: a commented template that validates and scores as it is, and says that it
 * still holds the example values.
 */
class InitCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA_LINE =
      "# yaml-language-server: $schema=./proposal.schema.json";
  @TempDir Path dir;

  private Path init(String lang) {
    Path file = dir.resolve("proposal-" + lang + ".yaml");
    Run r = run("init", file.toString(), "--lang", lang);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(file).exists();
    return file;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void templateStartsWithTheSchemaLine(String lang) throws IOException {
    Path file = init(lang);
    String text = read(file);
    assertThat(text.lines().findFirst()).contains(SCHEMA_LINE);
    assertThat(text).isEqualTo(InitCommand.template(Language.parse(lang).orElseThrow()));
    assertThat(text).doesNotContain("\r").doesNotStartWith("\uFEFF");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void templateValidatesWithOnlyExampleValueWarnings(String lang) throws IOException {
    Path file = init(lang);
    Run text = run("validate", file.toString());
    assertThat(text.code()).isZero();
    assertThat(text.lines())
        .isNotEmpty()
        .allMatch(l -> l.endsWith("[proposal/example-value]"))
        .allMatch(l -> l.contains(": warning: "));
    Run json = run("validate", file.toString(), "-f", "json");
    assertThat(json.code()).isZero();
    JsonNode f = JSON.readTree(json.out()).get("files").get(0);
    assertThat(f.get("errors").asInt()).isZero();
    assertThat(f.get("valid").asBoolean()).isTrue();
    // one warning per block that still holds example values: every block of the template
    assertThat(f.get("warnings").asInt()).isEqualTo(16);
    for (JsonNode finding : f.get("findings")) {
      assertThat(finding.get("rule").asText()).isEqualTo("proposal/example-value");
    }
    // as warnings do, they fail with --strict
    assertThat(run("validate", file.toString(), "--strict").code()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void templateIsScored(String lang) throws IOException {
    Path file = init(lang);
    Run r = run("assess", file.toString(), "-f", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("file").asText()).isEqualTo(file.toString());
    assertThat(report.get("language").asText()).isEqualTo(lang);
    assertThat(report.get("lessons")).hasSize(3);
    assertThat(report.get("total").decimalValue().signum()).isPositive();
    // the report says it describes the example, not their plan
    assertThat(report.get("example").get("untouched").asInt())
        .isEqualTo(report.get("example").get("of").asInt());
    assertThat(report.get("warnings"))
        .isNotEmpty()
        .allMatch(w -> w.get("rule").asText().equals("proposal/example-value"));
  }

  @Test
  void dutchTemplateHasDutchComments() throws IOException {
    String text = read(init("nl"));
    String lower = text.toLowerCase(Locale.ROOT);
    assertThat(text).contains("# Les: ", "verplicht", "Wijkonderneming (naam invullen)");
    assertThat(lower).contains("maatschappelijk aanbesteden");
    assertThat(text).doesNotContain("# Lesson: ", "required:", "(fill in the name)");
  }

  @Test
  void englishTemplateHasEnglishComments() throws IOException {
    String text = read(init("en"));
    assertThat(text).contains("# Lesson: ", "required", "social tendering", "(fill in the name)");
    assertThat(text).doesNotContain("# Les: ", "verplicht", "(naam invullen)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void everyTopLevelKeyOfTheSchemaIsInTheTemplate(String lang) throws IOException {
    Run schema = run("schema", "proposal");
    assertThat(schema.code()).isZero();
    JsonNode properties = JSON.readTree(schema.out()).get("properties");
    Set<String> keys = new TreeSet<>();
    properties.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).contains("version", "name", "neighbourhood", "revenue", "waivers", "contact");

    JsonNode template = new YAMLMapper().readTree(read(init(lang)));
    List<String> templateKeys = new ArrayList<>();
    template.fieldNames().forEachRemaining(templateKeys::add);
    assertThat(templateKeys).containsAll(keys);
    // and nothing the schema does not know
    assertThat(keys).containsAll(templateKeys);
  }

  @Test
  void existingFileIsLeftAloneExitThree() throws IOException {
    Path file = dir.resolve("proposal.yaml");
    String mine = "version: 1\nname: Mine\nneighbourhood: Moerwijk\n";
    Files.writeString(file, mine, StandardCharsets.UTF_8);
    Run r = run("init", file.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(file.toString()).contains("--force");
    assertThat(read(file)).isEqualTo(mine);

    // also when it was written by init itself
    Path twice = init("nl");
    byte[] before = Files.readAllBytes(twice);
    assertThat(run("init", twice.toString(), "--lang", "en").code()).isEqualTo(3);
    assertThat(Files.readAllBytes(twice)).isEqualTo(before);
  }

  @Test
  void forceOverwrites() throws IOException {
    Path file = dir.resolve("proposal.yaml");
    Files.writeString(file, "version: 1\nname: Mine\n", StandardCharsets.UTF_8);
    Run r = run("init", file.toString(), "--lang", "en", "--force");
    assertThat(r.code()).isZero();
    assertThat(read(file)).isEqualTo(InitCommand.template(Language.EN));
  }

  @Test
  void dashPrintsToStandardOutput() {
    Run r = run("init", "-", "--lang", "en");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(InitCommand.template(Language.EN));
    assertThat(r.out().lines().findFirst()).contains(SCHEMA_LINE);
    assertThat(r.out()).contains("# Lesson: ");

    Run nl = run("init", "-", "--lang", "nl");
    assertThat(nl.code()).isZero();
    assertThat(nl.out()).isEqualTo(InitCommand.template(Language.NL)).isNotEqualTo(r.out());
  }
}
