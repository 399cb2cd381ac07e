package nl.wijktoets.report;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Freemarker sandbox of {@code --templates DIR}: no class instantiation, no ?api, no Java
 * members, no file outside DIR; a good custom template overrides the built-in one; template errors
 * are located and exit 3.
 */
class TemplateSandboxTest {

  private static final String TRANSVAAL = "examples/transvaal.yaml";
  private static final String SECRET = "OUTSIDE-SECRET-7f3a";

  @TempDir Path root;
  Path templates;
  Path outside;
  Path pwned;

  @BeforeEach
  void folders() throws IOException {
    templates = Files.createDirectory(root.resolve("templates"));
    outside = root.resolve("outside.ftl");
    Files.writeString(outside, SECRET + "\n", StandardCharsets.UTF_8);
    pwned = root.resolve("pwned");
  }

  private void report(String text) throws IOException {
    Files.writeString(templates.resolve("report.md.ftl"), text, StandardCharsets.UTF_8);
  }

  private Run assess(String... extra) {
    String[] base = {"assess", TRANSVAAL, "--templates", templates.toString(), "--lang", "en"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return run(args);
  }

  private static Map<String, Object> model() throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of(TRANSVAAL));
    Assessment a =
        new Assessor(RubricLoader.builtin()).assess(TRANSVAAL, bytes, Language.EN).assessment();
    assertThat(a).isNotNull();
    return ReportModel.of(a, 3);
  }

  /** Exit 3, a located error naming report.md.ftl, no report, and nothing of the outside file. */
  private void assertRefused(Run r, int line) {
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).containsPattern("template report\\.md\\.ftl:" + line + ":[0-9]+: ");
    assertThat(r.all()).doesNotContain(SECRET);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test
  void executeIsRefusedAndRunsNothing() throws IOException {
    report(
        "# Report\n  ${\"freemarker.template.utility.Execute\"?new()(\"touch " + pwned + "\")}\n");
    Run r = assess();
    assertRefused(r, 2);
    assertThat(r.err()).contains("Execute");
    assertThat(pwned).doesNotExist();
  }

  @Test
  void executeIsRefusedEvenInAnAssignment() throws IOException {
    report(
        "<#assign ex = \"freemarker.template.utility.Execute\"?new()>\n${ex(\"touch "
            + pwned
            + "\")}\n");
    assertRefused(assess(), 1);
    assertThat(pwned).doesNotExist();
  }

  @Test
  void executeIsRefusedThroughInterpret() throws IOException {
    report(
        "<#assign code = r'${\"freemarker.template.utility.Execute\"?new()(\"touch "
            + pwned
            + "\")}'>\n<@code?interpret />\n");
    Run r = assess();
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(pwned).doesNotExist();
  }

  @Test
  void executeIsRefusedDirectly() throws IOException {
    report("ok\n${\"freemarker.template.utility.Execute\"?new()(\"touch " + pwned + "\")}\n");
    Templates t = Templates.withDirectory(templates);
    Map<String, Object> model = model();
    assertThatThrownBy(
            () -> t.render("report.md.ftl", model, MarkdownOutputFormat.INSTANCE, Language.EN))
        .isInstanceOf(ReportException.class)
        .hasMessageMatching("template report\\.md\\.ftl:2:[0-9]+: .*");
    assertThat(pwned).doesNotExist();
  }

  @Test
  void objectConstructorIsRefused() throws IOException {
    report(
        "line one\nline two\n${\"freemarker.template.utility.ObjectConstructor\"?new()(\"File\", \""
            + pwned
            + "\")}\n");
    Run r = assess();
    assertRefused(r, 3);
    assertThat(r.err()).contains("ObjectConstructor");
    assertThat(pwned).doesNotExist();
  }

  @Test
  void jythonAndOtherClassesAreRefused() throws IOException {
    report("${\"ProcessBuilder\"?new()}\n");
    assertRefused(assess(), 1);
  }

  @Test
  void apiBuiltinIsRefused() throws IOException {
    report("${proposal?api.getClass().getName()}\n");
    Run r = assess();
    assertRefused(r, 1);
    assertThat(r.err()).contains("?api");
    assertThat(r.all()).doesNotContain("java.util");
  }

  @Test
  void getClassIsNotReachable() throws IOException {
    report("${proposal.getClass()}\n");
    Run r = assess();
    assertRefused(r, 1);
    assertThat(r.all()).doesNotContain("java.util").doesNotContain("class ");
  }

  @Test
  void classIsNotReachable() throws IOException {
    report("\n${proposal.class.protectionDomain}\n");
    Run r = assess();
    assertRefused(r, 2);
    assertThat(r.all()).doesNotContain("java.util").doesNotContain("ProtectionDomain");
  }

  @Test
  void classOfAStringIsNotReachable() throws IOException {
    report(
        "${proposal.name.class!\"none\"}|${proposal.name.getClass()!\"none\"}|${(t.class)!\"none\"}\n");
    Run r = assess();
    // either refused, or the lookups are simply missing: never a Java class
    assertThat(r.all()).doesNotContain("java.lang").doesNotContain("java.util");
    if (r.code() == 0) {
      assertThat(r.out().strip()).isEqualTo("none|none|none");
    } else {
      assertThat(r.code()).isEqualTo(3);
    }
  }

  @Test
  void includeOutsideTheFolderIsRefused() throws IOException {
    report("before\n<#include \"../outside.ftl\">\n");
    Run r = assess();
    assertRefused(r, 2);
    assertThat(r.err()).contains("../outside.ftl");
  }

  @Test
  void importOutsideTheFolderIsRefused() throws IOException {
    report("<#import \"../outside.ftl\" as o>\n");
    assertRefused(assess(), 1);
  }

  @Test
  void includeOfEtcHostnameIsRefused() throws IOException {
    report("<#include \"/etc/hostname\">\n");
    Run r = assess();
    assertRefused(r, 1);
    Path hostname = Path.of("/etc/hostname");
    if (Files.isReadable(hostname)) {
      String content = Files.readString(hostname, StandardCharsets.ISO_8859_1).strip();
      if (content.length() >= 6) {
        assertThat(r.out()).doesNotContain(content);
      }
    }
  }

  @Test
  void includeOfAnAbsolutePathIsRefused() throws IOException {
    report("<#include \"" + outside.toAbsolutePath() + "\">\n");
    assertRefused(assess(), 1);
  }

  @Test
  void symbolicLinkOutOfTheFolderIsRefused() throws IOException {
    symlink(templates.resolve("link.ftl"), outside);
    report("<#include \"link.ftl\">\n");
    Run r = assess();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(
            "template report.md.ftl:1:1: cannot include link.ftl: it is a link to a file outside"
                + " the templates folder; only templates in the templates folder can be included")
        .doesNotContain(outside.toString());
    assertThat(r.all()).doesNotContain(SECRET);
  }

  @Test
  void anIncludeOfAFileOutsideTheFolderSaysSoInPlainWords() throws IOException {
    Path passwd = Path.of("/etc/passwd");
    assumeTrue(Files.exists(passwd), "no /etc/passwd");
    report("# Report\n<#include \"/etc/passwd\">\n");
    Run r = assess();
    assertRefused(r, 2);
    assertThat(r.err())
        .contains(
            "template report.md.ftl:2:1: cannot include /etc/passwd: only templates in the"
                + " templates folder can be included")
        .doesNotContain("TemplateLoader")
        .doesNotContain("baseDir");
    Run nl = run("assess", TRANSVAAL, "--templates", templates.toString(), "--lang", "nl");
    assertThat(nl.err())
        .contains(
            "template report.md.ftl:2:1: kan /etc/passwd niet invoegen: alleen sjablonen uit de"
                + " sjablonenmap kunnen worden ingevoegd");
  }

  @Test
  void anIncludeThatBacksOutOfTheFolderOrIsMissingSaysWhichInPlainWords() throws IOException {
    report("<#include \"../outside.ftl\">\n");
    assertThat(assess().err())
        .contains(
            "template report.md.ftl:1:1: cannot include ../outside.ftl: only templates in the"
                + " templates folder can be included");
    report("<#import \"../outside.ftl\" as o>\n");
    assertThat(assess().err())
        .contains("template report.md.ftl:1:1: cannot import ../outside.ftl: only templates in");
    report("x\n<#include \"nothere.ftl\">\n");
    Run r = assess();
    assertRefused(r, 2);
    assertThat(r.err())
        .contains(
            "template report.md.ftl:2:1: cannot include nothere.ftl: there is no template of that"
                + " name in the templates folder or among the built-in ones")
        .doesNotContain("TemplateLoader");
  }

  @Test
  void outsideCountsTheIncludingTemplatesFolder() {
    assertThat(Templates.outside("../x.ftl", "report.md.ftl")).isTrue();
    assertThat(Templates.outside("../x.ftl", "sub/a.ftl")).isFalse();
    assertThat(Templates.outside("../../x.ftl", "sub/a.ftl")).isTrue();
    assertThat(Templates.outside("/sub/../../x.ftl", "sub/a.ftl")).isTrue();
    assertThat(Templates.outside("a/../b.ftl", "report.md.ftl")).isFalse();
    assertThat(Templates.outside("/_common.ftl", "sub/a.ftl")).isFalse();
  }

  @Test
  void symbolicLinkedDirectoryOutOfTheFolderIsRefused() throws IOException {
    Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("x.ftl"), SECRET, StandardCharsets.UTF_8);
    symlink(templates.resolve("sub"), elsewhere);
    report("<#include \"sub/x.ftl\">\n");
    Run r = assess();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.all()).doesNotContain(SECRET);
  }

  @Test
  void reportTemplateThatIsASymbolicLinkOutOfTheFolderIsRefused() throws IOException {
    symlink(templates.resolve("report.md.ftl"), outside);
    Run r = assess();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.all()).doesNotContain(SECRET);
    // no place 0:0: the template as a whole
    assertThat(r.err())
        .contains(
            "template report.md.ftl: cannot use report.md.ftl: it is a link to a file outside the"
                + " templates folder")
        .doesNotContain(":0:0")
        .doesNotContain(outside.toString());
  }

  @Test
  void symbolicLinkIsRefusedDirectly() throws IOException {
    symlink(templates.resolve("link.ftl"), outside);
    report("<#include \"link.ftl\">\n");
    Templates t = Templates.withDirectory(templates);
    Map<String, Object> model = model();
    assertThatThrownBy(
            () -> t.render("report.md.ftl", model, MarkdownOutputFormat.INSTANCE, Language.EN))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("report.md.ftl")
        .hasMessageNotContaining(SECRET);
  }

  private static void symlink(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "symbolic links not supported: " + e);
    }
  }

  @Test
  void goodCustomReportOverridesTheBuiltinAndImportsItsPartials() throws IOException {
    report(
        "<#import \"_common.ftl\" as c>\n"
            + "CUSTOM REPORT ${c.fill(\"{0} in {1}: {2}\", [proposal.name, proposal.neighbourhood, total])}\n"
            + "<#list lessons as l>\n"
            + "- ${l.title}: ${l.score}/${l.weight}\n"
            + "</#list>\n"
            + "rubric ${footer.rubric_id} ${footer.rubric_hash}\n"
            + "${\"*not bold*\"}\n");
    Run r = assess();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("CUSTOM REPORT Stichting Buurtconciërges Transvaal in Transvaal: 62.0\n")
        .contains("- Social tendering: 20/35")
        .contains("rubric wijktoets-haags " + RubricLoader.builtin().hash())
        // auto-escaped for Markdown even in a custom template
        .contains("\\*not bold\\*")
        .doesNotContain("## ");
    // the other templates stay built-in
    Run html = assess("-f", "html");
    assertThat(html.code()).isZero();
    assertThat(html.out()).startsWith("<!DOCTYPE html>").doesNotContain("CUSTOM REPORT");
  }

  @Test
  void goodCustomReportDirectly() throws IOException, ReportException {
    report("<#import \"_common.ftl\" as c>${c.fill(\"[{0}]\", [proposal.name])}");
    String text =
        Templates.withDirectory(templates)
            .render("report.md.ftl", model(), MarkdownOutputFormat.INSTANCE, Language.EN);
    assertThat(text).isEqualTo("[Stichting Buurtconciërges Transvaal]");
  }

  @Test
  void customOverviewIsUsedByBatch() throws IOException {
    Files.copy(Path.of(TRANSVAAL), root.resolve("transvaal.yaml"));
    Files.copy(Path.of("examples/moerwijk.yaml"), root.resolve("moerwijk.yaml"));
    Path list = root.resolve("list.csv");
    Files.writeString(
        list, "id,file\nTV,transvaal.yaml\nMO,moerwijk.yaml\n", StandardCharsets.UTF_8);
    Files.writeString(
        templates.resolve("overview.html.ftl"),
        "<#import \"_common.ftl\" as c><p>CUSTOM OVERVIEW ${rows} rows"
            + "<#list bands as b> ${b.id}=${b.count}</#list> ${\"<b>\"}</p>\n",
        StandardCharsets.UTF_8);
    Path x = root.resolve("x.html");
    Run r =
        run(
            "batch",
            list.toString(),
            "--report",
            x.toString(),
            "--templates",
            templates.toString(),
            "-o",
            root.resolve("results.csv").toString(),
            "--no-progress",
            "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(x, StandardCharsets.UTF_8))
        .isEqualTo("<p>CUSTOM OVERVIEW 2 rows A=1 B=1 C=0 D=0 &lt;b&gt;</p>\n");
  }

  @Test
  void brokenOverviewTemplateInBatchExitsThree() throws IOException {
    Files.copy(Path.of(TRANSVAAL), root.resolve("transvaal.yaml"));
    Path list = root.resolve("list.csv");
    Files.writeString(list, "id,file\nTV,transvaal.yaml\n", StandardCharsets.UTF_8);
    Files.writeString(
        templates.resolve("overview.html.ftl"), "<p>\n${nosuchvariable}\n", StandardCharsets.UTF_8);
    Path x = root.resolve("x.html");
    Run r =
        run(
            "batch",
            list.toString(),
            "--report",
            x.toString(),
            "--templates",
            templates.toString(),
            "-o",
            root.resolve("results.csv").toString(),
            "--no-progress");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("template overview.html.ftl:2:");
    assertThat(x).doesNotExist();
  }

  @Test
  void templateSyntaxErrorExitsThreeNotOne() throws IOException {
    report("ok\n<#if>\n");
    Run r = assess();
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).containsPattern("template report\\.md\\.ftl:2:[0-9]+: ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void templateErrorExitsThreeEvenWhenAGateFails() throws IOException {
    report("${nosuchvariable}\n");
    Run r = assess("--min-score", "99");
    assertThat(r.code()).as("a template error is worse than a failed gate").isEqualTo(3);
    assertThat(r.err()).contains("template report.md.ftl:1:");
    // with the built-in templates the same gate gives 1
    Run builtin = run("assess", TRANSVAAL, "--min-score", "99");
    assertThat(builtin.code()).isEqualTo(1);
  }

  @Test
  void templateErrorWritesNoReportFile() throws IOException {
    report("${nosuchvariable}\n");
    Path out = root.resolve("report.md");
    Run r = assess("-o", out.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(out).doesNotExist();
  }

  @Test
  void missingTemplatesFolderExitsThree() {
    Run r = run("assess", TRANSVAAL, "--templates", root.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
  }
}
