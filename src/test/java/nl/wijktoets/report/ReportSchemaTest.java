package nl.wijktoets.report;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code wijktoets schema report} describes exactly what {@code assess -f json} writes. */
class ReportSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EXAMPLES =
      List.of(
          "examples/bouwlust-vrederust.yaml",
          "examples/duindorp.yaml",
          "examples/moerwijk.yaml",
          "examples/schilderswijk.yaml",
          "examples/transvaal.yaml");

  private static JsonNode schemaNode;
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    Run r = run("schema", "report");
    assertThat(r.code()).isZero();
    schemaNode = JSON.readTree(r.out());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
  }

  private static JsonNode assess(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("assess"));
    all.addAll(List.of(args));
    all.addAll(List.of("-f", "json"));
    Run r = run(all.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void everyBatchJsonLineValidatesScoredAndFailedRows(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("all.jsonl");
    Run r = run("batch", "examples/batch/proposals.csv", "--json", out.toString(), "-q");
    assertThat(r.code()).isEqualTo(3);
    JsonSchema failedRow =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(schemaNode.get("$defs").get("failedRow"));
    int failed = 0;
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode j = JSON.readTree(line);
      assertThat(j.get("id").asText()).isNotEmpty();
      assertThat(j.get("line").asInt()).isPositive();
      if (j.has("status")) {
        failed++;
        assertThat(failedRow.validate(j)).as(line).isEmpty();
        assertThat(schema.validate(j)).isNotEmpty(); // a failed row is no assessment
      } else {
        assertThat(schema.validate(j)).as(line).isEmpty();
      }
    }
    assertThat(failed).isEqualTo(2);
  }

  @Test
  void schemaIsDraft202012() {
    assertThat(schemaNode.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schemaNode.get("type").asText()).isEqualTo("object");
    assertThat(schemaNode.get("additionalProperties").asBoolean()).isFalse();
    assertThat(schemaNode.get("properties").has("schemaVersion")).isTrue();
    assertThat(run("schema", "report").out()).endsWith("}\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "examples/bouwlust-vrederust.yaml",
        "examples/duindorp.yaml",
        "examples/moerwijk.yaml",
        "examples/schilderswijk.yaml",
        "examples/transvaal.yaml"
      })
  void everyExampleReportValidates(String example) throws IOException {
    JsonNode report = assess(example);
    assertThat(report.isObject()).isTrue();
    assertThat(report.get("file").asText()).isEqualTo(example);
    assertThat(schema.validate(report)).isEmpty();
    // in English too
    assertThat(schema.validate(assess(example, "--lang", "en"))).isEmpty();
  }

  @Test
  void arrayForSeveralFilesValidatesItemByItem() throws IOException {
    JsonNode all = assess(EXAMPLES.toArray(String[]::new));
    assertThat(all.isArray()).isTrue();
    assertThat(all).hasSize(5);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).get("file").asText()).isEqualTo(EXAMPLES.get(i));
      assertThat(schema.validate(all.get(i))).as(EXAMPLES.get(i)).isEmpty();
    }
    // the array as a whole is not a report
    assertThat(schema.validate(all)).isNotEmpty();
  }

  @Test
  void unknownFieldFails() throws IOException {
    ObjectNode report = (ObjectNode) assess("examples/moerwijk.yaml");
    assertThat(schema.validate(report)).isEmpty();
    report.put("timestamp", "2026-01-01T00:00:00Z");
    Set<ValidationMessage> messages = schema.validate(report);
    assertThat(messages).isNotEmpty();
    assertThat(messages.toString()).contains("timestamp");
  }

  @Test
  void unknownFieldInACriterionFails() throws IOException {
    JsonNode report = assess("examples/moerwijk.yaml");
    ((ObjectNode) report.get("lessons").get(0).get("criteria").get(0)).put("extra", 1);
    assertThat(schema.validate(report)).isNotEmpty();
  }

  @Test
  void levelFiveFails() throws IOException {
    JsonNode report = assess("examples/moerwijk.yaml");
    ObjectNode criterion = (ObjectNode) report.get("lessons").get(0).get("criteria").get(0);
    criterion.put("level", 5);
    Set<ValidationMessage> messages = schema.validate(report);
    assertThat(messages).isNotEmpty();
    assertThat(messages.toString()).contains("level");
  }

  @Test
  void missingRequiredFieldAndWrongConstFail() throws IOException {
    ObjectNode report = (ObjectNode) assess("examples/moerwijk.yaml");
    report.remove("total");
    assertThat(schema.validate(report)).isNotEmpty();

    ObjectNode other = (ObjectNode) assess("examples/moerwijk.yaml");
    other.put("schemaVersion", "2");
    assertThat(schema.validate(other)).isNotEmpty();
  }

  @Test
  void reportHasNoPrivateData() throws IOException {
    // the schema allows no contact or founders; the reports of the examples carry none either
    assertThat(schemaNode.get("properties").has("contact")).isFalse();
    assertThat(schemaNode.get("properties").get("proposal").get("properties").has("founders"))
        .isFalse();
    String text = JSON.writeValueAsString(assess("examples/moerwijk.yaml"));
    assertThat(text)
        .doesNotContain("\"contact\"", "\"founders\"", "info@example.org", "El Idrissi");
  }
}
