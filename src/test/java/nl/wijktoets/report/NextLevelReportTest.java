package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.testutil.TestProposals;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The advice names the gap: the step and the criterion's "level N still needs" line name only the
 * conditions still missing, with their fields, in Markdown, HTML and JSON, and the advice never
 * advises what the proposal already has (the three cases of issue 13).
 */
class NextLevelReportTest {

  private static Assessment assess(String body, Language lang) {
    return new Assessor(RubricLoader.builtin())
        .assess("plan.yaml", (TestProposals.HEADER + body).getBytes(StandardCharsets.UTF_8), lang)
        .assessment();
  }

  /** The Markdown lines of one criterion's section, from its heading to the next. */
  private static String section(String md, String title) {
    int start = md.indexOf("### " + title);
    assertThat(start).as("section %s", title).isNotNegative();
    int end = md.indexOf("\n### ", start + 4);
    return md.substring(start, end < 0 ? md.length() : end);
  }

  private static JsonNode criterion(Assessment a, String id) throws Exception {
    JsonNode root = new ObjectMapper().readTree(JsonReport.render(a, 15));
    for (JsonNode l : root.get("lessons")) {
      for (JsonNode c : l.get("criteria")) {
        if (c.get("id").asText().equals(id)) {
          return c;
        }
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void residentsInChargeAtLevelThreeNamesOnlyTheProfitClause() throws Exception {
    String body =
        "governance:\n  board:\n    - role: a\n      resident: true\n    - role: b\n"
            + "      resident: true\n    - role: c\n      resident: true\n  members_meeting: ja\n";
    Assessment a = assess(body, Language.NL);
    String md = section(new MarkdownReport(new Templates()).render(a, 15), "Bewoners aan het roer");
    // the need and the advice only: "Dit niveau" quotes the level's own text
    assertThat(md.lines().filter(l -> l.startsWith("- Niveau 4") || l.contains("Advies")))
        .containsExactly(
            "- Niveau 4 vraagt nog: in de statuten dat de winst in de wijk blijft, in"
                + " `governance.profit_reinvested`",
            "- **Advies:** Zet in de statuten dat de winst in de wijk blijft.");
    JsonNode c = criterion(a, "resident-governance");
    assertThat(c.get("missing")).hasSize(1);
    JsonNode m = c.get("missing").get(0);
    assertThat(m.get("id").asText()).isEqualTo("profit-reinvested");
    assertThat(m.get("fields").toString()).isEqualTo("[\"governance.profit_reinvested\"]");
    assertThat(m.get("needed").asBoolean()).isTrue();
    assertThat(m.has("now")).isFalse();
  }

  @Test
  void challengeFitSaysWhichPointIsMissing() throws Exception {
    String body =
        "activities:\n  - name: Groenonderhoud\n    public_task: true\n"
            + "    current_provider: aannemer\n    current_cost: 40000\n    proposed_price: 38000\n";
    Assessment a = assess(body, Language.NL);
    String md =
        section(
            new MarkdownReport(new Templates()).render(a, 15),
            "Publieke taak klaar voor het uitdaagrecht");
    assertThat(md)
        .contains("- Gemeten: 3 van de 4 punten")
        .contains(
            "- Niveau 4 vraagt nog: wat ‘Groenonderhoud’ de wijk extra oplevert: banen voor"
                + " bewoners of andere meerwaarde, in `activities[0].added_value`,"
                + " `activities[0].jobs_for_residents`")
        .contains("Beschrijf wat de taak de wijk extra oplevert")
        .doesNotContain("wie doet deze taak nu")
        .doesNotContain("Vraag bij het stadsdeel of de woningcorporatie op wat");
  }

  @Test
  void theConnectorIsNotToldToBeEmployedByTheEnterpriseWhenItIs() throws Exception {
    String body =
        "governance:\n  connector:\n    role: kwartiermaker\n    hours_per_week: 20\n"
            + "    paid: ja\n    employer: zelf\n    reports_to: partner\n";
    Assessment nl = assess(body, Language.NL);
    String md =
        section(
            new MarkdownReport(new Templates()).render(nl, 15), "Zakelijk leider of kwartiermaker");
    assertThat(md)
        .contains("`governance.connector.reports_to`")
        .doesNotContain("in dienst")
        .doesNotContain("governance.connector.employer");
    Document html = Jsoup.parse(new HtmlReport(new Templates()).render(nl, 15));
    Element article = html.getElementById("criterion-connector");
    assertThat(article.select("code").eachText())
        .contains("governance.connector.reports_to")
        .doesNotContain("governance.connector.employer");
    assertThat(article.text()).doesNotContain("in dienst");
    Assessment en = assess(body, Language.EN);
    JsonNode c = criterion(en, "connector");
    assertThat(c.get("missing").get(0).get("id").asText()).isEqualTo("connector-reports-to-board");
    assertThat(c.get("missing").get(0).get("now").asText()).isEqualTo("partner");
    assertThat(c.get("missing").get(0).get("needed").asText()).isEqualTo("board");
    assertThat(c.get("advice").asText()).doesNotContain("employed");
  }

  @Test
  void theStepsNameTheMissingConditionsToo() throws Exception {
    Assessment a = assess("residents:\n  involved: 10\n", Language.EN);
    JsonNode root = new ObjectMapper().readTree(JsonReport.render(a, 15));
    JsonNode step = null;
    for (JsonNode s : root.get("nextSteps")) {
      if (s.get("criterion").asText().equals("resident-involvement")) {
        step = s;
      }
    }
    assertThat(step.get("target").asText())
        .endsWith(
            "level 2 still needs at least 15 residents involved (now 10), in residents.involved");
  }
}
