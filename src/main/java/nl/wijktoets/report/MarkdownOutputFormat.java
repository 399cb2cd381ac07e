package nl.wijktoets.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.wijktoets.i18n.MarkedText;

/**
 * Freemarker has no Markdown output format; this is one, with minimal, context-aware escaping: a
 * character of an inserted value gets a backslash only where CommonMark (with GitHub's tables,
 * strikethrough and autolinks) would read it as markup in that very position, so a report read raw
 * in a terminal or an e-mail shows no stray backslashes, and text from a proposal can never become
 * a link, an image, HTML, emphasis, a heading, a list or an extra table cell.
 *
 * <p>Whether a character is markup depends on what surrounds it (the start of a line, a table row,
 * the characters on either side), which an {@code ${...}} cannot see while the template runs. So
 * escaping happens in two steps: while the template runs, every inserted value, every rubric or
 * message text ({@link MarkedText}) and every code mark is only <em>marked</em> with invisible
 * delimiters; {@link #finish} then reads each finished line whole and escapes the marked values
 * where needed, writes code marks as code spans, and drops the delimiters. {@link Templates#render}
 * calls it for every Markdown template.
 *
 * <p>What is escaped in a value, and only there:
 *
 * <ul>
 *   <li>{@code *}, {@code _} and {@code ~} runs that can open or close emphasis (so never a {@code
 *       _} inside a word such as {@code per_year}, never {@code 3 * 4});
 *   <li>{@code [} when a {@code ](} or {@code ][} follows in the same block, before {@code ^}, or
 *       at the start of a line (a link, a reference, a footnote, a task box), and {@code ]} before
 *       {@code (} or {@code [};
 *   <li>{@code <} before a letter, {@code /}, {@code !} or {@code ?} (HTML, comments, autolinks);
 *       {@code &} that starts an entity; every backtick; a backslash before punctuation or at the
 *       end of a line;
 *   <li>{@code |} in a table row (and in a line that could become one);
 *   <li>at the start of a line: {@code #}, {@code >}, {@code -}, {@code +}, {@code *} that start a
 *       heading, quote or list item, a thematic break or setext underline ({@code ---}, {@code
 *       ===}), {@code 1.}/{@code 1)}, a fence {@code ~~~}, and indentation (the first space as
 *       {@code &#32;});
 *   <li>bare URLs and e-mail addresses ({@code https://...}, {@code www....}, {@code a@b.nl}),
 *       which GitHub and GitLab would turn into links even with a backslash in them, are written as
 *       a code span: inert everywhere, and still readable.
 * </ul>
 *
 * <p>Never {@code (}, {@code )}, {@code !}, {@code #} or {@code .} in the middle of a line, a
 * {@code _} inside a word, or a {@code [} that cannot start a link. Words (the rubric's, the
 * template's, a message's) are written as they are; only a {@code |} in them is escaped in a table
 * row, so that a title cannot add a cell. Line breaks in inserted text become spaces.
 */
public final class MarkdownOutputFormat
    extends CommonMarkupOutputFormat<MarkdownOutputFormat.Model> {

  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

  // Invisible delimiters (Unicode noncharacters, never in a finished report): a value, words, code.
  static final char VALUE_START = '\uFDD0';
  static final char VALUE_END = '\uFDD1';
  static final char WORDS_START = '\uFDD2';
  static final char WORDS_END = '\uFDD3';
  static final char CODE_START = '\uFDD4';
  static final char CODE_END = '\uFDD5';

  private static final int TEMPLATE = 0;
  private static final int WORDS = 1;
  private static final int VALUE = 2;
  private static final int CODE = 3;

  private MarkdownOutputFormat() {}

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escapePlainText(textToEsc));
  }

  /** Marks a value for escaping; {@link #finish} escapes it where its position needs it. */
  @Override
  public String escapePlainText(String plainText) {
    return VALUE_START + clean(plainText) + VALUE_END;
  }

  /** A marked text as Markdown (still with delimiters, for {@link #finish}). */
  static String markup(MarkedText text) {
    StringBuilder out = new StringBuilder();
    for (MarkedText.Span s : text.spans()) {
      switch (s.kind()) {
        case WORDS -> out.append(WORDS_START).append(clean(s.text())).append(WORDS_END);
        case VALUE -> out.append(VALUE_START).append(clean(s.text())).append(VALUE_END);
        case CODE -> out.append(CODE_START).append(clean(s.text())).append(CODE_END);
      }
    }
    return out.toString();
  }

  /** A key, path or value as typed, as a code span (still with delimiters, for {@link #finish}). */
  static String code(String text) {
    return CODE_START + clean(text) + CODE_END;
  }

  /** Line breaks become spaces (no block structure from a value); stray delimiters are dropped. */
  private static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char r =
          c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\f'
              ? ' '
              : c >= '\uFDD0' && c <= '\uFDEF' ? '\uFFFD' : c;
      if (r != c && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.append(r);
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * Escapes the marked values of a finished Markdown document where their position needs it, writes
   * code marks as code spans and drops every delimiter.
   */
  public static String finish(String doc) {
    boolean marked = false;
    for (int i = 0; i < doc.length() && !marked; i++) {
      char c = doc.charAt(i);
      marked = c >= VALUE_START && c <= CODE_END;
    }
    if (!marked) {
      return doc;
    }
    Line[] lines = doc.lines().map(Line::parse).toArray(Line[]::new);
    boolean[] table = tableRows(lines);
    StringBuilder out = new StringBuilder(doc.length() + 64);
    for (int i = 0; i < lines.length; i++) {
      boolean pipes = table[i];
      new LineWriter(lines, i, pipes, out).write();
      out.append('\n');
    }
    if (!doc.endsWith("\n") && out.length() > 0) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------

  /** A line with its delimiters removed and, per character, what it is (template, words, ...). */
  record Line(String text, int[] kind, int[] group) {

    static Line parse(String raw) {
      StringBuilder text = new StringBuilder(raw.length());
      int[] kind = new int[raw.length()];
      int[] group = new int[raw.length()];
      int[] stack = new int[16];
      int depth = 0;
      int groups = 0;
      int currentGroup = 0;
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        switch (c) {
          case VALUE_START, WORDS_START, CODE_START -> {
            if (depth < stack.length) {
              stack[depth] = c == VALUE_START ? VALUE : c == WORDS_START ? WORDS : CODE;
            }
            depth++;
            currentGroup = ++groups;
          }
          case VALUE_END, WORDS_END, CODE_END -> {
            depth = Math.max(0, depth - 1);
            currentGroup = ++groups;
          }
          default -> {
            int k = depth == 0 ? TEMPLATE : stack[Math.min(depth, stack.length) - 1];
            kind[text.length()] = k;
            group[text.length()] = currentGroup;
            text.append(c);
          }
        }
      }
      int n = text.length();
      return new Line(text.toString(), Arrays.copyOf(kind, n), Arrays.copyOf(group, n));
    }

    int length() {
      return text.length();
    }

    char at(int i) {
      return text.charAt(i);
    }

    boolean isBlank() {
      return text.isBlank();
    }
  }

  private static final Pattern DELIMITER_ROW =
      Pattern.compile("^ {0,3}\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");

  /**
   * Which lines are, or could become, table rows: a line followed by a delimiter row ({@code
   * |---|---:|}) starts a table that runs to the next blank line; a line that is itself a delimiter
   * row, or precedes one, counts too.
   */
  private static boolean[] tableRows(Line[] lines) {
    boolean[] rows = new boolean[lines.length];
    boolean inTable = false;
    for (int i = 0; i < lines.length; i++) {
      boolean delimiter =
          DELIMITER_ROW.matcher(lines[i].text()).matches() && lines[i].text().contains("-");
      boolean nextDelimiter =
          i + 1 < lines.length
              && DELIMITER_ROW.matcher(lines[i + 1].text()).matches()
              && lines[i + 1].text().contains("-");
      if (lines[i].isBlank()) {
        inTable = false;
      } else if (nextDelimiter && lines[i].text().indexOf('|') >= 0) {
        inTable = true;
      }
      rows[i] = inTable || delimiter || nextDelimiter;
    }
    return rows;
  }

  /** Writes one line: template and words as they are, values escaped, code as code spans. */
  private static final class LineWriter {
    private final Line[] lines;
    private final int index;
    private final Line line;
    private final boolean pipes;
    private final StringBuilder out;
    private final int[] kind;
    private final int[] group;
    private final boolean[] escape;
    private final int contentStart;
    private boolean afterListMarker;

    LineWriter(Line[] lines, int index, boolean pipes, StringBuilder out) {
      this.lines = lines;
      this.index = index;
      this.line = lines[index];
      this.pipes = pipes;
      this.out = out;
      this.kind = line.kind().clone();
      this.group = line.group().clone();
      this.escape = new boolean[line.length()];
      markLinks();
      this.contentStart = contentStart();
    }

    /** Bare URLs and e-mail addresses in a value: the whole word becomes a code span. */
    private void markLinks() {
      int n = line.length();
      int i = 0;
      while (i < n) {
        if (kind[i] != VALUE || isSpace(line.at(i))) {
          i++;
          continue;
        }
        int end = i;
        while (end < n && kind[end] == VALUE && !isSpace(line.at(end))) {
          end++;
        }
        if (linkLike(line.text().substring(i, end))) {
          for (int k = i; k < end; k++) {
            kind[k] = CODE;
            group[k] = -1 - i; // one code span per word
          }
        }
        i = end;
      }
    }

    private static boolean linkLike(String word) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.contains("://") || w.contains("www.")) {
        return true;
      }
      int at = w.indexOf('@');
      return at > 0 && w.indexOf('.', at + 2) > 0;
    }

    /** Where the line's content starts, after indentation and quote or list markers. */
    private int contentStart() {
      int n = line.length();
      int i = 0;
      while (true) {
        while (i < n && kind[i] != VALUE && kind[i] != CODE && isSpace(line.at(i))) {
          i++;
        }
        if (i >= n || kind[i] == VALUE || kind[i] == CODE) {
          return i;
        }
        char c = line.at(i);
        if (c == '>') {
          i++;
          continue;
        }
        if ((c == '-' || c == '+' || c == '*') && (i + 1 == n || isSpace(line.at(i + 1)))) {
          i++;
          afterListMarker = true;
          continue;
        }
        int d = i;
        while (d < n && d - i < 9 && kind[d] != VALUE && isDigit(line.at(d))) {
          d++;
        }
        if (d > i
            && d < n
            && kind[d] != VALUE
            && (line.at(d) == '.' || line.at(d) == ')')
            && (d + 1 == n || isSpace(line.at(d + 1)))) {
          i = d + 1;
          afterListMarker = true;
          continue;
        }
        return i;
      }
    }

    void write() {
      decideLineStart();
      decideInline();
      int n = line.length();
      int i = 0;
      while (i < n) {
        int k = kind[i];
        if (k == CODE) {
          int g = group[i];
          int end = i;
          while (end < n && kind[end] == CODE && group[end] == g) {
            end++;
          }
          codeSpan(line.text().substring(i, end));
          i = end;
          continue;
        }
        char c = line.at(i);
        if (k == VALUE && i == contentStart && (c == ' ' || c == '\t')) {
          out.append(c == ' ' ? "&#32;" : "&#9;"); // no indented code block from a value
        } else {
          if (escape[i]) {
            out.append('\\');
          }
          out.append(c);
        }
        i++;
      }
    }

    /** A code span: a fence longer than any backtick run inside, padded where CommonMark strips. */
    private void codeSpan(String s) {
      int longest = 0;
      int run = 0;
      for (int i = 0; i < s.length(); i++) {
        run = s.charAt(i) == '`' ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      String fence = "`".repeat(longest + 1);
      boolean pad =
          s.startsWith("`")
              || s.endsWith("`")
              || (s.startsWith(" ") && s.endsWith(" ") && !s.isBlank());
      String body = pipes ? s.replace("|", "\\|") : s;
      out.append(fence).append(pad ? " " : "").append(body).append(pad ? " " : "").append(fence);
    }

    /** Escapes at the start of the content: headings, quotes, lists, breaks, fences. */
    private void decideLineStart() {
      int i = contentStart;
      int n = line.length();
      if (i >= n || kind[i] != VALUE) {
        return;
      }
      String rest = line.text().substring(i);
      char c = line.at(i);
      switch (c) {
        case '#' -> {
          int hashes = 0;
          while (i + hashes < n && line.at(i + hashes) == '#') {
            hashes++;
          }
          if (hashes <= 6 && (i + hashes == n || isSpace(line.at(i + hashes)))) {
            escape[i] = true;
          }
        }
        case '>' -> escape[i] = true;
        case '-', '+', '*' -> {
          if (i + 1 == n
              || isSpace(line.at(i + 1))
              || THEMATIC.matcher(rest).matches()
              || SETEXT.matcher(rest).matches()) {
            escape[i] = true;
          }
        }
        case '_' -> escape[i] |= THEMATIC.matcher(rest).matches();
        case '=' -> escape[i] |= SETEXT.matcher(rest).matches();
        case '~' -> escape[i] |= rest.startsWith("~~~");
        case '[' ->
            escape[i] |=
                DEFINITION.matcher(rest).lookingAt()
                    || (afterListMarker && TASK_BOX.matcher(rest).lookingAt());
        default -> {
          int d = i;
          while (d < n && d - i < 9 && isDigit(line.at(d))) {
            d++;
          }
          if (d > i
              && d < n
              && kind[d] == VALUE
              && (line.at(d) == '.' || line.at(d) == ')')
              && (d + 1 == n || isSpace(line.at(d + 1)))) {
            escape[d] = true;
          }
        }
      }
    }

    /** Escapes anywhere in a value: emphasis, links, HTML, entities, code, backslashes, pipes. */
    private void decideInline() {
      int n = line.length();
      for (int i = 0; i < n; i++) {
        if (kind[i] == WORDS && pipes && line.at(i) == '|' && !escapedInWords(i)) {
          escape[i] = true;
        }
        if (kind[i] != VALUE) {
          continue;
        }
        char c = line.at(i);
        switch (c) {
          case '\\' -> escape[i] |= i + 1 == n || isAsciiPunctuation(line.at(i + 1));
          case '`' -> escape[i] = true;
          case '*', '_', '~' -> {
            int start = i;
            while (start > 0 && line.at(start - 1) == c && kind[start - 1] != CODE) {
              start--;
            }
            int end = i;
            while (end < n && line.at(end) == c && kind[end] != CODE) {
              end++;
            }
            if (delimiter(c, start, end)) {
              for (int k = start; k < end; k++) {
                if (kind[k] == VALUE) {
                  escape[k] = true;
                }
              }
            }
            i = end - 1;
          }
          case '[' -> escape[i] |= i + 1 < n && line.at(i + 1) == '^' || linkFollows(i);
          case ']' ->
              escape[i] |=
                  i + 1 < n
                      && (line.at(i + 1) == '(' || line.at(i + 1) == '[')
                      && openBracketBefore(i);
          case '<' ->
              escape[i] |=
                  i + 1 < n
                      && (isAsciiLetter(line.at(i + 1))
                          || line.at(i + 1) == '/'
                          || line.at(i + 1) == '!'
                          || line.at(i + 1) == '?');
          case '&' -> escape[i] |= ENTITY.matcher(line.text()).region(i, n).lookingAt();
          case '|' -> escape[i] |= pipes;
          default -> {}
        }
      }
    }

    /** Whether an unescaped {@code [} earlier on the line could pair with a {@code ]} here. */
    private boolean openBracketBefore(int i) {
      for (int k = 0; k < i; k++) {
        if (line.at(k) == '[' && kind[k] != CODE && !escape[k] && !escapedInWords(k)) {
          return true;
        }
      }
      return false;
    }

    /** Whether a {@code |} in words already has its backslash. */
    private boolean escapedInWords(int i) {
      int slashes = 0;
      while (i - slashes - 1 >= 0 && line.at(i - slashes - 1) == '\\') {
        slashes++;
      }
      return slashes % 2 == 1;
    }

    /** Whether a delimiter run {@code [start, end)} can open or close emphasis. */
    private boolean delimiter(char c, int start, int end) {
      char before = start == 0 ? ' ' : neighbour(start - 1);
      char after = end == line.length() ? ' ' : neighbour(end);
      boolean left =
          !isWhitespace(after)
              && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
      boolean right =
          !isWhitespace(before)
              && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
      if (c == '_') {
        boolean canOpen = left && (!right || isPunctuation(before));
        boolean canClose = right && (!left || isPunctuation(after));
        return canOpen || canClose;
      }
      return left || right;
    }

    /** A neighbouring character as the parser will see it (a code span starts with a backtick). */
    private char neighbour(int i) {
      return kind[i] == CODE ? '`' : line.at(i);
    }

    /** Whether a {@code ](} or {@code ][} follows in the same block, so a link could start. */
    private boolean linkFollows(int i) {
      if (closesLink(line.text(), i + 1)) {
        return true;
      }
      for (int j = index + 1; j < lines.length && !lines[j].isBlank(); j++) {
        if (closesLink(lines[j].text(), 0)) {
          return true;
        }
      }
      return false;
    }

    private static boolean closesLink(String s, int from) {
      for (int k = s.indexOf(']', from); k >= 0; k = s.indexOf(']', k + 1)) {
        if (k + 1 < s.length() && (s.charAt(k + 1) == '(' || s.charAt(k + 1) == '[')) {
          return true;
        }
      }
      return false;
    }
  }

  private static final Pattern THEMATIC = Pattern.compile("^(?:([-*_])[ \\t]*)(?:\\1[ \\t]*){2,}$");
  private static final Pattern DEFINITION = Pattern.compile("\\[[^\\]]*\\]:");
  private static final Pattern TASK_BOX = Pattern.compile("\\[[ xX]\\]");
  private static final Pattern SETEXT = Pattern.compile("^(?:=+|-+)[ \\t]*$");
  private static final Pattern ENTITY =
      Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/')
        || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }

  /** Unicode whitespace as CommonMark's flanking rules read it (a line end counts). */
  private static boolean isWhitespace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\f'
        || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  /** Unicode punctuation (and symbols) as CommonMark's flanking rules read it. */
  private static boolean isPunctuation(char c) {
    if (isAsciiPunctuation(c)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  public boolean isAutoEscapedByDefault() {
    return true;
  }

  @Override
  protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Model(plainTextContent, markupContent);
  }

  /** Markdown text held by a template (escaped or written as markup). */
  public static class Model extends CommonTemplateMarkupOutputModel<Model> {
    Model(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }

  /**
   * A {@link MarkedText} as a template sees it: written as Markdown by {@code ${...}} (words as
   * they are, values escaped, code as code spans), and its plain text for string built-ins ({@code
   * ?replace}, {@code ?length}, {@code ?has_content}).
   */
  static final class Marked extends Model implements TemplateScalarModel {
    private final String plain;

    Marked(MarkedText text) {
      super(text.plain(), markup(text));
      this.plain = text.plain();
    }

    @Override
    public String getAsString() {
      return plain;
    }
  }
}
