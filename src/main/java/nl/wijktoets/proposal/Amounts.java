package nl.wijktoets.proposal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijktoets.exact.Fraction;

/**
 * Reads numbers the way a Dutch working group writes them, the same for a YAML proposal and a batch
 * CSV cell.
 *
 * <p>Amounts of euros written as text are read by their shape: an optional {@code €}, {@code EUR}
 * or {@code euro} (before or after the number); digits with {@code .} or space (Dutch) or {@code ,}
 * (English) as thousands separators; an optional decimal part; an optional {@code ,-}. Where both
 * {@code .} and {@code ,} occur, the last is the decimal mark; a single separator followed by
 * exactly three digits is a thousands separator (when the digits before it are a group: 1 to 3
 * digits, not starting with 0), followed by one or two digits it is the decimal mark.
 *
 * <p>Euros never have three decimals, so an amount with exactly three digits after its decimal mark
 * is read as thousands when it has the shape of a thousands group ({@code 60.000} is 60000, also as
 * a YAML number) and is an error otherwise ({@code 0.500}, {@code 12345.678}).
 *
 * <p>Other numbers (hours, years) written as text may use a decimal comma ({@code 12,5}); counts
 * are whole numbers.
 */
public final class Amounts {

  private static final Pattern SHAPE =
      Pattern.compile(
          "(?i)^(?:€|euro?)?\\s*([-+]?)\\s*(?:€|euro?)?\\s*([0-9][0-9., \\u00A0\\u202F]*?)\\s*(?:,-|\\.-)?"
              + "\\s*(?:€|euro?)?$");

  /** Thousands groups: the first of 1 to 3 digits not starting with 0, then groups of 3. */
  private static final Pattern GROUPED =
      Pattern.compile("[1-9][0-9]{0,2}(?:[ .,\\u00A0\\u202F][0-9]{3})*");

  /** A YAML number that is Dutch for thousands: {@code 60.000}, {@code 1.250}. */
  private static final Pattern DUTCH_THOUSANDS =
      Pattern.compile("([-+]?)([1-9][0-9]{0,2})\\.([0-9]{3})");

  /** A plain decimal number with exactly three decimals: {@code 0.500}, {@code 12345.678}. */
  private static final Pattern THREE_DECIMALS = Pattern.compile("[-+]?[0-9]*[.,][0-9]{3}");

  /** A count written as text. */
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

  private Amounts() {}

  /** Longer text is never an amount (and is not matched at all, to keep the check linear). */
  static final int MAX_LENGTH = 60;

  /** An amount read from text: its value and whether Dutch conventions were used to read it. */
  public record Reading(Fraction value, boolean dutch) {}

  /** The amount the text stands for, or empty when it has no amount's shape. */
  public static Optional<Fraction> parse(String written) {
    return read(written).map(Reading::value);
  }

  /**
   * The amount the text stands for, with whether it was written the Dutch way (a point between
   * thousands, a decimal comma); empty when the text has no amount's shape or three decimals.
   */
  public static Optional<Reading> read(String written) {
    if (written.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    // the usual case, plain digits (batch reads one per revenue item): read without a pattern
    long plain = plainDigits(written);
    if (plain >= 0) {
      return Optional.of(new Reading(Fraction.of(plain), false));
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
    boolean dutch;
    if (lastDot >= 0 && lastComma >= 0) {
      int mark = Math.max(lastDot, lastComma);
      integerPart = body.substring(0, mark);
      decimals = body.substring(mark + 1);
      char thousands = mark == lastDot ? ',' : '.';
      dutch = thousands == '.';
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
        dutch = sep == ',';
        if (!GROUPED.matcher(integerPart).matches() && !integerPart.matches("[0-9]+")) {
          return Optional.empty();
        }
      } else {
        // thousands separators only: 1.250, 1,250, 1.250.000 (0.500 and 12345.678 are no groups)
        integerPart = body;
        dutch = sep == '.';
        if (!GROUPED.matcher(integerPart).matches()) {
          return Optional.empty();
        }
      }
    } else {
      integerPart = body;
      dutch = false;
      if (!integerPart.matches("[0-9]+") && !GROUPED.matcher(integerPart).matches()) {
        return Optional.empty();
      }
    }
    if (!decimals.matches("[0-9]*") || decimals.length() == 3) {
      return Optional.empty(); // euros never have three decimals: 1.234,567 is no amount
    }
    String digits = integerPart.replaceAll("[^0-9]", "");
    if (digits.isEmpty() || digits.length() + decimals.length() > Fraction.MAX_DIGITS) {
      return Optional.empty();
    }
    Fraction value = Fraction.parse(digits + (decimals.isEmpty() ? "" : "." + decimals));
    return Optional.of(new Reading("-".equals(sign) ? value.negate() : value, dutch));
  }

  /** The value of one to eighteen ASCII digits and nothing else, or -1. */
  private static long plainDigits(String s) {
    int length = s.length();
    if (length == 0 || length > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The amount a YAML number stands for when it is Dutch for thousands ({@code 60.000} is 60000:
   * one to three digits, not starting with 0, a point and exactly three digits), else empty.
   */
  public static Optional<Fraction> dutchThousands(String numberText) {
    Matcher m = DUTCH_THOUSANDS.matcher(numberText.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Fraction value = Fraction.parse(m.group(2) + m.group(3));
    return Optional.of("-".equals(m.group(1)) ? value.negate() : value);
  }

  /**
   * Whether a written amount has exactly three decimals ({@code 0.500}, {@code 12345.678}, {@code
   * 1.234,567}) and so is no amount of euros, unless it is Dutch for thousands.
   */
  public static boolean hasThreeDecimals(String written) {
    String t = written.strip();
    int mark = Math.max(t.lastIndexOf('.'), t.lastIndexOf(','));
    if (mark < 0 || t.length() > MAX_LENGTH) {
      return false;
    }
    String tail = t.substring(mark);
    return THREE_DECIMALS.matcher(tail).matches()
        && dutchThousands(t).isEmpty()
        && read(t).isEmpty();
  }

  /**
   * A number of hours or years written as text: digits with an optional decimal point or Dutch
   * decimal comma ({@code 12,5} is 12.5), else empty.
   */
  public static Optional<Reading> decimal(String written) {
    // one to nine digits, then optionally the mark and one to six digits: read in one pass, since
    // batch reads hours and years in every row ([0-9]{1,9}([.,][0-9]{1,6})?)
    String t = written.strip();
    long whole = 0;
    long decimals = 0;
    long scale = 1;
    int digits = 0;
    int decimalDigits = -1; // -1: no decimal mark yet
    char mark = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        if (decimalDigits < 0) {
          whole = whole * 10 + (c - '0');
          digits++;
        } else {
          decimals = decimals * 10 + (c - '0');
          scale *= 10;
          decimalDigits++;
        }
        if (digits > 9 || decimalDigits > 6) {
          return Optional.empty();
        }
      } else if ((c == '.' || c == ',') && decimalDigits < 0 && digits > 0) {
        decimalDigits = 0;
        mark = c;
      } else {
        return Optional.empty();
      }
    }
    if (digits == 0 || decimalDigits == 0) {
      return Optional.empty();
    }
    return Optional.of(new Reading(Fraction.of(whole * scale + decimals, scale), mark == ','));
  }

  /** A count written as text ({@code 12}), else empty. */
  public static Optional<Fraction> whole(String written) {
    String t = written.strip();
    return WHOLE.matcher(t).matches() ? Optional.of(Fraction.parse(t)) : Optional.empty();
  }
}
