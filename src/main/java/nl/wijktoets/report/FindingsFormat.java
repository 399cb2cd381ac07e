package nl.wijktoets.report;

import nl.wijktoets.i18n.Language;

/** The output formats of {@code validate}, each written by its own {@link FindingsWriter}. */
public enum FindingsFormat {
  /** One line per finding, as people read it. */
  text,
  /** JSON: the findings per file with counts and a summary. */
  json,
  /** SARIF 2.1.0, for code-scanning dashboards. */
  sarif,
  /** JUnit XML: a test suite per file, a test case per rule family. */
  junit,
  /** GitHub workflow commands, shown as annotations on the changed lines. */
  github;

  /**
   * The writer of this format.
   *
   * @param lang the language of the messages
   * @param strict whether warnings count as errors (json, junit)
   * @param quiet whether warnings are left out (text, github)
   */
  public FindingsWriter writer(Language lang, boolean strict, boolean quiet) {
    return switch (this) {
      case text -> new TextFindingsWriter(lang, quiet);
      case json -> new JsonFindingsWriter(lang, strict);
      case sarif -> new SarifFindingsWriter(lang);
      case junit -> new JunitFindingsWriter(lang, strict);
      case github -> new GithubFindingsWriter(lang, quiet);
    };
  }
}
