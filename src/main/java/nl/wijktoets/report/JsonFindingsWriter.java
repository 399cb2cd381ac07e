package nl.wijktoets.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.util.Version;

/**
 * Findings as JSON: the tool, then per file its counts, whether it is valid and its findings (as in
 * the JSON report), then a summary.
 */
public final class JsonFindingsWriter implements FindingsWriter {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Language lang;
  private final boolean strict;

  /**
   * @param strict a file with warnings is not valid
   */
  public JsonFindingsWriter(Language lang, boolean strict) {
    this.lang = lang;
    this.strict = strict;
  }

  @Override
  public String write(List<FileFindings> results) {
    ObjectNode root = F.objectNode();
    root.put("schemaVersion", "1");
    ObjectNode tool = root.putObject("tool");
    tool.put("name", Version.NAME);
    tool.put("version", Version.version());
    ArrayNode files = root.putArray("files");
    long errors = 0;
    long warnings = 0;
    for (FileFindings r : results) {
      ObjectNode file = files.addObject();
      file.put("file", r.file());
      if (r.unreadable() != null) {
        file.put("unreadable", r.unreadable());
      }
      long e = r.findings().stream().filter(Finding::isError).count();
      long w = r.findings().size() - e;
      errors += e;
      warnings += w;
      file.put("errors", e);
      file.put("warnings", w);
      file.put("valid", r.unreadable() == null && r.errors(strict) == 0);
      ArrayNode findings = file.putArray("findings");
      r.findings().forEach(f -> findings.add(JsonReport.finding(f, lang)));
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("files", results.size());
    summary.put("errors", errors);
    summary.put("warnings", warnings);
    return JsonReport.write(root);
  }
}
