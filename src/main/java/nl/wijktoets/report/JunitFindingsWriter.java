package nl.wijktoets.report;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.Rules;

/**
 * Findings as JUnit XML: one test suite per file, one test case per rule family, failing where the
 * family has an error (or any finding, when strict); a file that could not be read is an error of
 * the {@code encoding} case.
 */
public final class JunitFindingsWriter implements FindingsWriter {

  private final Language lang;
  private final boolean strict;

  /**
   * @param strict warnings fail their test case too
   */
  public JunitFindingsWriter(Language lang, boolean strict) {
    this.lang = lang;
    this.strict = strict;
  }

  @Override
  public String write(List<FileFindings> results) {
    return XmlWriter.document(
        w -> {
          long tests = 0;
          long failures = 0;
          long errors = 0;
          for (FileFindings r : results) {
            tests += Rules.families().size();
            failures += failingFamilies(r).size();
            errors += r.unreadable() == null ? 0 : 1;
          }
          w.startElement("testsuites");
          w.attribute("name", "wijktoets validate");
          w.attribute("tests", Long.toString(tests));
          w.attribute("failures", Long.toString(failures));
          w.attribute("errors", Long.toString(errors));
          for (FileFindings r : results) {
            suite(w, r);
          }
          w.endElement();
        });
  }

  private void suite(XmlWriter w, FileFindings r) throws IOException {
    Set<String> failing = failingFamilies(r);
    w.startElement("testsuite");
    w.attribute("name", r.file());
    w.attribute("tests", Integer.toString(Rules.families().size()));
    w.attribute("failures", Integer.toString(failing.size()));
    w.attribute("errors", r.unreadable() == null ? "0" : "1");
    w.attribute("skipped", Long.toString(skipped(r).size()));
    w.attribute("time", "0");
    for (String family : Rules.families()) {
      w.startElement("testcase");
      w.attribute("classname", r.file());
      w.attribute("name", family);
      w.attribute("time", "0");
      List<Finding> inFamily =
          r.findings().stream().filter(f -> Rules.family(f.rule()).equals(family)).toList();
      if (family.equals("encoding") && r.unreadable() != null) {
        w.emptyElement("error");
        w.attribute("message", r.unreadable());
      } else if (skipped(r).contains(family)) {
        // after a YAML syntax error nothing else was checked: not passed, but not run
        w.emptyElement("skipped");
        w.attribute("message", Messages.get(lang, "junit.skipped"));
      } else if (failing.contains(family)) {
        List<Finding> failed = inFamily.stream().filter(f -> f.isError() || strict).toList();
        w.startElement("failure");
        w.attribute("message", failed.get(0).message(lang));
        w.attribute("type", failed.get(0).rule());
        w.text(lines(failed));
        w.endElement();
      }
      if (!inFamily.isEmpty()) {
        w.startElement("system-out");
        w.text(lines(inFamily));
        w.endElement();
      }
      w.endElement();
    }
    w.endElement();
  }

  private String lines(List<Finding> findings) {
    StringBuilder body = new StringBuilder();
    findings.forEach(f -> body.append(f.format(lang)).append('\n'));
    return body.toString();
  }

  /** The rule families checked while a file is read, in the order they are checked. */
  private static final List<String> READING = List.of("limit", "encoding", "yaml");

  /**
   * The rule families not checked because the file could not be read as a proposal: those after the
   * step of reading that failed, unless they have findings of their own. A file that could not be
   * opened at all was checked for nothing.
   */
  private static Set<String> skipped(FileFindings r) {
    Set<String> out = new LinkedHashSet<>();
    if (r.parsed()) {
      return out;
    }
    int stop = READING.size() - 1;
    for (int i = READING.size() - 1; i >= 0; i--) {
      String family = READING.get(i);
      if (r.findings().stream()
          .anyMatch(f -> f.isError() && Rules.family(f.rule()).equals(family))) {
        stop = i;
      }
    }
    for (String family : Rules.families()) {
      boolean hasFindings =
          r.findings().stream().anyMatch(f -> Rules.family(f.rule()).equals(family))
              || family.equals("encoding") && r.unreadable() != null;
      boolean checked =
          r.unreadable() == null && READING.contains(family) && READING.indexOf(family) <= stop;
      if (!hasFindings && !checked) {
        out.add(family);
      }
    }
    return out;
  }

  private Set<String> failingFamilies(FileFindings r) {
    Set<String> out = new LinkedHashSet<>();
    for (Finding f : r.findings()) {
      if (f.isError() || strict) {
        out.add(Rules.family(f.rule()));
      }
    }
    return out;
  }
}
