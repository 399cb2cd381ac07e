package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading a batch CSV: BOM, delimiter, header rules, quoting, line numbers, encoding. */
class BatchCsvTest {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static BatchCsv open(String text) throws Exception {
    return BatchCsv.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static BatchCsv open(byte[] bytes) throws Exception {
    return BatchCsv.open(new ByteArrayInputStream(bytes));
  }

  @TempDir Path dir;

  private static byte[] withBom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, all, 0, BOM.length);
    System.arraycopy(body, 0, all, BOM.length, body.length);
    return all;
  }

  private static List<BatchCsv.Row> rows(BatchCsv csv) throws Exception {
    List<BatchCsv.Row> out = new ArrayList<>();
    BatchCsv.Row r;
    while ((r = csv.next()) != null) {
      out.add(r);
    }
    return out;
  }

  @Test
  void dutchExcelExportWithBomAndSemicolons() throws Exception {
    try (BatchCsv csv = open(withBom("id;Name;NEIGHBOURHOOD;notes\nA1;Eerste;Moerwijk;a, b\n"))) {
      assertThat(csv.delimiter()).isEqualTo(';');
      // the BOM is not part of the first header name, and names are compared in lower case
      assertThat(csv.header()).containsExactly("id", "name", "neighbourhood", "notes");
      assertThat(csv.originalHeader()).containsExactly("id", "Name", "NEIGHBOURHOOD", "notes");
      assertThat(csv.index()).containsEntry("id", 0).containsEntry("neighbourhood", 2);
      List<BatchCsv.Row> rows = rows(csv);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).values()).containsExactly("A1", "Eerste", "Moerwijk", "a, b");
      assertThat(rows.get(0).ragged()).isFalse();
      assertThat(csv.cells(rows.get(0)))
          .containsEntry("name", "Eerste")
          .containsEntry("neighbourhood", "Moerwijk");
    }
  }

  @Test
  void commaIsTheDefaultAndSemicolonsInsideQuotesDoNotCount() throws Exception {
    try (BatchCsv csv = open("\"a;b;c\",name,neighbourhood\n1,x,y\n")) {
      assertThat(csv.delimiter()).isEqualTo(',');
      assertThat(csv.header()).containsExactly("a;b;c", "name", "neighbourhood");
    }
    try (BatchCsv csv = open("file\nx.yaml\n")) {
      assertThat(csv.delimiter()).isEqualTo(',');
      assertThat(rows(csv).get(0).values()).containsExactly("x.yaml");
    }
  }

  @Test
  void headerNamesAreTrimmedAndLowerCasedWhateverTheDefaultLocale() throws Exception {
    // a Turkish default locale would lower-case I to a dotless ı; the header must not care
    try (BatchCsv csv = open(" ID , NAME ,RISK_MITIGATED,FILE\n1,a,yes,\n")) {
      assertThat(csv.header()).containsExactly("id", "name", "risk_mitigated", "file");
      assertThat(csv.originalHeader()).containsExactly("ID", "NAME", "RISK_MITIGATED", "FILE");
    }
  }

  @Test
  void quotedFieldsKeepNewlinesAndLineNumbersCountThem() throws Exception {
    String text =
        "id,name,notes\n"
            + "1,a,\"first line\nsecond line\"\n"
            + "2,b,\"x\"\"y\"\n"
            + "3,c,\"one\ntwo\nthree\"\n"
            + "4,d,plain\n";
    try (BatchCsv csv = open(text)) {
      List<BatchCsv.Row> rows = rows(csv);
      assertThat(rows).extracting(BatchCsv.Row::number).containsExactly(1, 2, 3, 4);
      assertThat(rows).extracting(BatchCsv.Row::line).containsExactly(2, 4, 5, 8);
      assertThat(rows.get(0).values().get(2)).isEqualTo("first line\nsecond line");
      assertThat(rows.get(1).values().get(2)).isEqualTo("x\"y");
      assertThat(rows.get(2).values().get(2)).isEqualTo("one\ntwo\nthree");
    }
  }

  @Test
  void crlfLineEndingsCountOnceAndEmptyLinesAreSkipped() throws Exception {
    String text = "id,name\r\n1,a\r\n\r\n2,\"b\r\nc\"\r\n3,d\r\n";
    try (BatchCsv csv = open(text)) {
      List<BatchCsv.Row> rows = rows(csv);
      assertThat(rows).extracting(BatchCsv.Row::number).containsExactly(1, 2, 3);
      assertThat(rows).extracting(BatchCsv.Row::line).containsExactly(2, 4, 6);
      assertThat(rows.get(1).values()).containsExactly("2", "b\r\nc");
      assertThat(rows.get(2).values()).containsExactly("3", "d");
    }
  }

  @Test
  void raggedRowsAreMarkedAndShortRowsLackTheMissingCells() throws Exception {
    try (BatchCsv csv = open("id,name,neighbourhood\n1,a,b\n2,a\n3,a,b,extra\n")) {
      List<BatchCsv.Row> rows = rows(csv);
      assertThat(rows).extracting(BatchCsv.Row::ragged).containsExactly(false, true, true);
      Map<String, String> shortCells = csv.cells(rows.get(1));
      assertThat(shortCells).containsOnlyKeys("id", "name");
      Map<String, String> longCells = csv.cells(rows.get(2));
      assertThat(longCells)
          .containsOnly(
              Map.entry("id", "3"), Map.entry("name", "a"), Map.entry("neighbourhood", "b"));
    }
  }

  @Test
  void duplicateHeaderNamesTheColumnAndBothPositions() {
    BatchCsv.CsvException e =
        catchThrowableOfType(
            BatchCsv.CsvException.class, () -> open("id,name,neighbourhood,Name\n1,a,b,c\n"));
    assertThat(e).isNotNull();
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.key()).isEqualTo("batch.csv.duplicate-header");
    assertThat(e.args()).containsExactly("Name", 2, 4);
  }

  @Test
  void duplicateHeaderAfterBomAndTrimming() {
    BatchCsv.CsvException e =
        catchThrowableOfType(BatchCsv.CsvException.class, () -> open(withBom("ID; id \n1;2\n")));
    assertThat(e).isNotNull();
    assertThat(e.key()).isEqualTo("batch.csv.duplicate-header");
    assertThat(e.args()).containsExactly("id", 1, 2);
  }

  @Test
  void emptyHeaderNameAndEmptyFile() {
    BatchCsv.CsvException e =
        catchThrowableOfType(BatchCsv.CsvException.class, () -> open("id,,name\n1,2,3\n"));
    assertThat(e.key()).isEqualTo("batch.csv.empty-header");
    assertThat(e.args()).containsExactly(2);

    BatchCsv.CsvException empty = catchThrowableOfType(BatchCsv.CsvException.class, () -> open(""));
    assertThat(empty.key()).isEqualTo("batch.csv.empty");
    assertThat(empty.line()).isEqualTo(1);

    BatchCsv.CsvException bomOnly =
        catchThrowableOfType(BatchCsv.CsvException.class, () -> open(BOM));
    assertThat(bomOnly.key()).isEqualTo("batch.csv.empty");
  }

  @Test
  void unbalancedQuoteReportsTheLineWhereTheRecordStarts() throws Exception {
    String text = "id,name,neighbourhood\n1,a,b\n2,b,c\n3,\"never closed,c\n4,d,e\n5,f,g\n";
    try (BatchCsv csv = open(text)) {
      assertThat(csv.next().line()).isEqualTo(2);
      assertThat(csv.next().line()).isEqualTo(3);
      BatchCsv.CsvException e = catchThrowableOfType(BatchCsv.CsvException.class, csv::next);
      assertThat(e).isNotNull();
      assertThat(e.key()).isEqualTo("batch.csv.quote");
      assertThat(e.line()).isEqualTo(4);
    }
  }

  @Test
  void textAfterAClosingQuoteIsAnErrorOnItsLine() throws Exception {
    String text = "id,name\n1,\"multi\nline\"\n2,\"ab\"cd\n";
    try (BatchCsv csv = open(text)) {
      assertThat(csv.next().line()).isEqualTo(2);
      BatchCsv.CsvException e = catchThrowableOfType(BatchCsv.CsvException.class, csv::next);
      assertThat(e).isNotNull();
      assertThat(e.key()).isEqualTo("batch.csv.quote");
      assertThat(e.line()).isEqualTo(4);
    }
  }

  @Test
  void invalidUtf8IsAnEncodingError() throws Exception {
    byte[] latin1 = "id,name\n1,Co\u00f6peratie\n".getBytes(StandardCharsets.ISO_8859_1);
    BatchCsv.CsvException e =
        catchThrowableOfType(
            BatchCsv.CsvException.class,
            () -> {
              try (BatchCsv csv = open(latin1)) {
                rows(csv);
              }
            });
    assertThat(e).isNotNull();
    assertThat(e.key()).isEqualTo("batch.csv.encoding");
    // the reader decodes ahead in blocks, so the exact line is found by the CLI, which reads the
    // file again on this error path (BatchCommandTest.aListThatIsNotUtf8SaysSoWithItsLine)
    assertThat(e.line()).isBetween(1, 2);
  }

  @Test
  void utf8TextSurvives() throws Exception {
    try (BatchCsv csv =
        open(withBom("name;notes\nBuurtco\u00f6peratie;\u20ac 12.500,- \ud83d\ude00\n"))) {
      BatchCsv.Row r = csv.next();
      assertThat(r.values())
          .containsExactly("Buurtco\u00f6peratie", "\u20ac 12.500,- \ud83d\ude00");
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  void aSecondBomIsSkippedWithAWarning() throws Exception {
    try (BatchCsv csv = open(withBom("\uFEFFid,name\nA,B\n"))) {
      assertThat(csv.header()).containsExactly("id", "name");
      assertThat(csv.warnings()).hasSize(1);
      assertThat(csv.warnings().get(0).key()).isEqualTo("batch.csv.second-bom");
      assertThat(csv.warnings().get(0).line()).isEqualTo(1);
      assertThat(rows(csv)).hasSize(1);
    }
    try (BatchCsv csv = open(withBom("id,name\nA,B\n"))) {
      assertThat(csv.header()).containsExactly("id", "name");
      assertThat(csv.warnings()).isEmpty();
    }
  }

  @Test
  @Timeout(120) // a guard against a hang, not a measurement: quadratic took minutes here
  void twoHundredThousandColumnsAreReadInLinearTime() throws Exception {
    StringBuilder header = new StringBuilder("id,name,neighbourhood");
    StringBuilder row = new StringBuilder("a,b,Moerwijk");
    for (int i = 0; i < 200_000; i++) {
      header.append(",x").append(i);
      row.append(",v");
    }
    Path list = dir.resolve("wide.csv");
    Files.writeString(list, header + "\n" + row + "\n", StandardCharsets.UTF_8);
    Run r = Run.run("batch", list.toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow().split(",", -1))
        .hasSize(200_000 + 6 + 3); // id, name, score, band, top_steps, status, 3 lessons
  }
}
