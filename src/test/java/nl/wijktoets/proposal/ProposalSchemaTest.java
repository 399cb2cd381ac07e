package nl.wijktoets.proposal;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The proposal JSON Schema: valid draft 2020-12, in step with the reader and the vocabulary. */
class ProposalSchemaTest {

  private static final String META = "https://json-schema.org/draft/2020-12/schema";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every enumerated field of format v1, as YAML paths (list items without an index). */
  private static final List<String> ENUM_PATHS =
      List.of(
          "language",
          "stage",
          "legal_form",
          "residents.consultations.type",
          "governance.connector.employer",
          "governance.connector.reports_to",
          "partners.sector",
          "partners.role",
          "partners.commitment",
          "resident_groups.type",
          "resident_groups.relation",
          "activities.theme",
          "revenue.type",
          "revenue.status",
          "assets.type",
          "assets.tenure",
          "risks.likelihood",
          "risks.impact",
          "impact_indicators.theme");

  private static JsonNode schemaJson() throws IOException {
    return JSON.readTree(ProposalSchema.get().text());
  }

  /**
   * The schema path of a field: each list in the path gets an index ({@code partners[0].sector}).
   */
  private static String indexed(String path) {
    String[] parts = path.split("\\.");
    StringBuilder sb = new StringBuilder();
    String prefix = "";
    for (int i = 0; i < parts.length; i++) {
      sb.append(i == 0 ? "" : ".").append(parts[i]);
      prefix = prefix.isEmpty() ? parts[i] : prefix + "." + parts[i];
      if (i < parts.length - 1 && LISTS.contains(prefix)) {
        sb.append("[0]");
      }
    }
    return sb.toString();
  }

  private static final Set<String> LISTS =
      Set.of(
          "residents.consultations",
          "partners",
          "resident_groups",
          "activities",
          "revenue",
          "assets",
          "risks",
          "impact_indicators");

  private static List<String> enumOf(String path) {
    JsonNode field = ProposalSchema.get().schemaAt(indexed(path));
    assertThat(field).as("schema of %s", path).isNotNull();
    assertThat(field.has("enum")).as("%s has an enum: %s", path, field).isTrue();
    List<String> values = new ArrayList<>();
    field.get("enum").forEach(v -> values.add(v.asText()));
    return values;
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void schemaIsJsonDeclaringDraft2020_12() throws IOException {
    JsonNode schema = schemaJson();
    assertThat(schema.isObject()).isTrue();
    assertThat(schema.path("$schema").asText()).isEqualTo(META);
    assertThat(schema.path("type").asText()).isEqualTo("object");
    assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
    assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    assertThat(required).containsExactly("version", "name", "neighbourhood");
    assertThat(schema.path("properties").isObject()).isTrue();
    assertThat(schema.path("$defs").isObject()).isTrue();
  }

  @Test
  void schemaIsAValidDraft2020_12Schema() throws IOException {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // the meta-schema ships inside the validator's jar: no network needed
    JsonSchema meta = factory.getSchema(SchemaLocation.of(META));
    Set<ValidationMessage> errors = meta.validate(schemaJson());
    assertThat(errors).isEmpty();
    // and the meta-schema really checks: a broken copy is refused
    ObjectNode broken = (ObjectNode) schemaJson();
    ((ObjectNode) broken.get("properties").get("name")).put("type", "text");
    ((ObjectNode) broken).put("required", "version");
    assertThat(meta.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyLocalRefResolves() throws IOException {
    JsonNode schema = schemaJson();
    List<String> refs = new ArrayList<>();
    collectRefs(schema, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/$defs/");
      assertThat(schema.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asText());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplesGiveNoSchemaFinding(Path example) throws IOException {
    List<Finding> findings =
        ProposalReader.read(example.toString(), Files.readAllBytes(example)).findings();
    assertThat(findings)
        .filteredOn(f -> f.rule().startsWith("schema/") || f.isError())
        .extracting(f -> f.format(Language.EN))
        .isEmpty();
  }

  @Test
  void examplesValidateAgainstTheSchemaDirectly() throws IOException {
    List<Path> all = examples().toList();
    assertThat(all).isNotEmpty();
    for (Path example : all) {
      YamlTreeReader.Result tree =
          new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
              .read(example.toString(), Files.readAllBytes(example));
      assertThat(tree.findings()).as(example.toString()).isEmpty();
      assertThat(ProposalSchema.get().validate(tree.root(), Map.of()))
          .as(example.toString())
          .isEmpty();
    }
  }

  @Test
  void everyEnumeratedFieldHasAVocabulary() {
    Set<Vocabulary> covered = EnumSet.noneOf(Vocabulary.class);
    for (String path : ENUM_PATHS) {
      Vocabulary v = Vocabulary.forPath(indexed(path));
      assertThat(v).as("vocabulary of %s", path).isNotNull();
      assertThat(path).endsWith(v.field().equals("likelihood") ? "" : v.field());
      covered.add(v);
    }
    assertThat(covered).containsExactlyInAnyOrder(Vocabulary.values());
  }

  /** Words the vocabulary accepts that the schema does not list (reported as a bug). */
  private static final Set<String> KNOWN_MISSING = Set.of("revenue.status=realized");

  @Test
  void everyCanonicalValueAndSynonymIsInTheSchemaEnum() {
    for (String path : ENUM_PATHS) {
      Vocabulary v = Vocabulary.forPath(path);
      List<String> schemaEnum = enumOf(path);
      assertThat(schemaEnum).as("enum of %s", path).containsAll(v.canonical());
      for (String synonym : v.synonyms().keySet()) {
        if (!KNOWN_MISSING.contains(path + "=" + synonym)) {
          assertThat(schemaEnum).as("enum of %s", path).contains(synonym);
        }
      }
    }
  }

  @Test
  void schemaAndVocabularyAgreeOnRevenueStatus() {
    // product.md spells it "realised"; the American spelling is in neither
    assertThat(enumOf("revenue.status")).contains("realised").doesNotContain("realized");
    assertThat(Vocabulary.REVENUE_STATUS.canonicalise("realized")).isEmpty();
  }

  @Test
  void everySchemaEnumValueIsAcceptedByTheVocabulary() {
    for (String path : ENUM_PATHS) {
      Vocabulary v = Vocabulary.forPath(path);
      for (String value : enumOf(path)) {
        assertThat(v.canonicalise(value)).as("%s: %s", path, value).isPresent();
      }
    }
  }

  @Test
  void canonicalAndSynonymAnnotationsMatchTheVocabulary() {
    for (String path : ENUM_PATHS) {
      Vocabulary v = Vocabulary.forPath(path);
      JsonNode field = ProposalSchema.get().schemaAt(indexed(path));
      if (field.has("x-canonical")) {
        List<String> canonical = new ArrayList<>();
        field.get("x-canonical").forEach(c -> canonical.add(c.asText()));
        assertThat(canonical).as(path).isEqualTo(v.canonical());
      }
      if (field.has("x-synonyms")) {
        field
            .get("x-synonyms")
            .fields()
            .forEachRemaining(
                e ->
                    assertThat(v.canonicalise(e.getKey()))
                        .as("%s: %s", path, e.getKey())
                        .contains(e.getValue().asText()));
      }
    }
  }

  @Test
  void booleanPatternAcceptsExactlyTheBooleanWords() throws IOException {
    String pattern = schemaJson().at("/$defs/boolean/anyOf/1/pattern").asText();
    assertThat(pattern).isNotEmpty();
    Pattern p = Pattern.compile(pattern);
    for (String word : List.of("true", "False", "ja", "NEE", "yes", "No", "waar", "onwaar")) {
      assertThat(p.matcher(word).find()).as(word).isTrue();
      assertThat(Vocabulary.bool(word)).as(word).isPresent();
    }
    for (String word : List.of("on", "off", "y", "n", "1", "jawel")) {
      assertThat(p.matcher(word).find()).as(word).isFalse();
      assertThat(Vocabulary.bool(word)).as(word).isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the CLI prints it
  @Test
  void schemaCommandPrintsTheSchema() throws IOException {
    Run plain = run("schema");
    Run named = run("schema", "proposal");
    assertThat(plain.code()).isZero();
    assertThat(named.code()).isZero();
    assertThat(plain.err()).isEmpty();
    assertThat(plain.out()).isEqualTo(named.out());
    assertThat(plain.out()).endsWith("}\n");
    assertThat(plain.out().strip()).isEqualTo(ProposalSchema.get().text().strip());
    assertThat(JSON.readTree(plain.out())).isEqualTo(schemaJson());
  }

  @Test
  void schemaCommandRefusesAnUnknownName() {
    Run run = run("schema", "proposals");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("proposals").doesNotContain("\tat ");
  }
}
