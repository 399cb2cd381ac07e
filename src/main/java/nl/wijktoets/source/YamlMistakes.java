package nl.wijktoets.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a YAML syntax error in words a resident understands, on the line where the mistake is, not
 * where the parser noticed it: an unclosed quote on the line where the quote opens, a missing colon
 * on the line without it, a key indented more or less than its neighbours, a list item among keys,
 * a value that starts with a character YAML reserves, a colon inside a value.
 *
 * <p>Hand-written because no YAML library explains its errors for people who do not know YAML: the
 * parser says where it got stuck ("while scanning a simple key, could not find expected ':'", one
 * line too late). This class reads the parser's problem and marks, and then the lines around them,
 * to find the mistake a person made. The parser's own words go with the finding as its detail,
 * shown only with {@code --verbose}. Rule ids stay {@code yaml/syntax}.
 */
final class YamlMistakes {

  private YamlMistakes() {}

  /** What the parser said: its problem, its context, and where (1-based; 0 when unknown). */
  record Problem(
      String problem, String context, int line, int column, int contextLine, int contextColumn) {
    String words() {
      String p = problem == null ? "" : problem;
      return (context == null ? p : context + ", " + p).replaceAll("\\s+", " ").strip();
    }
  }

  /** One line of the file, as far as keys and list items go. */
  static final class Line {
    final int number;
    final String text;
    final int indent;
    final boolean content;
    final boolean dash;

    /** The column (1-based) where the key or the content after a dash starts. */
    final int keyColumn;

    final String key;

    /** The value after the key's colon, without a comment; empty for a block opener. */
    final String value;

    /** The column (1-based) of the value, or 0. */
    final int valueColumn;

    Line(int number, String text) {
      this.number = number;
      this.text = text;
      int i = 0;
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      indent = i;
      String rest = text.substring(i);
      content = !rest.isBlank() && !rest.startsWith("#");
      int start = i;
      boolean isDash = rest.equals("-") || rest.startsWith("- ");
      if (isDash) {
        start = i + 1;
        while (start < text.length() && text.charAt(start) == ' ') {
          start++;
        }
      }
      dash = isDash;
      keyColumn = start + 1;
      Matcher m = KEY.matcher(text.substring(Math.min(start, text.length())));
      if (content && m.lookingAt()) {
        key = unquote(m.group(1).strip());
        int valueStart = start + m.end();
        String v = text.substring(Math.min(valueStart, text.length()));
        int lead = v.length() - v.stripLeading().length();
        value = withoutComment(v).strip();
        valueColumn = value.isEmpty() ? 0 : valueStart + lead + 1;
      } else {
        key = null;
        value = "";
        valueColumn = 0;
      }
    }

    boolean isKey() {
      return key != null;
    }

    /** A key with nothing after its colon: it opens a block. */
    boolean opensBlock() {
      return key != null && value.isEmpty();
    }
  }

  /** A key: a plain word (no quotes, brackets or comment at its start) or a quoted one, a colon. */
  private static final Pattern KEY =
      Pattern.compile(
          "([^\\s#'\"{\\[\\]}>|*&!%@`,?:-][^#:]*?|-[^\\s#:][^#:]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)");

  /** What a key looks like when it is written without its colon: a snake_case word. */
  private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_]*|[0-9]{4}");

  private static String unquote(String key) {
    if (key.length() >= 2
        && (key.startsWith("\"") && key.endsWith("\"")
            || key.startsWith("'") && key.endsWith("'"))) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }

  /** A value without its trailing comment ({@code # ...} after a space). */
  static String withoutComment(String v) {
    if (v.startsWith("\"") || v.startsWith("'")) {
      return v; // a quote may hold a #
    }
    int hash = v.indexOf(" #");
    return hash < 0 ? v : v.substring(0, hash);
  }

  static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    String[] raw = text.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String l = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
      out.add(new Line(i + 1, l));
    }
    return out;
  }

  /** The finding for a parser's problem in a text. */
  static Finding explain(String file, String text, Problem p) {
    List<Line> lines = lines(text);
    Explanation e = explanation(lines, p);
    String block = topKey(lines, line(lines, e.line()));
    if (Privacy.isPrivate(block)) {
      // under founders or contact: no value of the file in the message, nor in the parser's words
      return Finding.error(
          "yaml/syntax",
          new SourceLocation(file, e.line(), Math.max(1, e.column())),
          "",
          e.key(),
          e.args().stream().map(YamlMistakes::shownPrivately).toArray());
    }
    return Finding.error(
            "yaml/syntax",
            new SourceLocation(file, e.line(), Math.max(1, e.column())),
            "",
            e.key(),
            e.args().toArray())
        .withDetail(p.words());
  }

  /** The top-level key whose block a line is in (its own key at the top), or "". */
  private static String topKey(List<Line> lines, Line l) {
    if (l.indent == 0 && l.isKey() && !l.dash) {
      return l.key;
    }
    for (Line a = above(lines, l); a != null; a = above(lines, a)) {
      if (a.indent == 0 && a.isKey() && !a.dash) {
        return a.key;
      }
    }
    return "";
  }

  /** An argument as a message about founders or contact may show it: no text from the file. */
  private static Object shownPrivately(Object arg) {
    String a = String.valueOf(arg);
    boolean safe =
        Privacy.FOUNDER_KEYS.contains(a)
            || Privacy.CONTACT_KEYS.contains(a)
            || a.matches("\\d{1,6}")
            || a.length() == 1 && !Character.isLetterOrDigit(a.charAt(0));
    return safe ? a : Privacy.VALUE;
  }

  /** Where the mistake is and how to say it. */
  record Explanation(int line, int column, String key, List<Object> args) {
    static Explanation of(int line, int column, String key, Object... args) {
      return new Explanation(line, column, key, List.of(args));
    }
  }

  static Explanation explanation(List<Line> lines, Problem p) {
    int errorLine = clamp(lines, p.line() > 0 ? p.line() : lastContent(lines));
    // a quote that opens and never closes: the parser notices it lines later, or never where it is
    for (Line l : lines) {
      if (l.number > errorLine) {
        break;
      }
      Explanation quote = unclosedQuote(lines, l);
      if (quote != null) {
        return quote;
      }
    }
    String problem = p.problem() == null ? "" : p.problem();
    String context = p.context() == null ? "" : p.context();
    Line at = line(lines, errorLine);
    if (context.contains("quoted scalar") && problem.contains("escape")) {
      return Explanation.of(p.line(), p.column(), "finding.yaml.escape");
    }
    if (context.contains("quoted scalar") && p.contextLine() > 0) {
      Line open = line(lines, p.contextLine());
      Explanation quote = quoteAt(open, p.contextColumn());
      if (quote != null) {
        return quote;
      }
    }
    if (problem.contains("could not find expected ':'") && p.contextLine() > 0) {
      return noColon(lines, line(lines, p.contextLine()));
    }
    if (problem.contains("mapping values are not allowed")) {
      return colonWhereNoneMayBe(lines, at, p.column());
    }
    if (problem.contains("cannot start any token")) {
      return badStart(at, p.column());
    }
    if (context.contains("block scalar")) {
      Line l = line(lines, p.contextLine() > 0 ? p.contextLine() : errorLine);
      return Explanation.of(
          l.number,
          l.valueColumn,
          "finding.yaml.block-text",
          l.value.isEmpty() ? "|" : l.value.substring(0, 1),
          l.key == null ? "" : l.key);
    }
    if (context.contains("flow mapping") || context.contains("flow sequence")) {
      boolean mapping = context.contains("flow mapping");
      int line = p.contextLine() > 0 ? p.contextLine() : errorLine;
      return Explanation.of(
          line,
          p.contextColumn(),
          "finding.yaml.unclosed-bracket",
          mapping ? "{" : "[",
          mapping ? "}" : "]");
    }
    if (problem.contains("expected <block end>") || problem.contains("expected <document end>")) {
      Explanation e = notInItsBlock(lines, at, problem);
      if (e != null) {
        return e;
      }
    }
    // anything else: the line the parser stopped at, in general words
    return Explanation.of(errorLine, at.indent + 1, "finding.yaml.syntax");
  }

  private static int clamp(List<Line> lines, int line) {
    int last = lastContent(lines);
    return Math.max(1, Math.min(line, Math.max(last, 1)));
  }

  private static int lastContent(List<Line> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).content) {
        return lines.get(i).number;
      }
    }
    return 1;
  }

  private static Line line(List<Line> lines, int number) {
    return lines.get(Math.max(0, Math.min(number, lines.size()) - 1));
  }

  /** The nearest line above with content (not blank, not a comment), or null. */
  private static Line above(List<Line> lines, Line l) {
    for (int i = l.number - 2; i >= 0; i--) {
      if (lines.get(i).content) {
        return lines.get(i);
      }
    }
    return null;
  }

  /** The nearest line below with content, or null. */
  private static Line below(List<Line> lines, Line l) {
    for (int i = l.number; i < lines.size(); i++) {
      if (lines.get(i).content) {
        return lines.get(i);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Quotes

  /** A value on this line that opens a quote it never closes, before the next key. */
  private static Explanation unclosedQuote(List<Line> lines, Line l) {
    if (!l.content) {
      return null;
    }
    int start = l.valueColumn > 0 ? l.valueColumn - 1 : l.dash && !l.isKey() ? l.keyColumn - 1 : -1;
    if (start < 0 || start >= l.text.length()) {
      return null;
    }
    char q = l.text.charAt(start);
    if (q != '\'' && q != '"' || closes(l.text, start)) {
      return null;
    }
    // a quoted text may go on over several lines: only when the next line is a key (or the file
    // ends) the quote was never meant to go on
    Line next = below(lines, l);
    if (next != null && !(next.isKey() || next.dash) && next.indent > l.indent) {
      return null;
    }
    return quoteAt(l, start + 1);
  }

  /** Whether the quote at {@code start} closes on the same line. */
  private static boolean closes(String text, int start) {
    char q = text.charAt(start);
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        if (q == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i++; // '' is a quote inside single quotes
        } else {
          return true;
        }
      }
    }
    return false;
  }

  /** The unclosed quote at a column (1-based) of a line, with the value it should have been. */
  private static Explanation quoteAt(Line l, int column) {
    int i = column - 1;
    if (i < 0 || i >= l.text.length()) {
      return null;
    }
    char q = l.text.charAt(i);
    if (q != '\'' && q != '"') {
      return null;
    }
    String rest = l.text.substring(i + 1);
    int comment = rest.indexOf(" #");
    if (comment >= 0) {
      rest = rest.substring(0, comment);
    }
    rest = rest.strip();
    // 's-Gravenhage: the quote is part of the name; "De Buurt: the closing quote is missing
    String meant = q == '\'' ? "'" + rest : rest;
    return Explanation.of(
        l.number, column, "finding.yaml.unclosed-quote", String.valueOf(q), doubleQuoted(meant));
  }

  /** A value between double quotes, as it would be written in YAML. */
  static String doubleQuoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  // ---------------------------------------------------------------------------------------------
  // Colons

  /** A line that should be {@code key: value} but has no colon (or no space after it). */
  private static Explanation noColon(List<Line> lines, Line l) {
    String rest = l.text.substring(l.dash ? l.keyColumn - 1 : l.indent).strip();
    Matcher glued = Pattern.compile("([a-z_][a-z0-9_]*):(\\S.*)").matcher(rest);
    if (glued.matches()) {
      return Explanation.of(
          l.number,
          l.keyColumn + glued.end(1),
          "finding.yaml.no-space",
          glued.group(1),
          glued.group(1) + ": " + withoutComment(glued.group(2)).strip());
    }
    Line key = above(lines, l);
    while (key != null && !key.isKey()) {
      key = above(lines, key);
    }
    // several words after a key whose value is text: this line goes on with that text
    boolean continues =
        key != null && key.value.contains(" ") && rest.split("\\s+").length > 3 && !l.dash;
    Matcher word = Pattern.compile("(\\S+)(?:\\s+(.*))?").matcher(rest);
    if (!continues && word.matches() && WORD.matcher(word.group(1)).matches()) {
      String value = word.group(2) == null ? "" : withoutComment(word.group(2)).strip();
      return value.isEmpty()
          ? Explanation.of(
              l.number,
              l.keyColumn + word.group(1).length(),
              "finding.yaml.missing-colon.block",
              word.group(1))
          : Explanation.of(
              l.number,
              l.keyColumn + word.group(1).length(),
              "finding.yaml.missing-colon",
              word.group(1),
              word.group(1) + ": " + value);
    }
    return key == null
        ? Explanation.of(l.number, l.indent + 1, "finding.yaml.not-a-key.top")
        : Explanation.of(l.number, l.indent + 1, "finding.yaml.not-a-key", key.key, key.number);
  }

  /** A colon the parser does not accept: in a value, or after a key indented too far. */
  private static Explanation colonWhereNoneMayBe(List<Line> lines, Line l, int column) {
    Line previous = above(lines, l);
    boolean keyAtColon = l.isKey() && column <= l.keyColumn + l.key.length() + 2;
    if (keyAtColon && previous != null) {
      int previousColumn =
          previous.isKey() || previous.dash ? previous.keyColumn : previous.indent + 1;
      if (l.keyColumn > previousColumn && !previous.opensBlock()) {
        return previous.isKey()
            ? indentedMore(l, previous)
            : Explanation.of(
                l.number, l.keyColumn, "finding.yaml.continued-key", l.key, previous.number);
      }
    }
    if (l.isKey() && !keyAtColon) {
      int colon = l.value.indexOf(": ");
      String before = colon < 0 ? "" : l.value.substring(0, colon).strip();
      if (WORD.matcher(before).matches()) {
        // per_year: 2027: 5000 -- a block written on one line
        return Explanation.of(
            l.number,
            column,
            "finding.yaml.key-in-value",
            l.key,
            before,
            l.key + ": " + doubleQuoted(l.value));
      }
      return Explanation.of(
          l.number,
          column,
          "finding.yaml.colon-in-value",
          l.key,
          l.key + ": " + doubleQuoted(l.value));
    }
    // a line that continues the text above it and holds ": "
    Line owner = previous;
    while (owner != null && !owner.isKey()) {
      owner = above(lines, owner);
    }
    return owner == null
        ? Explanation.of(l.number, column, "finding.yaml.syntax")
        : Explanation.of(l.number, column, "finding.yaml.colon-in-text", owner.key, owner.number);
  }

  /** A value that starts with a character YAML keeps for itself, or a tab after a colon. */
  private static Explanation badStart(Line l, int column) {
    int i = Math.max(0, Math.min(column - 1, l.text.length() - 1));
    char c = l.text.isEmpty() ? ' ' : l.text.charAt(i);
    if (c == '\t') {
      return Explanation.of(
          l.number, column, "finding.yaml.tab-after-colon", l.key == null ? "" : l.key);
    }
    String value = withoutComment(l.text.substring(i)).strip();
    return Explanation.of(
        l.number, column, "finding.yaml.bad-start", String.valueOf(c), doubleQuoted(value));
  }

  // ---------------------------------------------------------------------------------------------
  // Indentation and list items

  /** A line that does not fit in the block it stands in. */
  private static Explanation notInItsBlock(List<Line> lines, Line l, String problem) {
    if (problem.contains("'<scalar>'")) {
      // the parser stops at the word after a closing quote, on the quote's own line
      Explanation after = textAfterQuote(l);
      if (after != null) {
        return after;
      }
    }
    Line previous = above(lines, l);
    if (previous == null) {
      return null;
    }
    if (l.dash) {
      // a list item where keys stand: after a key with a value, or among keys
      if (l.indent > previous.indent
          && previous.isKey()
          && !previous.dash
          && !previous.opensBlock()) {
        return Explanation.of(
            l.number,
            l.indent + 1,
            "finding.yaml.list-after-value",
            previous.key,
            previous.number,
            previous.value);
      }
      Line item = itemAbove(lines, l);
      if (item == null) {
        for (Line a = above(lines, l); a != null && item == null; a = above(lines, a)) {
          if (a.dash && Math.abs(a.indent - l.indent) <= 2) {
            item = a;
          } else if (a.indent < Math.min(l.indent, 1) || a.isKey() && a.indent < l.indent - 2) {
            break;
          }
        }
      }
      if (item != null && item.indent != l.indent) {
        return Explanation.of(
            l.number, l.indent + 1, "finding.yaml.item-not-lined-up", item.number, item.indent + 1);
      }
      Line parent = parent(lines, l);
      return parent == null
          ? Explanation.of(l.number, l.indent + 1, "finding.yaml.dash-among-keys.top")
          : Explanation.of(
              l.number, l.indent + 1, "finding.yaml.dash-among-keys", parent.key, parent.number);
    }
    if (!l.isKey()) {
      return null;
    }
    // a key at the column of the "- " of the list item above: it belongs to that item
    Line item = itemAbove(lines, l);
    if (item != null && item.indent == l.indent && item.isKey()) {
      return Explanation.of(
          l.number,
          l.keyColumn,
          "finding.yaml.item-key",
          l.key,
          item.number,
          item.key,
          item.keyColumn - l.keyColumn,
          item.keyColumn);
    }
    int previousColumn = previous.isKey() ? previous.keyColumn : previous.indent + 1;
    if (previous.isKey() && l.keyColumn > previousColumn && !previous.opensBlock()) {
      return indentedMore(l, previous);
    }
    if (previous.isKey() && l.keyColumn != previousColumn) {
      return Explanation.of(
          l.number,
          l.keyColumn,
          "finding.yaml.not-lined-up",
          l.key,
          previous.key,
          previous.number,
          previous.keyColumn);
    }
    return null;
  }

  /**
   * A key indented further than the key above it, which has a value. When that value is text of
   * several words, the line may go on with it instead: the message says both.
   */
  private static Explanation indentedMore(Line l, Line previous) {
    if (previous.key.length() > 1
        && previous.key.startsWith("-")
        && !Character.isWhitespace(previous.key.charAt(1))) {
      // "-name: x" with its item's keys under it: the dash needs a space to start a list item
      return Explanation.of(
          previous.number,
          previous.keyColumn,
          "finding.yaml.dash-no-space",
          previous.key,
          "- " + previous.key.substring(1) + ":");
    }
    boolean text = previous.value.contains(" ") && !previous.value.startsWith("\"");
    return Explanation.of(
        l.number,
        l.keyColumn,
        text ? "finding.yaml.indented-more.text" : "finding.yaml.indented-more",
        l.key,
        previous.key,
        previous.number,
        previous.keyColumn);
  }

  /** A line whose quoted value is followed by more text: {@code name: "De Buurt" coop}. */
  private static Explanation textAfterQuote(Line l) {
    if (l == null || !l.isKey() || l.valueColumn == 0) {
      return null;
    }
    int start = l.valueColumn - 1;
    char q = l.text.charAt(start);
    if (q != '"' && q != '\'') {
      return null;
    }
    String v = l.value;
    int close = -1;
    for (int i = 1; i < v.length(); i++) {
      if (q == '"' && v.charAt(i) == '\\') {
        i++;
      } else if (v.charAt(i) == q) {
        if (q == '\'' && i + 1 < v.length() && v.charAt(i + 1) == '\'') {
          i++;
        } else {
          close = i;
          break;
        }
      }
    }
    if (close < 0 || close == v.length() - 1) {
      return null;
    }
    String inside = v.substring(1, close);
    if (q == '\'') {
      inside = inside.replace("''", "'");
    }
    String whole = inside + " " + v.substring(close + 1).strip();
    return Explanation.of(
        l.number,
        l.valueColumn + close + 1,
        "finding.yaml.text-after-quote",
        l.key,
        l.key + ": " + doubleQuoted(whole));
  }

  /** The key line that opens the block a line stands in: the nearest above, less indented. */
  private static Line parent(List<Line> lines, Line l) {
    for (Line p = above(lines, l); p != null; p = above(lines, p)) {
      if (p.indent < l.indent && p.isKey()) {
        return p;
      }
      if (p.indent < l.indent && p.dash) {
        return null;
      }
    }
    return null;
  }

  /** The list item ({@code - key: ...}) nearest above, within the same block, or null. */
  private static Line itemAbove(List<Line> lines, Line l) {
    for (Line p = above(lines, l); p != null; p = above(lines, p)) {
      if (p.dash) {
        return p;
      }
      if (p.indent < l.indent) {
        return null;
      }
    }
    return null;
  }
}
