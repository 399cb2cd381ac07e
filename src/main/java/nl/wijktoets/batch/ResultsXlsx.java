package nl.wijktoets.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.util.Version;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The results as an Excel workbook ({@code --xlsx}), written with fastexcel as the rows come: the
 * columns of the results CSV (with the {@code --group-by} column after the name), the scores as
 * numbers, the band and every other cell as text; the header row frozen and filtered. Past Excel's
 * {@value #MAX_DATA_ROWS} data rows a sheet is full and the results go on in the next. A last sheet
 * lists the rows that failed: id, line, column and message.
 */
final class ResultsXlsx {

  /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
  static final int MAX_DATA_ROWS = 1_048_575;

  /** Failed rows listed on their sheet; the results' status column has them all. */
  static final int MAX_FAILED = 100_000;

  private static final int FLUSH_EVERY = 1024;

  private final int maxDataRows;
  private final Workbook workbook;
  private final List<String> header;
  private final int lessons;
  private final boolean grouped;
  private final Language language;
  private final List<String[]> failed = new ArrayList<>();
  private long failedCount;
  private Worksheet sheet;
  private int sheets;
  private int row;

  /**
   * @param header the results CSV's header
   * @param lessons how many lesson columns follow the band
   * @param groupColumn the {@code --group-by} column as the list names it, or null
   */
  ResultsXlsx(
      OutputStream out, List<String> header, int lessons, String groupColumn, Language language)
      throws IOException {
    this(out, header, lessons, groupColumn, language, MAX_DATA_ROWS);
  }

  /** As above, with fewer rows per sheet (tests of the continuation sheet). */
  ResultsXlsx(
      OutputStream out,
      List<String> header,
      int lessons,
      String groupColumn,
      Language language,
      int maxDataRows)
      throws IOException {
    this.maxDataRows = maxDataRows;
    this.workbook = new Workbook(out, Version.NAME, "1.0");
    List<String> h = new ArrayList<>(header);
    if (groupColumn != null) {
      h.add(2, groupColumn);
    }
    this.header = List.copyOf(h);
    this.lessons = lessons;
    this.grouped = groupColumn != null;
    this.language = language;
  }

  /**
   * One row of results.
   *
   * @param scores the total and each lesson's score as plain decimals, or null for a failed row
   */
  void row(BatchRunner.RowResult r, String[] scores, String steps, List<String> pass)
      throws IOException {
    if (sheet == null || row > maxDataRows) {
      nextSheet();
    }
    int c = 0;
    text(c++, r.id());
    text(c++, r.name());
    if (grouped) {
      text(c++, r.group());
    }
    if (scores != null) {
      sheet.value(row, c++, new BigDecimal(scores[0]));
      text(c++, r.assessment().band().id());
      for (int i = 1; i <= lessons; i++) {
        sheet.value(row, c++, new BigDecimal(scores[i]));
      }
      text(c++, steps);
    } else {
      c += lessons + 3;
    }
    text(c++, r.status());
    for (String v : pass) {
      text(c++, v);
    }
    if (r.failure() != null) {
      failedCount++;
      if (failed.size() < MAX_FAILED) {
        BatchRunner.Failure f = r.failure();
        failed.add(
            new String[] {
              r.id(),
              Integer.toString(r.row().line()),
              f.column() == null ? "" : f.column(),
              f.message()
            });
      }
    }
    row++;
    if (row % FLUSH_EVERY == 0) {
      sheet.flush();
    }
  }

  private void text(int column, String value) {
    if (value != null && !value.isEmpty()) {
      sheet.inlineString(row, column, value); // inline: no table of every id kept in memory
    }
  }

  private void nextSheet() throws IOException {
    if (sheet != null) {
      close(sheet, header.size());
    }
    sheets++;
    String name = Messages.get(language, "batch.xlsx.results");
    sheet = workbook.newWorksheet(sheets == 1 ? name : name + " " + sheets);
    for (int c = 0; c < header.size(); c++) {
      sheet.value(0, c, header.get(c));
    }
    row = 1;
  }

  private static void close(Worksheet ws, int columns) throws IOException {
    ws.freezePane(0, 1);
    ws.setAutoFilter(0, 0, columns - 1);
    ws.finish();
  }

  /** Finishes the results and writes the sheet of failed rows. */
  void finish() throws IOException {
    if (sheet == null) {
      nextSheet();
    }
    close(sheet, header.size());
    Worksheet ws = workbook.newWorksheet(Messages.get(language, "batch.xlsx.failed"));
    String[] names = {"id", "line", "column", "message"};
    for (int c = 0; c < names.length; c++) {
      ws.value(0, c, names[c]);
    }
    int r = 1;
    for (String[] f : failed) {
      ws.inlineString(r, 0, f[0]);
      ws.value(r, 1, Integer.parseInt(f[1]));
      ws.inlineString(r, 2, f[2]);
      ws.inlineString(r, 3, f[3]);
      r++;
    }
    if (failedCount > failed.size()) {
      ws.inlineString(
          r, 3, Messages.get(language, "batch.xlsx.more-failed", failedCount - failed.size()));
    }
    close(ws, names.length);
    workbook.finish();
  }
}
