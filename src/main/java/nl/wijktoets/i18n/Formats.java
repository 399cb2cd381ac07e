package nl.wijktoets.i18n;

import java.math.BigDecimal;
import nl.wijktoets.exact.Fraction;

/**
 * Numbers as a report in a language writes them, never by the machine's locale: Dutch {@code 92,8}
 * and {@code € 227.958}, English {@code 92.8} and {@code €227,958}. Rounding is half up.
 */
public final class Formats {

  private Formats() {}

  /**
   * Criterion points and lesson scores: at most two decimals ({@code 1,75}, {@code 4,5}, {@code
   * 24}).
   */
  public static String points(Fraction f, Language lang) {
    return decimal(f.toPlainString(2), lang);
  }

  /** Always two decimals ({@code 53,00}, {@code 73,75}): totals in a diff, so changes add up. */
  public static String twoDecimals(Fraction f, Language lang) {
    return decimal(f.round(2).setScale(2).toPlainString(), lang);
  }

  /** The total: always one decimal ({@code 92,8}, {@code 62,0}). */
  public static String total(Fraction f, Language lang) {
    return decimal(f.round(1).toPlainString(), lang);
  }

  /** A share as a percentage with at most one decimal ({@code 86,7%}, {@code 100%}). */
  public static String percent(Fraction share, Language lang) {
    return decimal(share.times(Fraction.of(100)).toPlainString(1), lang) + "%";
  }

  /** Euros, whole, with thousands grouped: {@code € 227.958} or {@code €227,958}. */
  public static String amount(Fraction f, Language lang) {
    BigDecimal whole = f.round(0);
    String digits = whole.abs().toPlainString();
    StringBuilder grouped = new StringBuilder();
    char sep = lang == Language.NL ? '.' : ',';
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        grouped.append(sep);
      }
      grouped.append(digits.charAt(i));
    }
    String sign = whole.signum() < 0 ? "-" : "";
    return lang == Language.NL ? sign + "€ " + grouped : sign + "€" + grouped;
  }

  /** A number with at most two decimals, in the language's decimal mark. */
  public static String number(Fraction f, Language lang) {
    return decimal(f.toPlainString(2), lang);
  }

  private static String decimal(String plain, Language lang) {
    return lang == Language.NL ? plain.replace('.', ',') : plain;
  }
}
