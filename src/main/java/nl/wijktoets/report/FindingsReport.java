package nl.wijktoets.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.Rules;
import nl.wijktoets.util.Version;

/**
 * The findings of {@code validate} for CI: plain text, JSON, SARIF 2.1.0, JUnit XML and GitHub
 * workflow commands. Deterministic: no timestamps, files and findings in input order.
 */
public final class FindingsReport {

  /** The findings of one input file (or the reason it could not be read at all). */
  public record FileResult(String file, List<Finding> findings, String unreadable) {
    public long errors(boolean strict) {
      return findings.stream().filter(f -> f.isError() || strict).count();
    }
  }

  /** The output formats of validate. */
  public enum Format {
    text,
    json,
    sarif,
    junit,
    github
  }

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FindingsReport() {}

  public static String render(
      Format format, List<FileResult> results, Language lang, boolean strict, boolean quiet) {
    return switch (format) {
      case text -> text(results, lang, quiet);
      case json -> json(results, lang, strict);
      case sarif -> sarif(results, lang);
      case junit -> junit(results, lang, strict);
      case github -> github(results, lang, quiet);
    };
  }

  static String text(List<FileResult> results, Language lang, boolean quiet) {
    StringBuilder out = new StringBuilder();
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        if (f.isError() || !quiet) {
          out.append(f.format(lang)).append('\n');
        }
      }
    }
    return out.toString();
  }

  static String json(List<FileResult> results, Language lang, boolean strict) {
    ObjectNode root = F.objectNode();
    root.put("schemaVersion", "1");
    ObjectNode tool = root.putObject("tool");
    tool.put("name", Version.NAME);
    tool.put("version", Version.version());
    ArrayNode files = root.putArray("files");
    long errors = 0;
    long warnings = 0;
    for (FileResult r : results) {
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

  /** SARIF 2.1.0: one rule per rule id, results with 1-based line/column in Unicode code points. */
  static String sarif(List<FileResult> results, Language lang) {
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
      rules.add(sarifRule(rule, lang));
    }
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        if (!ruleIndex.containsKey(f.rule())) {
          ruleIndex.put(f.rule(), ruleIndex.size());
          rules.add(sarifRule(Rules.byId(f.rule()), lang));
        }
      }
    }
    run.put("columnKind", "unicodeCodePoints");
    ObjectNode invocation = run.putArray("invocations").addObject();
    boolean allRead = results.stream().allMatch(r -> r.unreadable() == null);
    invocation.put("executionSuccessful", allRead);
    if (!allRead) {
      ArrayNode notes = invocation.putArray("toolExecutionNotifications");
      for (FileResult r : results) {
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
    for (FileResult r : results) {
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

  private static ObjectNode sarifRule(Rules.Rule rule, Language lang) {
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

  private static String camel(String id) {
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

  /** JUnit XML: one test suite per file, one test case per rule family. */
  static String junit(List<FileResult> results, Language lang, boolean strict) {
    return Xml.write(
        w -> {
          long tests = 0;
          long failures = 0;
          long errors = 0;
          for (FileResult r : results) {
            tests += Rules.families().size();
            failures += failingFamilies(r, strict).size();
            errors += r.unreadable() == null ? 0 : 1;
          }
          w.writeStartElement("testsuites");
          w.writeAttribute("name", "wijktoets validate");
          w.writeAttribute("tests", Long.toString(tests));
          w.writeAttribute("failures", Long.toString(failures));
          w.writeAttribute("errors", Long.toString(errors));
          for (FileResult r : results) {
            Set<String> failing = failingFamilies(r, strict);
            w.writeStartElement("testsuite");
            w.writeAttribute("name", r.file());
            w.writeAttribute("tests", Integer.toString(Rules.families().size()));
            w.writeAttribute("failures", Integer.toString(failing.size()));
            w.writeAttribute("errors", r.unreadable() == null ? "0" : "1");
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", "0");
            for (String family : Rules.families()) {
              w.writeStartElement("testcase");
              w.writeAttribute("classname", r.file());
              w.writeAttribute("name", family);
              w.writeAttribute("time", "0");
              List<Finding> inFamily =
                  r.findings().stream().filter(f -> Rules.family(f.rule()).equals(family)).toList();
              if (family.equals("encoding") && r.unreadable() != null) {
                w.writeEmptyElement("error");
                w.writeAttribute("message", r.unreadable());
              } else if (failing.contains(family)) {
                List<Finding> failed =
                    inFamily.stream().filter(f -> f.isError() || strict).toList();
                w.writeStartElement("failure");
                w.writeAttribute("message", failed.get(0).message(lang));
                w.writeAttribute("type", failed.get(0).rule());
                StringBuilder body = new StringBuilder();
                failed.forEach(f -> body.append(f.format(lang)).append('\n'));
                w.writeCharacters(body.toString());
                w.writeEndElement();
              }
              if (!inFamily.isEmpty()) {
                StringBuilder body = new StringBuilder();
                inFamily.forEach(f -> body.append(f.format(lang)).append('\n'));
                w.writeStartElement("system-out");
                w.writeCharacters(body.toString());
                w.writeEndElement();
              }
              w.writeEndElement();
            }
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  private static Set<String> failingFamilies(FileResult r, boolean strict) {
    Set<String> out = new LinkedHashSet<>();
    for (Finding f : r.findings()) {
      if (f.isError() || strict) {
        out.add(Rules.family(f.rule()));
      }
    }
    return out;
  }

  /** GitHub workflow commands: {@code ::error file=...,line=...,col=...,title=...::message}. */
  static String github(List<FileResult> results, Language lang, boolean quiet) {
    StringBuilder out = new StringBuilder();
    for (FileResult r : results) {
      if (r.unreadable() != null) {
        out.append("::error file=")
            .append(property(r.file()))
            .append("::")
            .append(data(r.unreadable()))
            .append('\n');
      }
      for (Finding f : r.findings()) {
        if (!f.isError() && quiet) {
          continue;
        }
        out.append("::")
            .append(f.isError() ? "error" : "warning")
            .append(" file=")
            .append(property(f.location().file()))
            .append(",line=")
            .append(f.location().line())
            .append(",col=")
            .append(f.location().column())
            .append(",title=")
            .append(property(f.rule()))
            .append("::")
            .append(data(f.message(lang)))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** Characters XML 1.0 cannot hold at all become U+FFFD, so the document always parses. */
  static String xmlText(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || Character.isSurrogate(c);
      if (!ok && out == null) {
        out = new StringBuilder(s.substring(0, i));
      }
      if (out != null) {
        out.append(ok ? c : '\uFFFD');
      }
    }
    return out == null ? s : out.toString();
  }

  /** Escapes the message of a workflow command. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value of a workflow command. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * Writes XML with the JDK's streaming writer (escaping included), each element on its own line
   * with two-space indentation; text content is kept exactly as it is.
   */
  public static final class Xml {
    interface Body {
      void write(Xml w) throws XMLStreamException;
    }

    private final XMLStreamWriter w;
    private int depth;
    private boolean hadText;

    private Xml(XMLStreamWriter w) {
      this.w = w;
    }

    /** An XML document written straight to a stream (for output too large to hold). */
    public static Xml open(Writer out) {
      try {
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        writer.writeStartDocument("UTF-8", "1.0");
        return new Xml(writer);
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Ends the document opened with {@link #open}. */
    public void close() throws XMLStreamException {
      w.writeEndDocument();
      w.writeCharacters("\n");
      w.flush();
    }

    static String write(Body body) {
      try {
        StringWriter buffer = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
        writer.writeStartDocument("UTF-8", "1.0");
        body.write(new Xml(writer));
        writer.writeEndDocument();
        writer.close();
        return buffer + "\n";
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
    }

    public void writeStartElement(String name) throws XMLStreamException {
      w.writeCharacters("\n" + "  ".repeat(depth));
      w.writeStartElement(name);
      depth++;
      hadText = false;
    }

    /** An element without content; its attributes follow with {@link #writeAttribute}. */
    public void writeEmptyElement(String name) throws XMLStreamException {
      w.writeCharacters("\n" + "  ".repeat(depth));
      w.writeEmptyElement(name);
      hadText = false;
    }

    public void writeAttribute(String name, String value) throws XMLStreamException {
      w.writeAttribute(name, xmlText(value));
    }

    public void writeCharacters(String text) throws XMLStreamException {
      w.writeCharacters(xmlText(text));
      hadText = true;
    }

    public void writeEndElement() throws XMLStreamException {
      depth--;
      if (!hadText) {
        w.writeCharacters("\n" + "  ".repeat(depth));
      }
      w.writeEndElement();
      hadText = false;
    }
  }
}
