package nl.wijktoets.measure;

import nl.wijktoets.exact.Fraction;

/**
 * A value a measure read or computed, typed so it can be formatted per language: a share (shown as
 * a percentage), an amount of euros, a number, a count, a year, a text or yes or no.
 */
public record MeasuredValue(Kind kind, Object value) {

  public enum Kind {
    SHARE,
    AMOUNT,
    NUMBER,
    COUNT,
    YEAR,
    TEXT,
    /** Yes or no (a field such as {@code profit_reinvested}). */
    YES_NO
  }

  public static MeasuredValue share(Fraction f) {
    return new MeasuredValue(Kind.SHARE, f);
  }

  public static MeasuredValue amount(Fraction f) {
    return new MeasuredValue(Kind.AMOUNT, f);
  }

  public static MeasuredValue number(Fraction f) {
    return new MeasuredValue(Kind.NUMBER, f);
  }

  public static MeasuredValue count(long n) {
    return new MeasuredValue(Kind.COUNT, Fraction.of(n));
  }

  public static MeasuredValue count(Fraction n) {
    return new MeasuredValue(Kind.COUNT, n);
  }

  public static MeasuredValue year(int y) {
    return new MeasuredValue(Kind.YEAR, Fraction.of(y));
  }

  public static MeasuredValue text(String s) {
    return new MeasuredValue(Kind.TEXT, s);
  }

  public static MeasuredValue yesNo(boolean b) {
    return new MeasuredValue(Kind.YES_NO, b);
  }

  public boolean isNumeric() {
    return value instanceof Fraction;
  }

  public Fraction fraction() {
    return (Fraction) value;
  }
}
