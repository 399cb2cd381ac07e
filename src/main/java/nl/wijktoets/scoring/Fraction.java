package nl.wijktoets.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact rational number over {@link BigInteger}, always in lowest terms with a positive
 * denominator. Scoring uses it everywhere instead of floating point.
 */
public record Fraction(BigInteger numerator, BigInteger denominator)
    implements Comparable<Fraction> {

  public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
  public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

  /** Largest number of digits (before or after the point) an exact decimal may have. */
  public static final int MAX_DIGITS = 40;

  private static final Pattern DECIMAL =
      Pattern.compile("([-+]?)([0-9]*)(?:\\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?");
  private static final Pattern RATIO = Pattern.compile("([-+]?[0-9]+)\\s*/\\s*([0-9]+)");

  public Fraction {
    if (denominator.signum() == 0) {
      throw new ArithmeticException("denominator is zero");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    if (!denominator.equals(BigInteger.ONE)) { // whole numbers (most values) need no reduction
      BigInteger gcd = numerator.gcd(denominator);
      if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
        numerator = numerator.divide(gcd);
        denominator = denominator.divide(gcd);
      }
    }
    if (numerator.signum() == 0) {
      denominator = BigInteger.ONE;
    }
  }

  private static final Fraction[] SMALL = new Fraction[257];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new Fraction(BigInteger.valueOf(i), BigInteger.ONE);
    }
  }

  public static Fraction of(long value) {
    if (value >= 0 && value < SMALL.length && SMALL[(int) value] != null) {
      return SMALL[(int) value];
    }
    return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
  }

  public static Fraction of(long numerator, long denominator) {
    return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  public static Fraction of(BigDecimal value) {
    if (value.scale() <= 0) {
      return new Fraction(value.toBigIntegerExact(), BigInteger.ONE);
    }
    return new Fraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
  }

  /**
   * Parses a decimal ({@code 12.5}, {@code 1e3}) or a ratio ({@code 7/20}) exactly.
   *
   * @throws NumberFormatException when the text is not such a number, or has more than {@link
   *     #MAX_DIGITS} digits or an exponent that would give one
   */
  public static Fraction parse(String text) {
    String t = text.strip();
    Matcher ratio = RATIO.matcher(t);
    if (ratio.matches()) {
      if (ratio.group(1).length() > MAX_DIGITS || ratio.group(2).length() > MAX_DIGITS) {
        throw new NumberFormatException("too many digits: " + text);
      }
      BigInteger den = new BigInteger(ratio.group(2));
      if (den.signum() == 0) {
        throw new NumberFormatException("division by zero: " + text);
      }
      return new Fraction(new BigInteger(ratio.group(1)), den);
    }
    Matcher m = DECIMAL.matcher(t);
    if (!m.matches()) {
      throw new NumberFormatException("not a number: " + text);
    }
    String intPart = m.group(2);
    String fracPart = m.group(3) == null ? "" : m.group(3);
    if (intPart.isEmpty() && fracPart.isEmpty()) {
      throw new NumberFormatException("not a number: " + text);
    }
    if (intPart.length() + fracPart.length() > MAX_DIGITS) {
      throw new NumberFormatException("too many digits: " + text);
    }
    int exponent = 0;
    if (m.group(4) != null) {
      String e = m.group(4);
      if (e.replaceFirst("^[-+]?0*", "").length() > 3) {
        throw new NumberFormatException("exponent too large: " + text);
      }
      exponent = Integer.parseInt(e);
    }
    int scale = fracPart.length() - exponent;
    if (Math.abs(scale) > MAX_DIGITS) {
      throw new NumberFormatException("exponent too large: " + text);
    }
    BigInteger unscaled = new BigInteger(intPart + fracPart);
    if ("-".equals(m.group(1))) {
      unscaled = unscaled.negate();
    }
    return scale >= 0
        ? new Fraction(unscaled, BigInteger.TEN.pow(scale))
        : new Fraction(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
  }

  public Fraction plus(Fraction o) {
    if (denominator.equals(o.denominator)) {
      return new Fraction(numerator.add(o.numerator), denominator);
    }
    return new Fraction(
        numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  public Fraction minus(Fraction o) {
    return plus(o.negate());
  }

  public Fraction times(Fraction o) {
    return new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
  }

  public Fraction times(long n) {
    return times(of(n));
  }

  public Fraction dividedBy(Fraction o) {
    if (o.numerator.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return new Fraction(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
  }

  public Fraction dividedBy(long n) {
    return dividedBy(of(n));
  }

  public Fraction negate() {
    return new Fraction(numerator.negate(), denominator);
  }

  public int signum() {
    return numerator.signum();
  }

  public boolean isZero() {
    return numerator.signum() == 0;
  }

  public boolean isInteger() {
    return denominator.equals(BigInteger.ONE);
  }

  /** The largest whole number not greater than this value. */
  public BigInteger floor() {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  public boolean lessThan(Fraction o) {
    return compareTo(o) < 0;
  }

  public boolean greaterThan(Fraction o) {
    return compareTo(o) > 0;
  }

  public boolean atLeast(Fraction o) {
    return compareTo(o) >= 0;
  }

  public boolean atMost(Fraction o) {
    return compareTo(o) <= 0;
  }

  public static Fraction max(Fraction a, Fraction b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  public static Fraction min(Fraction a, Fraction b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public int compareTo(Fraction o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }

  /** This value rounded half up (away from zero on ties) to {@code scale} decimal places. */
  public BigDecimal round(int scale) {
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
  }

  /**
   * This value rounded half up to at most {@code maxScale} decimals, without trailing zeros ({@code
   * 4.50} prints as {@code 4.5}, {@code 24.00} as {@code 24}).
   */
  public String toPlainString(int maxScale) {
    BigDecimal d = round(maxScale).stripTrailingZeros();
    if (d.scale() < 0) {
      d = d.setScale(0);
    }
    return d.toPlainString();
  }

  @Override
  public String toString() {
    return isInteger() ? numerator.toString() : numerator + "/" + denominator;
  }
}
