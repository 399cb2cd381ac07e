package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.wijktoets.batch.FlatRow;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import org.junit.jupiter.api.Test;

/**
 * A row's overview entry, made on the thread that scored it, adds exactly what the assessment
 * itself adds, also for a rubric of more than 64 criteria (the weak criteria are kept as bits).
 */
class OverviewEntryTest {

  /** The built-in rubric with every criterion five times (weights split), 75 criteria in all. */
  private static Rubric wideRubric() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode root = (ObjectNode) yaml.readTree(RubricLoader.builtinBytes());
    for (JsonNode lesson : root.get("lessons")) {
      ArrayNode criteria = (ArrayNode) lesson.get("criteria");
      ArrayNode wide = yaml.createArrayNode();
      for (JsonNode c : criteria) {
        for (int copy = 1; copy <= 5; copy++) {
          ObjectNode one = c.deepCopy();
          one.put("id", c.get("id").asText() + (copy == 1 ? "" : "-" + copy));
          one.put("weight", c.get("weight").decimalValue().divide(BigDecimal.valueOf(5)));
          wide.add(one);
        }
      }
      ((ObjectNode) lesson).set("criteria", wide);
    }
    byte[] bytes = yaml.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    return RubricLoader.load("wide.yaml", bytes);
  }

  private static Assessment assessment(Assessor assessor, int i) throws Exception {
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < FlatRow.COLUMNS.size(); k++) {
      index.put(FlatRow.COLUMNS.get(k), k);
    }
    Map<String, String> cells = new HashMap<>();
    cells.put("name", "Plan " + i);
    cells.put("neighbourhood", "Laak");
    cells.put("residents_involved", String.valueOf(i * 13 % 90));
    if (i % 2 == 0) {
      cells.put("partners", "district:agreement; business:in-talks");
      cells.put("revenue", "right-to-challenge:" + (i * 1000) + ":contract:Stadsdeel");
      cells.put("costs", "40000");
      cells.put("residents_hired", String.valueOf(i % 9));
    }
    return assessor.score(
        FlatRow.toProposal(cells, index, "list.csv:" + (i + 2), i + 2, 2027),
        Language.EN,
        List.of());
  }

  @Test
  void anEntryMadeElsewhereAddsWhatTheAssessmentAdds() throws Exception {
    Rubric rubric = wideRubric();
    assertThat(rubric.criteria().count()).isEqualTo(75);
    Assessor assessor = new Assessor(rubric);
    Overview direct = new Overview(rubric);
    Overview viaEntries = new Overview(rubric);
    for (int i = 0; i < 12; i++) {
      Assessment a = assessment(assessor, i);
      direct.add(i + 1, "R" + i, a);
      Overview.Entry e = CompletableFuture.supplyAsync(() -> viaEntries.entry(a)).get();
      viaEntries.add(i + 1, "R" + i, e, null);
    }
    assertThat(viaEntries.weaknesses()).isEqualTo(direct.weaknesses());
    assertThat(viaEntries.bands()).isEqualTo(direct.bands());
    assertThat(viaEntries.meanTotal()).isEqualTo(direct.meanTotal());
    assertThat(viaEntries.top()).isEqualTo(direct.top());
    for (Rubric.Lesson l : rubric.lessons()) {
      assertThat(viaEntries.belowFloor(l.id())).isEqualTo(direct.belowFloor(l.id()));
      assertThat(viaEntries.histograms().get(l.id())).isEqualTo(direct.histograms().get(l.id()));
    }
    // every criterion past the 64th is counted too: the copies count as their original does
    Map<String, Long> weak = new HashMap<>();
    direct.weaknesses().forEach(w -> weak.put(w.getKey(), w.getValue()));
    assertThat(weak.get("impact-measurement-5")).isEqualTo(weak.get("impact-measurement"));
    assertThat(weak.get("impact-measurement")).isPositive();
  }
}
