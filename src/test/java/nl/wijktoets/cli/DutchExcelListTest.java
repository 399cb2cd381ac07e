package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import nl.wijktoets.testutil.Run;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test, as a consultant would try it: a list saved by Dutch Excel
 * (examples/batch/excel-nl.csv: semicolons, a BOM, decimal commas and Dutch thousands, blank rows
 * {@code ;;;;}, two bad rows) gives results Dutch Excel reads as numbers, a workbook with numeric
 * cells, every row in --json, and the failures in the overview.
 */
class DutchExcelListTest {

  static final Path LIST = Path.of("examples/batch/excel-nl.csv");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Run run;

  @BeforeEach
  void scoreTheList() {
    run =
        run(
            "batch",
            LIST.toString(),
            "-o",
            dir.resolve("resultaten.csv").toString(),
            "--xlsx",
            dir.resolve("resultaten.xlsx").toString(),
            "--json",
            dir.resolve("alle.jsonl").toString(),
            "--junit",
            dir.resolve("junit.xml").toString(),
            "--report",
            dir.resolve("overzicht.htm").toString(),
            "--group-by",
            "advisor",
            "--lang",
            "nl");
  }

  @Test
  void blankRowsAreSkippedAndTheTwoBadRowsFail() {
    assertThat(run.code()).as(run.err()).isEqualTo(3); // two rows could not be scored
    assertThat(run.err()).contains("wijktoets batch: 8 rijen, 6 goed, 2 fouten");
    assertThat(run.err()).contains("3 lege rij(en) overgeslagen");
  }

  @Test
  void resultsInExcelsDutchDialect() throws Exception {
    byte[] bytes = Files.readAllBytes(dir.resolve("resultaten.csv"));
    // a BOM, so that Excel reads UTF-8 ("coöperatie" is not garbled)
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertThat(text).contains("Buurtcoöperatie Verkeerd");
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(';')
            .setHeader()
            .get()
            .parse(new StringReader(text))
            .getRecords();
    assertThat(rows).hasSize(8); // blank rows have no line
    int scored = 0;
    for (CSVRecord r : rows) {
      if (!r.get("status").equals("ok")) {
        assertThat(r.get("score")).isEmpty();
        continue;
      }
      scored++;
      for (String column :
          List.of("score", "social-tendering", "middle-up-down", "participation-trends")) {
        // what Dutch Excel reads as a number: digits with a decimal comma, never a point
        assertThat(r.get(column)).as(column).matches("[0-9]+(,[0-9]+)?");
      }
    }
    assertThat(scored).isEqualTo(6);
    assertThat(rows.get(0).get("score")).isEqualTo("88");
    assertThat(rows.get(0).get("social-tendering")).isEqualTo("31,5");
  }

  @Test
  void aWorkbookWithNumericCellsAFrozenFilteredHeaderAndTheFailedRows() throws Exception {
    Path xlsx = dir.resolve("resultaten.xlsx");
    try (InputStream in = Files.newInputStream(xlsx);
        ReadableWorkbook book = new ReadableWorkbook(in)) {
      List<Sheet> sheets = book.getSheets().toList();
      assertThat(sheets).extracting(Sheet::getName).containsExactly("Resultaten", "Mislukte rijen");
      List<Row> results = sheets.get(0).read();
      Row header = results.get(0);
      assertThat(header.getCellText(0)).isEqualTo("id");
      assertThat(header.getCellText(2)).isEqualTo("advisor"); // the --group-by column
      assertThat(header.getCellText(3)).isEqualTo("score");
      assertThat(results).hasSize(9);
      Row first = results.get(1);
      assertThat(first.getCell(3).getType()).isEqualTo(CellType.NUMBER);
      assertThat(first.getCellAsNumber(3)).contains(new BigDecimal("88"));
      assertThat(first.getCell(4).getType()).isEqualTo(CellType.STRING); // the band as text
      assertThat(first.getCellText(4)).isEqualTo("A");
      for (int c = 5; c < 8; c++) {
        assertThat(first.getCell(c).getType()).as("lesson column %d", c).isEqualTo(CellType.NUMBER);
      }
      assertThat(first.getCellAsNumber(5)).contains(new BigDecimal("31.5"));
      List<Row> failed = sheets.get(1).read();
      assertThat(failed).hasSize(3);
      assertThat(failed.get(1).getCellText(0)).isEqualTo("NL-901");
      assertThat(failed.get(1).getCellAsNumber(1)).contains(new BigDecimal("10"));
      assertThat(failed.get(1).getCellText(2)).isEqualTo("founders_resident");
      assertThat(failed.get(2).getCellText(0)).isEqualTo("NL-902");
      assertThat(failed.get(2).getCellText(2)).isEqualTo("costs");
    }
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      String sheet =
          new String(
              zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(sheet).contains("state=\"frozen\"").contains("ySplit=\"1\"");
      assertThat(sheet).contains("<autoFilter ref=\"A1:");
    }
  }

  @Test
  void everyRowInJsonAndJunitTheFailedOnesToo() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve("alle.jsonl"), StandardCharsets.UTF_8)) {
      lines.add(JSON.readTree(l));
    }
    assertThat(lines).hasSize(8);
    assertThat(lines).allSatisfy(j -> assertThat(j.has("id") && j.has("line")).isTrue());
    List<JsonNode> failed = lines.stream().filter(j -> j.has("status")).toList();
    assertThat(failed).hasSize(2);
    JsonNode bad = failed.get(0);
    assertThat(bad.get("id").asText()).isEqualTo("NL-901");
    assertThat(bad.get("line").asInt()).isEqualTo(10);
    assertThat(bad.get("status").asText()).isEqualTo("error");
    assertThat(bad.get("column").asText()).isEqualTo("founders_resident");
    assertThat(bad.get("rule").asText()).isEqualTo("batch/part");
    assertThat(bad.get("message").asText()).isEqualTo("3 is meer dan founders (2)");
    assertThat(failed.get(1).get("rule").asText()).isEqualTo("batch/three-decimals");
    String junit = Files.readString(dir.resolve("junit.xml"), StandardCharsets.UTF_8);
    assertThat(junit).contains("<testsuite name=\"" + LIST + ":10\"");
    assertThat(junit).contains("type=\"batch/part\" message=\"3 is meer dan founders (2)\"");
  }

  @Test
  void theOverviewListsTheFailuresAndTheGroups() throws Exception {
    // .htm is HTML too
    Document html = Jsoup.parse(dir.resolve("overzicht.htm").toFile(), "UTF-8");
    assertThat(html.select("html").attr("lang")).isEqualTo("nl");
    String failed = html.getElementById("failed").parent().text();
    assertThat(failed).contains("NL-901").contains("founders_resident").contains("NL-902");
    assertThat(failed).contains("10").contains("11");
    String groups = html.getElementById("groups").parent().text();
    assertThat(groups).contains("R. de Vries").contains("M. Bakker");
    assertThat(html.text()).contains("3 lege rijen");
  }
}
