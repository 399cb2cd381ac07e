package nl.wijktoets.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * Freemarker has no Markdown output format; this is one, so escaping is automatic: every {@code
 * ${...}} in a Markdown template escapes Markdown syntax, and text from a proposal can never become
 * a link, emphasis, a heading, a table cell boundary or HTML.
 */
public final class MarkdownOutputFormat
    extends CommonMarkupOutputFormat<MarkdownOutputFormat.Model> {

  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

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

  /**
   * Escapes text for Markdown (CommonMark and GitHub Flavoured Markdown): every character with a
   * meaning gets a backslash, line breaks become spaces (so no block structure can be made), and a
   * value that starts like a list item or a numbered line is escaped at its start.
   */
  @Override
  public String escapePlainText(String plainText) {
    StringBuilder out = new StringBuilder(plainText.length() + 16);
    String text = plainText.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\',
            '`',
            '*',
            '_',
            '[',
            ']',
            '(',
            ')',
            '#',
            '|',
            '<',
            '>',
            '&',
            '~',
            '!',
            '{',
            '}' -> {
          out.append('\\').append(c);
        }
        case '-', '+', '=' -> {
          if (i == 0) {
            out.append('\\');
          }
          out.append(c);
        }
        case '.' -> {
          // "12. x" at the start would be a numbered list
          boolean endsWord = i + 1 == text.length() || text.charAt(i + 1) == ' ';
          if (endsWord && allDigits(text.substring(0, i))) {
            out.append('\\');
          }
          out.append(c);
        }
        default -> out.append(c);
      }
    }
    // GitHub and GitLab turn bare https://... and www.... into links: break both patterns
    return out.toString().replace("://", "\\://").replaceAll("(?i)\\b(www)\\.", "$1\\\\.");
  }

  private static boolean allDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
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
  public static final class Model extends CommonTemplateMarkupOutputModel<Model> {
    Model(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
