package nl.wijktoets.i18n;

import java.util.ArrayList;
import java.util.List;

/**
 * Text for a reader with its marks kept as structure: each span is either the author's own
 * <em>words</em> (a message pattern, a rubric text, a template's fixed text), a <em>value</em>
 * inserted into them (a number, a name, anything from a proposal), or <em>code</em> (a key, a YAML
 * path, a value as typed). Every output renders the marks its own way: Markdown writes words as
 * they are, escapes values where Markdown would read them as markup, and writes code as an inline
 * code span; HTML escapes everything and writes code as {@code <code>}; text, SARIF, JUnit, GitHub
 * and JSON output use {@link #plain()}, the text without any mark.
 *
 * <p><b>How a message marks code.</b> In a message pattern (the bundles {@code
 * messages_*.properties}) a stretch between two backticks is code: {@code key `{0}` appears twice}
 * marks the argument {@code {0}} as code, {@code start from `wijktoets init`} marks the fixed words
 * as code. An argument outside backticks is a value. Mark as code every argument that is a key, a
 * YAML path, a field or a value as the user typed it; leave words and numbers in sentences
 * unmarked. The backticks themselves never reach any output; a pattern has no other use for them.
 */
public record MarkedText(List<Span> spans) {

  /** What a span of text is. */
  public enum Kind {
    /** The author's own words: written as they are (Markdown), escaped as text (HTML). */
    WORDS,
    /** A value inserted into the words: escaped wherever an output would read it as markup. */
    VALUE,
    /** A key, path or value as typed: a code span in Markdown, {@code <code>} in HTML. */
    CODE
  }

  /** One stretch of text of one kind. */
  public record Span(Kind kind, String text) {
    public Span {
      if (kind == null || text == null) {
        throw new IllegalArgumentException("span needs a kind and a text");
      }
    }
  }

  public static final MarkedText EMPTY = new MarkedText(List.of());

  public MarkedText {
    List<Span> merged = new ArrayList<>(spans.size());
    for (Span s : spans) {
      if (s.text().isEmpty()) {
        continue;
      }
      int last = merged.size() - 1;
      if (last >= 0 && merged.get(last).kind() == s.kind() && s.kind() != Kind.CODE) {
        merged.set(last, new Span(s.kind(), merged.get(last).text() + s.text()));
      } else {
        merged.add(s);
      }
    }
    spans = List.copyOf(merged);
  }

  public static MarkedText words(String text) {
    return of(Kind.WORDS, text);
  }

  public static MarkedText value(String text) {
    return of(Kind.VALUE, text);
  }

  public static MarkedText code(String text) {
    return of(Kind.CODE, text);
  }

  private static MarkedText of(Kind kind, String text) {
    return text == null || text.isEmpty() ? EMPTY : new MarkedText(List.of(new Span(kind, text)));
  }

  /** This text followed by another. */
  public MarkedText plus(MarkedText other) {
    if (other.spans.isEmpty()) {
      return this;
    }
    if (spans.isEmpty()) {
      return other;
    }
    List<Span> all = new ArrayList<>(spans);
    all.addAll(other.spans);
    return new MarkedText(all);
  }

  /** This text followed by words. */
  public MarkedText plusWords(String words) {
    return plus(words(words));
  }

  /** Several texts joined by a separator in words (", "). */
  public static MarkedText join(List<MarkedText> parts, String separator) {
    List<Span> all = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        all.add(new Span(Kind.WORDS, separator));
      }
      all.addAll(parts.get(i).spans);
    }
    return new MarkedText(all);
  }

  /** The text without any mark: for text, SARIF, JUnit, GitHub and JSON output. */
  public String plain() {
    if (spans.size() == 1) {
      return spans.get(0).text();
    }
    StringBuilder out = new StringBuilder();
    spans.forEach(s -> out.append(s.text()));
    return out.toString();
  }

  public boolean isEmpty() {
    return spans.isEmpty();
  }

  /** The same text with every span turned into a value (text from an untrusted source). */
  public MarkedText asValue() {
    return new MarkedText(
        spans.stream()
            .map(s -> s.kind() == Kind.WORDS ? new Span(Kind.VALUE, s.text()) : s)
            .toList());
  }

  @Override
  public String toString() {
    return plain();
  }

  /**
   * A message pattern with its arguments: the pattern's words, stretches between backticks as code,
   * and {@code {0}}..{@code {n}} replaced by the arguments (as values, or as code between
   * backticks). An argument that is itself a {@link MarkedText} keeps its marks outside backticks.
   * Placeholders are replaced literally: no quoting rules, so Dutch apostrophes need no escaping.
   */
  public static MarkedText fill(String pattern, Object... args) {
    List<Span> out = new ArrayList<>();
    boolean code = false;
    StringBuilder words = new StringBuilder();
    StringBuilder codeText = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '`') {
        if (code) {
          out.add(new Span(Kind.CODE, codeText.toString()));
          codeText.setLength(0);
        } else if (words.length() > 0) {
          out.add(new Span(Kind.WORDS, words.toString()));
          words.setLength(0);
        }
        code = !code;
        i++;
        continue;
      }
      int close = c == '{' ? placeholderEnd(pattern, i, args.length) : -1;
      if (close > 0) {
        Object arg = args[Integer.parseInt(pattern.substring(i + 1, close))];
        if (code) {
          codeText.append(arg instanceof MarkedText m ? m.plain() : String.valueOf(arg));
        } else {
          if (words.length() > 0) {
            out.add(new Span(Kind.WORDS, words.toString()));
            words.setLength(0);
          }
          if (arg instanceof MarkedText m) {
            out.addAll(m.spans);
          } else {
            out.add(new Span(Kind.VALUE, String.valueOf(arg)));
          }
        }
        i = close + 1;
        continue;
      }
      (code ? codeText : words).append(c);
      i++;
    }
    if (code) {
      // an unpaired backtick is a typing error in a bundle: keep the text, unmarked
      words.append('`').append(codeText);
    }
    if (words.length() > 0) {
      out.add(new Span(Kind.WORDS, words.toString()));
    }
    return new MarkedText(out);
  }

  /** The index of the {@code }} closing a placeholder {@code {n}} at {@code i}, or -1. */
  private static int placeholderEnd(String pattern, int i, int argCount) {
    int close = pattern.indexOf('}', i);
    if (close <= i + 1 || close > i + 3) {
      return -1;
    }
    for (int k = i + 1; k < close; k++) {
      if (pattern.charAt(k) < '0' || pattern.charAt(k) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(pattern.substring(i + 1, close)) < argCount ? close : -1;
  }
}
