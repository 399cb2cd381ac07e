package nl.wijktoets.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.report.FindingsCap;
import nl.wijktoets.source.Finding;
import nl.wijktoets.util.Visible;

/**
 * What a command talks to: standard output and error (UTF-8, control characters shown as escapes),
 * standard input, the environment, the language for messages, the clock (for "next year"), and the
 * working folder with its project settings ({@code .wijktoets.yaml}). Tests pass their own.
 */
public final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;
  private Language language;
  private boolean verbose;
  private boolean quiet;
  private Clock clock;

  private final ProjectSettings settings;

  /** A console that reads no project settings (as the generators of completions use). */
  public Console(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    this(out, err, in, env, null);
  }

  /**
   * A console for a run in a working folder, where the search for {@code .wijktoets.yaml} starts;
   * null reads no project settings. Whatever is printed has its control characters shown as escapes
   * ({@link Visible}), so no proposal can move a terminal's cursor, clear it or turn text around.
   */
  public Console(
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> env,
      Path workingDirectory) {
    this.out = new PrintWriter(Visible.writer(out), true);
    this.err = new PrintWriter(Visible.writer(err), true);
    this.in = in;
    this.env = env;
    this.language = Language.fromEnvironment(env);
    this.settings = new ProjectSettings(workingDirectory);
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public InputStream in() {
    return in;
  }

  /** The clock that says which year it is (UTC); the system's unless a test fixes it. */
  public Clock clock() {
    return clock == null ? Clock.systemUTC() : clock;
  }

  /** Fixes the clock (null: the system's). */
  public void clock(Clock clock) {
    this.clock = clock;
  }

  public Map<String, String> env() {
    return env;
  }

  /** The project settings of this run. */
  ProjectSettings settings() {
    return settings;
  }

  /** The language for help and messages: --lang, else Dutch for a Dutch locale, else English. */
  public Language language() {
    return language;
  }

  public void language(Language lang) {
    if (lang != null) {
      this.language = lang;
    }
  }

  public boolean verbose() {
    return verbose;
  }

  public void verbose(boolean v) {
    this.verbose = v;
  }

  /** Whether warnings are hidden ({@code -q}); errors always show. */
  public boolean quiet() {
    return quiet;
  }

  public void quiet(boolean q) {
    this.quiet = q;
  }

  public String msg(String key, Object... args) {
    return Messages.get(language, key, args);
  }

  /** A one-line error on stderr: {@code wijktoets: error: message}. */
  public void error(String message) {
    err.println("wijktoets: " + msg("error.prefix") + ": " + message);
    err.flush();
  }

  /**
   * A finding on stderr as {@code file:line:col: level: message}; a warning only when not quiet.
   */
  public void finding(Finding f) {
    if (f.isError() || !quiet) {
      err.println(f.format(language));
      detail(f);
    }
  }

  /**
   * The findings of one input on stderr, as a person reads them: at most five of one rule ({@link
   * FindingsCap}). When the input could not be scored, its errors come first and its warnings only
   * as a count that says how to see them ({@code wijktoets validate FILE}).
   *
   * @param name the input as messages name it
   * @param arg the input as given on the command line ({@code -} for standard input)
   */
  public void findings(List<Finding> findings, boolean scored, String name, String arg) {
    if (scored) {
      FindingsCap.capped(findings.stream().filter(f -> f.isError() || !quiet).toList())
          .forEach(this::finding);
      return;
    }
    FindingsCap.capped(findings.stream().filter(Finding::isError).toList()).forEach(this::finding);
    long warnings = findings.stream().filter(f -> !f.isError()).count();
    if (warnings > 0 && !quiet) {
      err.println(
          warnings == 1
              ? msg("assess.warnings-hidden.one", name, arg)
              : msg("assess.warnings-hidden", name, warnings, arg));
    }
  }

  /**
   * With {@code --verbose}, what a library said about a finding in its own words (the YAML
   * parser's), on the line after it; never without.
   */
  public void detail(Finding f) {
    if (verbose && f.detail() != null && !f.detail().isBlank()) {
      err.println("  (" + msg("finding.detail", f.detail()) + ")");
    }
  }

  /** Text on standard output, flushed. */
  public void print(String text) {
    out.print(text);
    out.flush();
  }
}
