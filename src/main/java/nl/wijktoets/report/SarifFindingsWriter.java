package nl.wijktoets.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.Rules;
import nl.wijktoets.util.Version;

/**
 * Findings as SARIF 2.1.0: every rule of the catalogue (plus any other rule a finding names), one
 * result per finding with its 1-based line and column in Unicode code points, a fingerprint that
 * survives edits which move lines, and a tool notification per file that could not be read.
 */
public final class SarifFindingsWriter implements FindingsWriter {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Language lang;

  public SarifFindingsWriter(Language lang) {
    this.lang = lang;
  }

  @Override
  public String write(List<FileFindings> results) {
    ObjectNode root = F.objectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", Version.NAME);
    driver.put("version", Version.version());
    driver.put("semanticVersion", Version.version());
    driver.put("informationUri", "https://github.com/wijktoets/wijktoets#readme");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (Rules.Rule rule : Rules.ALL) {
      ruleIndex.put(rule.id(), ruleIndex.size());
      rules.add(rule(rule));
    }
    for (FileFindings r : results) {
      for (Finding f : r.findings()) {
        if (!ruleIndex.containsKey(f.rule())) {
          ruleIndex.put(f.rule(), ruleIndex.size());
          rules.add(rule(Rules.byId(f.rule())));
        }
      }
    }
    run.put("columnKind", "unicodeCodePoints");
    ObjectNode invocation = run.putArray("invocations").addObject();
    boolean allRead = results.stream().allMatch(r -> r.unreadable() == null);
    invocation.put("executionSuccessful", allRead);
    if (!allRead) {
      ArrayNode notes = invocation.putArray("toolExecutionNotifications");
      for (FileFindings r : results) {
        if (r.unreadable() != null) {
          ObjectNode note = notes.addObject();
          note.put("level", "error");
          note.putObject("message").put("text", r.unreadable());
          note.putArray("locations")
              .addObject()
              .putObject("physicalLocation")
              .putObject("artifactLocation")
              .put("uri", uri(r.file()));
        }
      }
    }
    ArrayNode out = run.putArray("results");
    for (FileFindings r : results) {
      for (Finding f : r.findings()) {
        ObjectNode result = out.addObject();
        result.put("ruleId", f.rule());
        result.put("ruleIndex", ruleIndex.get(f.rule()));
        result.put("level", f.isError() ? "error" : "warning");
        result.putObject("message").put("text", f.message(lang));
        ObjectNode physical =
            result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(f.location().file()));
        ObjectNode region = physical.putObject("region");
        region.put("startLine", f.location().line());
        region.put("startColumn", f.location().column());
        result.putObject("partialFingerprints").put("wijktoets/v1", fingerprint(f));
        if (!f.path().isEmpty()) {
          result.putObject("properties").put("yamlPath", f.path());
        }
      }
    }
    return JsonReport.write(root);
  }

  private ObjectNode rule(Rules.Rule rule) {
    ObjectNode node = F.objectNode();
    node.put("id", rule.id());
    node.put("name", camel(rule.id()));
    node.putObject("shortDescription").put("text", rule.title(lang));
    node.putObject("fullDescription").put("text", rule.title(lang) + ". " + rule.help(lang));
    node.putObject("help").put("text", rule.help(lang));
    node.putObject("defaultConfiguration")
        .put("level", rule.level() == Finding.Level.ERROR ? "error" : "warning");
    return node;
  }

  /** A rule's SARIF name: {@code amount/dutch-thousands} becomes {@code AmountDutchThousands}. */
  static String camel(String id) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : id.toCharArray()) {
      if (c == '/' || c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** A relative path as a URI reference: forward slashes, spaces and such percent-encoded. */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /** Stable across edits that move lines: rule id, file and YAML path. */
  static String fingerprint(Finding f) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (f.rule() + "\u0000" + f.location().file() + "\u0000" + f.path())
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
