package nl.wijktoets.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact rational arithmetic: no binary floating point anywhere in scoring. */
class FractionTest {

  @Test
  void arithmeticIsExactAndInLowestTerms() {
    assertThat(Fraction.of(1, 3).plus(Fraction.of(1, 6))).isEqualTo(Fraction.of(1, 2));
    assertThat(Fraction.of(1, 3).plus(Fraction.of(1, 6))).hasToString("1/2");
    assertThat(Fraction.of(1, 10).plus(Fraction.of(2, 10))).isEqualTo(Fraction.of(3, 10));
    assertThat(Fraction.of(2, 3).minus(Fraction.of(1, 6))).isEqualTo(Fraction.of(1, 2));
    assertThat(Fraction.of(2, 3).times(Fraction.of(3, 4))).isEqualTo(Fraction.of(1, 2));
    assertThat(Fraction.of(1, 2).dividedBy(Fraction.of(1, 4))).isEqualTo(Fraction.of(2));
    assertThat(Fraction.of(6, -4)).isEqualTo(Fraction.of(-3, 2));
    assertThat(Fraction.of(6, -4).denominator()).isEqualTo(BigInteger.TWO);
    assertThat(Fraction.of(0, 7)).isEqualTo(Fraction.ZERO);
    assertThat(Fraction.of(1, 3).times(3)).isEqualTo(Fraction.ONE);
    assertThat(Fraction.of(683875, 3).isInteger()).isFalse();
    assertThat(Fraction.of(10, 5).isInteger()).isTrue();
  }

  @Test
  void comparisonsAreExact() {
    Fraction twoThirds = Fraction.parse("2/3");
    assertThat(Fraction.of(2, 3).atLeast(twoThirds)).isTrue();
    assertThat(Fraction.parse("0.667").greaterThan(twoThirds)).isTrue();
    assertThat(Fraction.parse("0.666").lessThan(twoThirds)).isTrue();
    assertThat(Fraction.of(1, 2).atMost(Fraction.parse("0.5"))).isTrue();
    assertThat(Fraction.of(1, 3).compareTo(Fraction.of(2, 6))).isZero();
    assertThat(Fraction.max(Fraction.of(1, 3), Fraction.of(1, 2))).isEqualTo(Fraction.of(1, 2));
    assertThat(Fraction.min(Fraction.of(1, 3), Fraction.of(1, 2))).isEqualTo(Fraction.of(1, 3));
  }

  @Test
  void floorRoundsTowardsMinusInfinity() {
    assertThat(Fraction.of(11, 3).floor()).isEqualTo(BigInteger.valueOf(3));
    assertThat(Fraction.of(12, 4).floor()).isEqualTo(BigInteger.valueOf(3));
    assertThat(Fraction.of(-1, 3).floor()).isEqualTo(BigInteger.valueOf(-1));
    // 4 x mean of (3/4, 3/4, 3/4) is exactly 3
    Fraction mean = Fraction.of(3, 4).times(3).dividedBy(3);
    assertThat(mean.times(4).floor()).isEqualTo(BigInteger.valueOf(3));
  }

  @ParameterizedTest
  @CsvSource({
    "7/20, 7, 20",
    "' 7 / 20 ', 7, 20",
    "0.35, 7, 20",
    "1e3, 1000, 1",
    "1E3, 1000, 1",
    "2.5e-1, 1, 4",
    "12.500, 25, 2",
    "-0.5, -1, 2",
    "+3, 3, 1",
    ".5, 1, 2",
    "10/4, 5, 2",
    "0, 0, 1"
  })
  void parsesDecimalsAndRatiosExactly(String text, long num, long den) {
    assertThat(Fraction.parse(text)).isEqualTo(Fraction.of(num, den));
  }

  @Test
  void parsedDecimalEqualsTheRatio() {
    assertThat(Fraction.parse("0.35")).isEqualTo(Fraction.parse("7/20"));
    assertThat(Fraction.parse("92.75")).isEqualTo(Fraction.of(371, 4));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e999999999",
        "1e-999999999",
        "1e99999999999999999999",
        "1e1000",
        "1/0",
        "abc",
        "",
        ".",
        "e5",
        "1,5",
        "12345678901234567890123456789012345678901234567890"
      })
  void refusesWhatIsNoNumberOrTooLargeQuickly(String text) {
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () ->
            assertThatThrownBy(() -> Fraction.parse(text))
                .isInstanceOf(NumberFormatException.class));
  }

  @Test
  void divisionByZeroIsAnError() {
    assertThatThrownBy(() -> Fraction.ONE.dividedBy(Fraction.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "20.25, 1, 20.3",
    "55.75, 1, 55.8",
    "92.75, 1, 92.8",
    "59.75, 1, 59.8",
    "62, 1, 62.0",
    "20.24, 1, 20.2",
    "1.125, 2, 1.13",
    "1/3, 2, 0.33",
    "2/3, 2, 0.67",
    "683875/3, 0, 227958"
  })
  void roundsHalfUp(String value, int scale, String expected) {
    assertThat(Fraction.parse(value).round(scale).toPlainString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "4.5, 4.5",
    "24, 24",
    "1.75, 1.75",
    "5.25, 5.25",
    "2/3, 0.67",
    "0.125, 0.13",
    "100, 100"
  })
  void plainStringWithoutTrailingZeros(String value, String expected) {
    assertThat(Fraction.parse(value).toPlainString(2)).isEqualTo(expected);
  }

  @Test
  void equalsOnlyAnotherFraction() {
    assertThat(Fraction.ONE.equals("1")).isFalse();
    assertThat(Fraction.ONE.equals(null)).isFalse();
    assertThat(Fraction.ONE.equals(Fraction.of(3, 3))).isTrue();
    assertThat(Fraction.of(1, 2)).isNotEqualTo(Fraction.of(1, 3));
    Fraction huge = Fraction.of(Long.MAX_VALUE).plus(Fraction.ONE);
    assertThat(huge).isNotEqualTo(Fraction.of(Long.MAX_VALUE)).isNotEqualTo(Fraction.ONE);
    assertThat(Fraction.of(Long.MAX_VALUE)).isNotEqualTo(huge);
  }

  @Test
  void onTiesMaxAndMinReturnTheFirst() {
    Fraction a = Fraction.of(1, 3);
    Fraction b = Fraction.of(2, 6);
    assertThat(a).isEqualTo(b).isNotSameAs(b);
    assertThat(Fraction.max(a, b)).isSameAs(a);
    assertThat(Fraction.min(a, b)).isSameAs(a);
    assertThat(Fraction.max(a, Fraction.ONE)).isSameAs(Fraction.ONE);
    assertThat(Fraction.min(Fraction.ONE, a)).isSameAs(a);
  }

  @Test
  void wholeNumbersFromZeroTo256AreShared() {
    assertThat(Fraction.of(0)).isSameAs(Fraction.ZERO);
    assertThat(Fraction.of(1)).isSameAs(Fraction.of(3, 3));
    assertThat(Fraction.of(256)).isSameAs(Fraction.of(512, 2));
    assertThat(Fraction.of(257)).isEqualTo(Fraction.of(514, 2)).hasToString("257");
    assertThat(Fraction.of(-1)).isEqualTo(Fraction.ONE.negate()).hasToString("-1");
    assertThat(Fraction.of(1, 2).times(2)).isSameAs(Fraction.of(1));
  }

  @ParameterizedTest
  @CsvSource({"1.5, 3/2", "100, 100", "1E+2, 100", "0.000, 0", "-0.25, -1/4", "7, 7"})
  void fromBigDecimal(String decimal, String expected) {
    assertThat(Fraction.of(new BigDecimal(decimal))).isEqualTo(Fraction.parse(expected));
  }

  @Test
  void parseAcceptsFortyDigitsAndNoMore() {
    String forty = "1234567890".repeat(4);
    assertThat(Fraction.parse(forty + "/" + forty)).isEqualTo(Fraction.ONE);
    // the sign counts as a digit
    String thirtyNine = forty.substring(1);
    assertThat(Fraction.parse("-" + thirtyNine + "/7").signum()).isEqualTo(-1);
    assertThatThrownBy(() -> Fraction.parse("-" + forty + "/7"))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Fraction.parse(forty + "1/7"))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Fraction.parse("7/" + forty + "1"))
        .isInstanceOf(NumberFormatException.class);
    String twenty = "1".repeat(20);
    assertThat(Fraction.parse(twenty + "." + twenty).toString())
        .endsWith("/" + "1" + "0".repeat(20));
    assertThatThrownBy(() -> Fraction.parse(twenty + "." + twenty + "1"))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Fraction.parse(twenty + "1." + twenty))
        .isInstanceOf(NumberFormatException.class);
    assertThat(Fraction.parse("1e40"))
        .isEqualTo(new Fraction(BigInteger.TEN.pow(40), BigInteger.ONE));
    assertThat(Fraction.parse("1e-40"))
        .isEqualTo(new Fraction(BigInteger.ONE, BigInteger.TEN.pow(40)));
    assertThatThrownBy(() -> Fraction.parse("1e41")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Fraction.parse("1e-41")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Fraction.parse("1e0041")).isInstanceOf(NumberFormatException.class);
    assertThat(Fraction.parse("1.5e1")).isEqualTo(Fraction.of(15));
  }

  @Test
  void hashCodesSpread() {
    Set<Integer> hashes = new HashSet<>();
    int n = 0;
    for (int num = -20; num <= 20; num++) {
      for (int den = 1; den <= 20; den++) {
        Fraction f = Fraction.of(num, den);
        if (f.denominator().intValue() == den) { // each value once, in lowest terms
          hashes.add(f.hashCode());
          n++;
        }
      }
    }
    assertThat(hashes.size()).as("distinct hashes of %d distinct values", n).isGreaterThan(n / 2);
    Fraction big = Fraction.of(Long.MAX_VALUE).plus(Fraction.ONE);
    assertThat(big.hashCode()).isEqualTo(big.plus(Fraction.ZERO).hashCode());
    assertThat(big.hashCode()).isNotEqualTo(big.plus(Fraction.ONE).hashCode());
  }
}
