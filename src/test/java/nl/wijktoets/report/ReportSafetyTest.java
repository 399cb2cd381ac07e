package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.cache.StringTemplateLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.testutil.MarkdownCheck;
import org.junit.jupiter.api.Test;

/** Text from a proposal can never change a report's structure, and templates are sandboxed. */
class ReportSafetyTest {

  static final String HOSTILE_NAME =
      "[klik](javascript:alert(1)) <script>alert(1)</script> | ${7*7} *vet* _x_ `code`";

  static Assessment hostile() {
    String yaml =
        """
        version: 1
        name: "%s"
        neighbourhood: "# Kop | <b>vet</b>"
        mission: "- lijst\\n# kop"
        partners:
          - name: "Partner | [x](http://evil.example) ![img](x.png)"
            sector: municipality
            commitment: in-talks
        revenue:
          - type: sales
            counterparty: "<img src=x onerror=alert(1)> | Betaler"
            status: contract
            per_year: {2026: 1000}
          - type: subsidy
            counterparty: "&lt;script&gt;"
            status: contract
            per_year: {2026: 700}
        contact:
          name: Geheime Persoon
          email: geheim@example.org
        founders:
          - name: Verborgen Oprichter
            lives_in_neighbourhood: true
        """
            .formatted(HOSTILE_NAME);
    Assessor.Outcome o =
        new Assessor(RubricLoader.builtin())
            .assess("hostile.yaml", yaml.getBytes(StandardCharsets.UTF_8), Language.NL);
    assertThat(o.errors()).isEmpty();
    return o.assessment();
  }

  @Test
  void hostileTextIsInertInMarkdown() throws Exception {
    String md = new MarkdownReport(new Templates()).render(hostile(), 3);
    MarkdownCheck.parse(md)
        .isInert()
        .tablesAreWhole()
        .shows(HOSTILE_NAME)
        // the neighbourhood cannot start a heading or a table cell of its own
        .shows("# Kop | <b>vet</b>")
        // the payer's name in the advice is escaped too
        .shows("<img src=x onerror=alert(1)> | Betaler");
    assertThat(md).doesNotContain("49"); // ${7*7} in a value is text, never evaluated
  }

  @Test
  void contactAndFoundersNeverAppear() throws Exception {
    Assessment a = hostile();
    String md = new MarkdownReport(new Templates()).render(a, 15);
    String json = JsonReport.render(a, 15);
    for (String out : new String[] {md, json}) {
      assertThat(out)
          .doesNotContain("Geheime Persoon")
          .doesNotContain("geheim@example.org")
          .doesNotContain("Verborgen Oprichter");
    }
  }

  private static String renderInline(String template) throws Exception {
    StringTemplateLoader loader = new StringTemplateLoader();
    loader.putTemplate("t.md.ftl", template);
    return new Templates(loader)
        .render("t.md.ftl", Map.of("name", "x"), MarkdownOutputFormat.INSTANCE, Language.EN);
  }

  @Test
  void newBuiltInCannotInstantiateClasses() {
    assertThatThrownBy(
            () ->
                renderInline(
                    "${\"freemarker.template.utility.Execute\"?new()(\"touch /tmp/wijktoets-pwned\")}"))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("t.md.ftl:1:")
        .hasMessageContaining("not allowed");
    assertThat(Path.of("/tmp/wijktoets-pwned")).doesNotExist();
    assertThatThrownBy(
            () ->
                renderInline(
                    "${\"freemarker.template.utility.ObjectConstructor\"?new()(\"File\", \"/\")}"))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("not allowed");
  }

  @Test
  void apiBuiltInIsOff() {
    assertThatThrownBy(() -> renderInline("${name?api.getClass()}"))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("t.md.ftl:1:");
  }

  @Test
  void templateErrorsNameTemplateLineAndColumn() {
    assertThatThrownBy(() -> renderInline("line one\n${missing.value}"))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("template t.md.ftl:2:");
    assertThatThrownBy(() -> renderInline("<#if>"))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("template t.md.ftl:1:");
  }
}
