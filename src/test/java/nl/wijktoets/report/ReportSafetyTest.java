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
  void hostileTextIsEscapedInMarkdown() throws Exception {
    String md = new MarkdownReport(new Templates()).render(hostile(), 3);
    assertThat(md).contains("\\[klik\\]\\(javascript:alert\\(1\\)\\)");
    assertThat(md).contains("\\<script\\>alert\\(1\\)\\</script\\>");
    assertThat(md)
        .doesNotContain("<script>")
        .doesNotContain("[klik](")
        .doesNotContainPattern("(?<!\\\\)<(img|script|b)");
    assertThat(md).contains("$\\{7\\*7\\}").doesNotContain("49");
    assertThat(md).doesNotContain("](http://evil.example)").doesNotContain("![img]");
    // the neighbourhood cannot start a heading or a table cell of its own
    assertThat(md).contains("\\# Kop \\| \\<b\\>vet\\</b\\>");
    // the payer's name in the advice is escaped too
    assertThat(md).contains("\\<img src=x onerror=alert\\(1\\)\\> \\| Betaler");
    // an HTML entity stays text: the & is escaped, so it is not decoded
    assertThat(MarkdownOutputFormat.INSTANCE.escapePlainText("&lt;script&gt;"))
        .isEqualTo("\\&lt;script\\&gt;");
  }

  @Test
  void everyTableRowKeepsItsFourCells() throws Exception {
    String md = new MarkdownReport(new Templates()).render(hostile(), 3);
    md.lines()
        .filter(l -> l.startsWith("| "))
        .forEach(
            l ->
                assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count())
                    .as(l)
                    .isEqualTo(5));
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

  @Test
  void markdownEscapingKeepsPlainTextReadable() {
    MarkdownOutputFormat f = MarkdownOutputFormat.INSTANCE;
    assertThat(f.escapePlainText("Moerwijk-Oost 20.3")).isEqualTo("Moerwijk-Oost 20.3");
    assertThat(f.escapePlainText("- begin")).isEqualTo("\\- begin");
    assertThat(f.escapePlainText("12. punt")).isEqualTo("12\\. punt");
    assertThat(f.escapePlainText("regel\nnieuw")).isEqualTo("regel nieuw");
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
