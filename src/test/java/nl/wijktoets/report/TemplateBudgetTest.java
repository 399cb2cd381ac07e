package nl.wijktoets.report;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom template runs within a budget (nesting depth, output size, time) and going over it is a
 * located error, {@code template NAME:LINE:COLUMN: ...} with exit 3, never a crash, a stack
 * overflow or a full heap.
 */
class TemplateBudgetTest {

  private static final String TRANSVAAL = "examples/transvaal.yaml";

  @TempDir Path root;
  Path templates;

  @BeforeEach
  void folder() throws IOException {
    templates = Files.createDirectory(root.resolve("templates"));
  }

  private void report(String text) throws IOException {
    Files.writeString(templates.resolve("report.md.ftl"), text, StandardCharsets.UTF_8);
  }

  private Run assess() {
    return run("assess", TRANSVAAL, "--templates", templates.toString(), "--lang", "en");
  }

  private Templates withBudget(Templates.Budget budget) throws IOException {
    return Templates.withDirectory(templates).withBudget(budget);
  }

  private static String render(Templates t) throws ReportException {
    return t.render("report.md.ftl", Map.of(), MarkdownOutputFormat.INSTANCE, Language.EN);
  }

  @Test
  @Timeout(60)
  void aMacroThatCallsItselfForeverIsALocatedError() throws IOException {
    report("# Rapport\n<#macro down n>\n  <@down n + 1/>\n</#macro>\n<@down 1/>\n");
    Run r = assess();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("template report.md.ftl:3:3: macros, includes or functions nested more than 400")
        .doesNotContain("StackOverflow")
        .doesNotContain("internal error");
  }

  @Test
  @Timeout(60)
  void aFunctionThatCallsItselfForeverIsALocatedError() throws IOException {
    report("<#function f n>\n  <#return f(n + 1)>\n</#function>\n${f(1)}\n");
    Run r = assess();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err())
        .containsPattern("template report.md.ftl:\\d+:\\d+: macros, includes or functions nested")
        .doesNotContain("StackOverflow");
  }

  @Test
  @Timeout(60)
  void aTemplateThatIncludesItselfIsALocatedError() throws IOException {
    report("x\n<#include \"report.md.ftl\">\n");
    Run r = assess();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err())
        .contains("template report.md.ftl:2:1: macros, includes or functions nested more than")
        .doesNotContain("StackOverflow");
    // two templates that include each other
    report("<#include \"other.ftl\">\n");
    Files.writeString(templates.resolve("other.ftl"), "y\n<#include \"report.md.ftl\">\n");
    Run two = assess();
    assertThat(two.code()).isEqualTo(3);
    assertThat(two.err()).containsPattern("template (report.md|other).ftl:\\d+:1: macros");
  }

  @Test
  @Timeout(120)
  void aLoopWritingMoreThanFiftyMibIsALocatedError() throws IOException {
    report("# Rapport\n<#list 1..100000000 as i>\n${\"x\"?left_pad(1000, \"y\")}\n</#list>\n");
    Run r = assess();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("template report.md.ftl:3:1: the report is larger than 50 MiB")
        .doesNotContain("heap");
  }

  @Test
  @Timeout(120)
  void aTextThatKeepsGrowingIsAMemoryErrorNotADepthError() throws IOException {
    // doubles a text in a loop: the heap fills long before the output budget or the deadline
    report("<#assign s=\"\"><#list 1..40 as i><#assign s = s + s + \"x\"></#list>${s?length}\n");
    Run r = assess();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .containsPattern(
            "template report.md.ftl:1:\\d+: the template needs more memory than is allowed"
                + " \\(\\d+ MiB\\): a text or list that keeps growing in a loop\\?")
        .doesNotContain("nested")
        .doesNotContain("heap space")
        .doesNotContain("internal error");
    // the memory is free again: the next report renders
    report("# Rapport\n");
    assertThat(assess().code()).isZero();
  }

  @Test
  void theOutputBudgetIsExact() throws Exception {
    report("<#list 1..100 as i>0123456789</#list>");
    assertThat(render(withBudget(new Templates.Budget(400, 1000, Duration.ofSeconds(10)))))
        .hasSize(1000);
    assertThatThrownBy(
            () -> render(withBudget(new Templates.Budget(400, 999, Duration.ofSeconds(10)))))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("template report.md.ftl:1:")
        .hasMessageContaining("larger than");
  }

  @Test
  @Timeout(30)
  void aLoopRunningPastTheTimeBudgetIsALocatedError() throws IOException {
    report("<#list 1..1000000000000 as i>\n  <#if i == 0>never</#if>\n</#list>\n");
    Templates t = withBudget(new Templates.Budget(400, 1L << 30, Duration.ofSeconds(1)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> render(t))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("template report.md.ftl:2:")
        .hasMessageEndingWith(
            ": the report took longer than 1 seconds to render: a loop that does not end?");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  @Timeout(30)
  void aLoopWithoutABodyIsGivenUpAtTheDeadlineToo() throws IOException {
    report("start\n<#list 1..1000000000000000 as i></#list>\n");
    Templates t = withBudget(new Templates.Budget(400, 1L << 30, Duration.ofSeconds(1)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> render(t))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("template report.md.ftl:2:1: the report took longer than 1");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theBuiltInReportsFitWellWithinTheBudget() throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(TRANSVAAL));
    Assessment a =
        new Assessor(RubricLoader.builtin()).assess(TRANSVAAL, bytes, Language.EN).assessment();
    // a tenth of the depth, a fiftieth of the output
    Templates tight =
        new Templates().withBudget(new Templates.Budget(40, 1 << 20, Duration.ofSeconds(10)));
    Reports reports = new Reports(tight, null, null);
    for (ReportFormat f : new ReportFormat[] {ReportFormat.md, ReportFormat.html}) {
      assertThat(reports.render(f, a, 3)).isNotEmpty();
    }
  }
}
