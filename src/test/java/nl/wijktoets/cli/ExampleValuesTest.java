package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.ProposalReader;
import nl.wijktoets.proposal.TemplateExamples;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An unfilled template says so ({@code proposal/example-value}): a warning per block that still
 * holds the values {@code wijktoets init} wrote, and a report that says it describes the example;
 * never for a plan of one's own, and never echoing founders' or contact values.
 */
class ExampleValuesTest {

  @TempDir Path dir;

  private static List<Finding> examples(String file, String text) {
    return examples(file, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Finding> examples(String file, byte[] bytes) {
    return ProposalReader.read(file, bytes).findings().stream()
        .filter(f -> f.rule().equals(TemplateExamples.RULE))
        .toList();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void theExampleValuesComeFromTheTemplatesInitWrites() {
    var values = TemplateExamples.values();
    // every value of the Dutch template, read back from what init writes
    var tree =
        new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
            .read("t.yaml", InitCommand.template(Language.NL).getBytes(StandardCharsets.UTF_8))
            .root();
    var match = TemplateExamples.match(tree);
    assertThat(match.untouched()).hasSize(values.size());
    assertThat(match.templateValues()).isEqualTo(117);
    assertThat(values.get("name"))
        .containsExactlyInAnyOrder(
            "Wijkonderneming (naam invullen)", "Neighbourhood enterprise (fill in the name)");
    assertThat(values.get("stage")).containsExactlyInAnyOrder("idee", "idea");
    assertThat(values).doesNotContainKeys("version", "language");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void theUntouchedTemplateWarnsPerBlock(String lang) {
    String template = InitCommand.template(Language.parse(lang).orElseThrow());
    List<Finding> warnings = examples("t.yaml", template);
    assertThat(warnings).hasSize(16);
    assertThat(warnings).allMatch(f -> !f.isError());
    assertThat(warnings.get(0).message(Language.EN))
        .isEqualTo(
            "7 values at the top of the file are still the examples from wijktoets init (name,"
                + " neighbourhood, district, municipality, stage, legal_form, …); fill in your own");
    assertThat(warnings.get(0).location().line()).isEqualTo(11); // name:
    Finding partners =
        warnings.stream().filter(f -> f.path().equals("partners")).findFirst().orElseThrow();
    assertThat(partners.message(Language.NL))
        .isEqualTo(
            "8 waarden in partners zijn nog de voorbeelden uit wijktoets init (name, sector, role,"
                + " commitment); vul uw eigen gegevens in");
    assertThat(partners.location().line()).isEqualTo(62); // partners:
  }

  @Test
  void founderAndContactWarningsNameOnlyKeys() {
    String template = InitCommand.template(Language.NL);
    List<Finding> warnings = examples("t.yaml", template);
    for (String block : List.of("founders", "contact")) {
      Finding f = warnings.stream().filter(w -> w.path().equals(block)).findFirst().orElseThrow();
      for (Language lang : Language.values()) {
        assertThat(f.message(lang))
            .doesNotContain("Naam oprichter")
            .doesNotContain("voorzitter")
            .doesNotContain("Naam contactpersoon")
            .doesNotContain("example.org")
            .doesNotContain("…");
      }
    }
    Finding founders =
        warnings.stream().filter(w -> w.path().equals("founders")).findFirst().orElseThrow();
    assertThat(founders.message(Language.EN))
        .isEqualTo(
            "6 values in founders are still the examples from wijktoets init (name, role,"
                + " lives_in_neighbourhood); fill in your own");
    // one value left in a founder's entry: its path and key, not the name
    String oneLeft =
        template
            .replace("Naam oprichter 2", "F. Bakkali")
            .replace("Wijkonderneming (naam invullen)", "De Groene Hand");
    List<Finding> left = examples("t.yaml", oneLeft);
    Finding name =
        left.stream().filter(w -> w.path().startsWith("founders")).findFirst().orElseThrow();
    assertThat(name.message(Language.EN))
        .doesNotContain("Naam oprichter")
        .doesNotContain("Bakkali");
  }

  @Test
  void aTemplateWithSomeBlocksFilledInWarnsOnlyAboutTheRest() {
    String template = InitCommand.template(Language.NL);
    // the group filled in its name, neighbourhood and partners
    String half =
        template
            .replace("\"Wijkonderneming (naam invullen)\"", "Buurtbedrijf De Lindeboom")
            .replace("neighbourhood: Moerwijk", "neighbourhood: Bouwlust")
            .replace("name: Stadsdeel Escamp ", "name: Vidomes          ")
            .replace("sector: stadsdeel", "sector: woningcorporatie")
            .replace("commitment: in-gesprek", "commitment: intentieverklaring")
            .replace("name: Woningcorporatie (naam invullen)", "name: Gemeente Den Haag")
            .replace(
                "sector: woningcorporatie\n    role: opdrachtgever\n    commitment: idee",
                "sector: gemeente\n    role: financier\n    commitment: overeenkomst");
    List<Finding> warnings = examples("t.yaml", half);
    assertThat(warnings).extracting(Finding::path).doesNotContain("partners", "name");
    assertThat(warnings).extracting(Finding::path).contains("activities", "revenue", "budget");
  }

  @Test
  void aPlanOfItsOwnWithTheTemplateNameGetsOneWarning() throws IOException {
    String moerwijk = Files.readString(Path.of("examples/moerwijk.yaml"), StandardCharsets.UTF_8);
    assertThat(moerwijk).contains("name: Buurtcoöperatie De Moerwijkse Handen");
    String unnamed =
        moerwijk.replaceFirst(
            "(?m)^name: .*$", "name: \"Wijkonderneming (naam invullen)\"  # still the example");
    List<Finding> warnings = examples("m.yaml", unnamed);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).path()).isEqualTo("name");
    assertThat(warnings.get(0).message(Language.EN))
        .isEqualTo("name is still the example from wijktoets init; fill in your own");
    assertThat(warnings.get(0).message(Language.NL))
        .isEqualTo("name is nog het voorbeeld uit wijktoets init; vul uw eigen gegevens in");
    // and the report does not claim to describe the example
    Path file = write("m.yaml", unnamed);
    Run r = run("assess", file.toString(), "--lang", "en");
    assertThat(r.out()).doesNotContain("describes the example");
  }

  static Stream<Path> plansOfTheirOwn() throws IOException {
    Stream<Path> examples = Files.list(Path.of("examples"));
    Stream<Path> broken = Files.list(Path.of("src/test/resources/broken"));
    return Stream.concat(examples, broken).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plansOfTheirOwn")
  void noPlanOfItsOwnIsTakenForTheExample(Path file) throws IOException {
    assertThat(examples(file.toString(), Files.readAllBytes(file))).isEmpty();
  }

  @Test
  void theMoerwijkExampleSharesFortyOneValuesWithTheTemplateLessThanHalf() throws IOException {
    // the figure the README gives for why single values are not reported one by one
    var tree =
        new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
            .read("m.yaml", Files.readAllBytes(Path.of("examples/moerwijk.yaml")))
            .root();
    var match = TemplateExamples.match(tree);
    assertThat(match.untouched()).hasSize(41);
    assertThat(match.isExample()).isFalse();
  }

  @Test
  void valuesWrittenInTheOtherLanguageCountToo() {
    String template =
        InitCommand.template(Language.NL)
            .replace("stage: idee", "stage: idea")
            .replace("lives_in_neighbourhood: ja", "lives_in_neighbourhood: true");
    var tree =
        new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
            .read("t.yaml", template.getBytes(StandardCharsets.UTF_8))
            .root();
    var match = TemplateExamples.match(tree);
    assertThat(match.untouched()).hasSize(match.templateValues());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void theReportSaysAtTheTopThatItDescribesTheExample(String lang) throws IOException {
    Path file = dir.resolve("voorstel.yaml");
    assertThat(run("init", file.toString(), "--lang", lang).code()).isZero();
    boolean nl = lang.equals("nl");
    String title =
        nl
            ? "Dit rapport beschrijft het voorbeeld, niet jullie plan."
            : "This report describes the example, not your plan.";
    Run md = run("assess", file.toString(), "--lang", lang);
    assertThat(md.code()).isZero();
    List<String> lines = md.out().lines().toList();
    // right under the title and the place, before the outcome
    assertThat(lines.get(4))
        .startsWith("> **" + title + "** 117 ")
        .contains(nl ? "van de 117 waarden" : "of the 117 values");
    Run html = run("assess", file.toString(), "--lang", lang, "-f", "html");
    int note = html.out().indexOf(title);
    assertThat(note).isPositive().isLessThan(html.out().indexOf("id=\"outcome\""));
    Run json = run("assess", file.toString(), "--lang", lang, "-f", "json");
    var example = json.json().get("example");
    assertThat(example.get("untouched").asInt()).isEqualTo(117);
    assertThat(example.get("of").asInt()).isEqualTo(117);
    assertThat(example.get("note").asText()).startsWith(title);
    // the example block comes before the proposal and the scores
    assertThat(json.out().indexOf("\"example\"")).isLessThan(json.out().indexOf("\"proposal\""));
  }

  @Test
  void aPlanOfItsOwnHasNoNoteInAnyReport() throws IOException {
    Run md = run("assess", "examples/moerwijk.yaml", "--lang", "en");
    assertThat(md.out()).doesNotContain("describes the example");
    Run json = run("assess", "examples/moerwijk.yaml", "-f", "json");
    assertThat(json.json().has("example")).isFalse();
  }
}
