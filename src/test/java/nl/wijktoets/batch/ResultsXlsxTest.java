package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The workbook of --xlsx: typed cells, a continuation sheet when a sheet is full, failed rows. */
class ResultsXlsxTest {

  private static final List<String> HEADER =
      List.of(
          "id",
          "name",
          "score",
          "band",
          "social-tendering",
          "middle-up-down",
          "participation-trends",
          "top_steps",
          "status",
          "notes");

  private static Assessment assessment() throws Exception {
    Map<String, Integer> index = Map.of("name", 0, "neighbourhood", 1, "founders", 2);
    return new Assessor(RubricLoader.builtin())
        .score(
            FlatRow.toProposal(
                Map.of("name", "a", "neighbourhood", "Laak", "founders", "2"),
                index,
                "l.csv:2",
                2,
                2027),
            Language.EN,
            List.of());
  }

  private static BatchRunner.RowResult row(int n, Assessment a) {
    BatchCsv.Row row = new BatchCsv.Row(n, n + 1, List.of(), false);
    BatchRunner.Failure failure =
        a == null ? new BatchRunner.Failure("costs", "batch/amount", "cannot read \"x\"") : null;
    return new BatchRunner.RowResult(
        row,
        "R" + n,
        "Name " + n,
        a,
        a == null ? "line: error" : "ok",
        a == null,
        false,
        null,
        true,
        null,
        failure,
        "g" + (n % 2),
        null,
        null);
  }

  @Test
  void aFullSheetGoesOnInTheNextAndFailedRowsHaveTheirOwn() throws Exception {
    Assessment a = assessment();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultsXlsx xlsx = new ResultsXlsx(out, HEADER, 3, "advisor", Language.EN, 3);
    for (int n = 1; n <= 7; n++) {
      BatchRunner.RowResult r = row(n, n == 5 ? null : a);
      String[] scores = n == 5 ? null : new String[] {"12.5", "0", "12.5", "0"};
      xlsx.row(r, scores, n == 5 ? null : "connector", List.of("note " + n));
    }
    xlsx.finish();
    try (ReadableWorkbook book =
        new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      List<Sheet> sheets = book.getSheets().toList();
      assertThat(sheets)
          .extracting(Sheet::getName)
          .containsExactly("Results", "Results 2", "Results 3", "Failed rows");
      List<Row> first = sheets.get(0).read();
      assertThat(first).hasSize(4); // the header and three rows
      assertThat(first.get(0).getCellText(2)).isEqualTo("advisor");
      assertThat(first.get(1).getCellText(0)).isEqualTo("R1");
      assertThat(first.get(1).getCellText(2)).isEqualTo("g1");
      assertThat(first.get(1).getCell(3).getType()).isEqualTo(CellType.NUMBER);
      assertThat(first.get(1).getCellAsNumber(3)).contains(new BigDecimal("12.5"));
      assertThat(first.get(1).getCellText(4)).isEqualTo(a.band().id());
      assertThat(first.get(1).getCellText(10)).isEqualTo("note 1");
      List<Row> second = sheets.get(1).read();
      assertThat(second).hasSize(4);
      assertThat(second.get(0).getCellText(0)).isEqualTo("id"); // every sheet has the header
      assertThat(second.get(2).getCellText(0)).isEqualTo("R5");
      assertThat(second.get(2).getCellText(9)).isEqualTo("line: error");
      assertThat(second.get(2).hasCell(3) && !second.get(2).getCellText(3).isEmpty()).isFalse();
      assertThat(sheets.get(2).read()).hasSize(2);
      List<Row> failed = sheets.get(3).read();
      assertThat(failed).hasSize(2);
      assertThat(failed.get(1).getCellText(0)).isEqualTo("R5");
      assertThat(failed.get(1).getCellAsNumber(1)).contains(new BigDecimal("6"));
      assertThat(failed.get(1).getCellText(2)).isEqualTo("costs");
      assertThat(failed.get(1).getCellText(3)).isEqualTo("cannot read \"x\"");
    }
  }
}
