package nl.wijktoets.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages form a one-way pipeline: bytes become a located tree ({@code source}), the tree a
 * {@code proposal}, measures read the proposal ({@code measure}), the {@code rubric} names the
 * measures, {@code scoring} applies the rubric, {@code report} renders the result, {@code batch}
 * streams many rows through the same core and {@code cli} is the thin layer on top. Each layer may
 * use only the layers below it.
 */
class ArchitectureTest {

  /** The layers, bottom first. */
  static final List<String> LAYERS =
      List.of(
          "exact",
          "util",
          "i18n",
          "source",
          "proposal",
          "measure",
          "rubric",
          "scoring",
          "report",
          "batch",
          "cli");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.wijktoets");
  }

  @Test
  void noPackageCycles() {
    slices().matching("nl.wijktoets.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layers().check(classes);
  }

  @Test
  void everyClassIsInALayer() {
    assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
        .allSatisfy(
            p ->
                assertThat(LAYERS)
                    .as("package %s is in a layer", p)
                    .anyMatch(
                        l ->
                            p.equals("nl.wijktoets." + l)
                                || p.startsWith("nl.wijktoets." + l + ".")));
  }

  @Test
  void theCoreWorksWithoutPicocli() {
    ArchRule rule =
        ArchRuleDefinition.noClasses()
            .that()
            .resideOutsideOfPackage("nl.wijktoets.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..");
    rule.check(classes);
  }

  @Test
  void theLayerRuleCanFail() {
    // a rule that forbids what the code really does must fail: the check is not vacuous
    ArchRule inverted =
        ArchRuleDefinition.noClasses()
            .that()
            .resideInAPackage("nl.wijktoets.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("nl.wijktoets.scoring..");
    EvaluationResult result = inverted.evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
  }

  private static ArchRule layers() {
    var arch = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String layer : LAYERS) {
      arch = arch.layer(layer).definedBy("nl.wijktoets." + layer + "..");
    }
    for (int i = 0; i < LAYERS.size() - 1; i++) {
      String[] above = LAYERS.subList(i + 1, LAYERS.size()).toArray(String[]::new);
      arch = arch.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above);
    }
    return arch.whereLayer("cli").mayNotBeAccessedByAnyLayer();
  }
}
