package nl.wijktoets.proposal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijktoets.exact.Fraction;

/**
 * Reads an amount of euros written as text, by its shape: an optional {@code €} or {@code EUR};
 * digits with {@code .} or space (Dutch) or {@code ,} (English) as thousands separators; an
 * optional decimal part; an optional {@code ,-}. Where both {@code .} and {@code ,} occur, the last
 * is the decimal mark; a single separator followed by exactly three digits is a thousands
 * separator, followed by one or two digits it is the decimal mark.
 */
public final class Amounts {

  private static final Pattern SHAPE =
      Pattern.compile(
          "(?i)^(?:€|eur)?\\s*([-+]?)\\s*(?:€|eur)?\\s*([0-9][0-9., \\u00A0\\u202F]*?)\\s*(?:,-|\\.-)?$");
  private static final Pattern GROUPED =
      Pattern.compile("[0-9]{1,3}(?:[ .,\\u00A0\\u202F][0-9]{3})*");

  private Amounts() {}

  /** The amount the text stands for, or empty when it has no amount's shape. */
  /** Longer text is never an amount (and is not matched at all, to keep the check linear). */
  static final int MAX_LENGTH = 60;

  public static Optional<Fraction> parse(String written) {
    if (written.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = SHAPE.matcher(written.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String sign = m.group(1);
    String body = m.group(2).replace('\u00A0', ' ').replace('\u202F', ' ');
    int lastDot = body.lastIndexOf('.');
    int lastComma = body.lastIndexOf(',');
    String integerPart;
    String decimals = "";
    if (lastDot >= 0 && lastComma >= 0) {
      int mark = Math.max(lastDot, lastComma);
      integerPart = body.substring(0, mark);
      decimals = body.substring(mark + 1);
      char thousands = mark == lastDot ? ',' : '.';
      if (integerPart.indexOf(body.charAt(mark)) >= 0) {
        return Optional.empty(); // the decimal mark twice
      }
      if (!GROUPED.matcher(integerPart).matches()
          || integerPart.chars().anyMatch(c -> c != thousands && c != ' ' && !isDigit(c))) {
        return Optional.empty();
      }
    } else if (lastDot >= 0 || lastComma >= 0) {
      char sep = lastDot >= 0 ? '.' : ',';
      int count = (int) body.chars().filter(c -> c == sep).count();
      String after = body.substring(body.lastIndexOf(sep) + 1);
      if (count == 1 && (after.length() == 1 || after.length() == 2)) {
        integerPart = body.substring(0, body.lastIndexOf(sep));
        decimals = after;
        if (!GROUPED.matcher(integerPart).matches() && !integerPart.matches("[0-9]+")) {
          return Optional.empty();
        }
      } else {
        integerPart = body;
        if (!GROUPED.matcher(integerPart).matches()) {
          return Optional.empty();
        }
      }
    } else {
      integerPart = body;
      if (!integerPart.matches("[0-9]+") && !GROUPED.matcher(integerPart).matches()) {
        return Optional.empty();
      }
    }
    if (!decimals.matches("[0-9]*")) {
      return Optional.empty();
    }
    String digits = integerPart.replaceAll("[^0-9]", "");
    if (digits.isEmpty() || digits.length() + decimals.length() > Fraction.MAX_DIGITS) {
      return Optional.empty();
    }
    Fraction value = Fraction.parse(digits + (decimals.isEmpty() ? "" : "." + decimals));
    return Optional.of("-".equals(sign) ? value.negate() : value);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Whether a YAML number looks like a Dutch thousands separator: exactly three digits after the
   * point ({@code 12.500}).
   */
  public static boolean looksLikeDutchThousands(String numberText) {
    return numberText.matches("[-+]?[0-9]+\\.[0-9]{3}");
  }
}
