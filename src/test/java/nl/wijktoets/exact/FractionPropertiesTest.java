package nl.wijktoets.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fraction's {@code long} fast path against a plain {@link BigInteger} reference, with the overflow
 * edges weighted in: values at and near {@link Long#MAX_VALUE} and {@link Long#MIN_VALUE}, around
 * the square root of {@code Long.MAX_VALUE} (where products start to overflow), powers of two, and
 * numerators and denominators with a large common factor. Every operation must give exactly the
 * reference's value in lowest terms, whichever path it took. Seeds are fixed so a run is
 * reproducible; jqwik's own edge cases are off because the generators weight the edges in.
 */
class FractionPropertiesTest {

  @Property(tries = 2000, seed = "20260115")
  void binaryGcdIsTheGcd(@ForAll("nonNegative") long a, @ForAll("nonNegative") long b) {
    assertThat(Fraction.gcd(a, b))
        .isEqualTo(BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValueExact());
  }

  @Property(tries = 3000, seed = "20260117")
  void plainStringsOfDecimalFractionsMatchTheBigDecimalPath(
      @ForAll("numerators") long n, @ForAll("decimalDenominators") long d) {
    Fraction f = Fraction.of(n, d);
    for (int scale : new int[] {0, 1, 2, 6}) {
      assertThat(f.toPlainString(scale)).isEqualTo(f.roundedPlainString(scale));
    }
  }

  @Provide
  Arbitrary<Long> numerators() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-100_000, 100_000),
        Arbitraries.longs().between(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
  }

  @Provide
  Arbitrary<Long> decimalDenominators() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 12))
        .as((a, b) -> (1L << a) * (long) Math.pow(5, b))
        .filter(d -> d > 0);
  }

  @Provide
  Arbitrary<Long> nonNegative() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between(0, 1000),
        Arbitraries.longs().between(0, 40).map(k -> 1L << Math.min(k, 62)),
        Arbitraries.longs().between(1, 1_000_000).map(k -> k * 720_720L));
  }

  /** The reference: a rational in lowest terms with a positive denominator, BigInteger only. */
  record Ref(BigInteger n, BigInteger d) {
    static Ref of(BigInteger n, BigInteger d) {
      if (d.signum() < 0) {
        n = n.negate();
        d = d.negate();
      }
      BigInteger g = n.gcd(d);
      return g.signum() == 0
          ? new Ref(BigInteger.ZERO, BigInteger.ONE)
          : new Ref(n.divide(g), d.divide(g));
    }

    static Ref of(Fraction f) {
      return new Ref(f.numerator(), f.denominator());
    }

    Ref plus(Ref o) {
      return of(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
    }

    Ref minus(Ref o) {
      return of(n.multiply(o.d).subtract(o.n.multiply(d)), d.multiply(o.d));
    }

    Ref times(Ref o) {
      return of(n.multiply(o.n), d.multiply(o.d));
    }

    Ref dividedBy(Ref o) {
      return of(n.multiply(o.d), d.multiply(o.n));
    }

    int compareTo(Ref o) {
      return n.multiply(o.d).compareTo(o.n.multiply(d));
    }
  }

  /** A fraction and the numerator and denominator it was made of. */
  record Case(long n, long d) {
    Fraction fraction() {
      return Fraction.of(n, d);
    }

    Ref ref() {
      return Ref.of(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }
  }

  @Provide
  Arbitrary<Long> edgy() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            4,
            Arbitraries.of(
                Long.MIN_VALUE,
                Long.MIN_VALUE + 1,
                Long.MIN_VALUE + 2,
                Long.MAX_VALUE,
                Long.MAX_VALUE - 1,
                Long.MAX_VALUE / 2,
                Long.MIN_VALUE / 2,
                0L,
                1L,
                -1L,
                2L,
                -2L,
                3_037_000_499L, // floor(sqrt(Long.MAX_VALUE))
                3_037_000_500L,
                -3_037_000_500L,
                1L << 31,
                1L << 32,
                -(1L << 32),
                1L << 62,
                -(1L << 62),
                (1L << 62) - 1)),
        Tuple.of(2, Arbitraries.longs().between(Long.MAX_VALUE - 1000, Long.MAX_VALUE)),
        Tuple.of(2, Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 1000)),
        Tuple.of(2, Arbitraries.longs().between(3_037_000_000L, 3_037_001_000L)),
        Tuple.of(3, Arbitraries.longs().between(-1000, 1000)),
        Tuple.of(3, Arbitraries.longs()));
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Case> plain = Combinators.combine(edgy(), edgy().filter(d -> d != 0)).as(Case::new);
    // a large common factor: the gcd reduction must bring it back to the fast path
    Arbitrary<Case> shared =
        Combinators.combine(
                Arbitraries.longs().between(-50, 50),
                Arbitraries.longs().between(-50, 50).filter(d -> d != 0),
                Arbitraries.of(
                    Long.MAX_VALUE / 64, 3_037_000_499L, 1L << 56, 999_999_999_989L, 1L << 40))
            .as((a, b, g) -> new Case(a * g, b * g));
    return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(1, shared));
  }

  private static void assertSame(Fraction actual, Ref expected) {
    assertThat(actual.numerator()).as("numerator of %s", actual).isEqualTo(expected.n());
    assertThat(actual.denominator()).as("denominator of %s", actual).isEqualTo(expected.d());
    // the representation is canonical: the same value made through BigInteger is equal
    Fraction viaBig = new Fraction(expected.n(), expected.d());
    assertThat(actual).isEqualTo(viaBig).hasSameHashCodeAs(viaBig);
    assertThat(actual.compareTo(viaBig)).isZero();
    assertThat(actual.toString())
        .isEqualTo(
            expected.d().equals(BigInteger.ONE)
                ? expected.n().toString()
                : expected.n() + "/" + expected.d());
  }

  @Property(tries = 2000, seed = "20261101", edgeCases = EdgeCasesMode.NONE)
  void construction(@ForAll("cases") Case c) {
    assertSame(c.fraction(), c.ref());
  }

  @Property(tries = 2000, seed = "20261102", edgeCases = EdgeCasesMode.NONE)
  void plusAndMinus(@ForAll("cases") Case a, @ForAll("cases") Case b) {
    assertSame(a.fraction().plus(b.fraction()), a.ref().plus(b.ref()));
    assertSame(a.fraction().minus(b.fraction()), a.ref().minus(b.ref()));
  }

  @Property(tries = 2000, seed = "20261103", edgeCases = EdgeCasesMode.NONE)
  void timesAndDividedBy(@ForAll("cases") Case a, @ForAll("cases") Case b) {
    assertSame(a.fraction().times(b.fraction()), a.ref().times(b.ref()));
    assertSame(
        a.fraction().times(b.n()),
        a.ref().times(Ref.of(BigInteger.valueOf(b.n()), BigInteger.ONE)));
    if (b.n() == 0) {
      assertThatThrownBy(() -> a.fraction().dividedBy(b.fraction()))
          .isInstanceOf(ArithmeticException.class);
      assertThatThrownBy(() -> a.fraction().dividedBy(0)).isInstanceOf(ArithmeticException.class);
    } else {
      assertSame(a.fraction().dividedBy(b.fraction()), a.ref().dividedBy(b.ref()));
      assertSame(
          a.fraction().dividedBy(b.n()),
          a.ref().dividedBy(Ref.of(BigInteger.valueOf(b.n()), BigInteger.ONE)));
    }
  }

  @Property(tries = 2000, seed = "20261104", edgeCases = EdgeCasesMode.NONE)
  void comparisons(@ForAll("cases") Case a, @ForAll("cases") Case b) {
    Fraction x = a.fraction();
    Fraction y = b.fraction();
    int expected = Integer.signum(a.ref().compareTo(b.ref()));
    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(expected);
    assertThat(x.lessThan(y)).isEqualTo(expected < 0);
    assertThat(x.greaterThan(y)).isEqualTo(expected > 0);
    assertThat(x.atLeast(y)).isEqualTo(expected >= 0);
    assertThat(x.atMost(y)).isEqualTo(expected <= 0);
    assertThat(x.equals(y)).isEqualTo(expected == 0);
    assertThat(Fraction.max(x, y)).isEqualTo(expected >= 0 ? x : y);
    assertThat(Fraction.min(x, y)).isEqualTo(expected <= 0 ? x : y);
  }

  @Property(tries = 2000, seed = "20261105", edgeCases = EdgeCasesMode.NONE)
  void unaryOperations(@ForAll("cases") Case c) {
    Fraction f = c.fraction();
    Ref r = c.ref();
    assertSame(f.negate(), Ref.of(r.n().negate(), r.d()));
    assertThat(f.signum()).isEqualTo(r.n().signum());
    assertThat(f.isZero()).isEqualTo(r.n().signum() == 0);
    assertThat(f.isInteger()).isEqualTo(r.d().equals(BigInteger.ONE));
    BigInteger[] qr = r.n().divideAndRemainder(r.d());
    BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    assertThat(f.floor()).isEqualTo(floor);
    BigDecimal exact = new BigDecimal(r.n()).divide(new BigDecimal(r.d()), 40, RoundingMode.DOWN);
    assertThat(f.round(2))
        .isEqualTo(new BigDecimal(r.n()).divide(new BigDecimal(r.d()), 2, RoundingMode.HALF_UP));
    assertThat(f.round(2).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
  }

  @Property(tries = 1000, seed = "20261106", edgeCases = EdgeCasesMode.NONE)
  void sumsThatOverflowALongComeBackWhenTheyFit(@ForAll("cases") Case c) {
    // (x + MAX) - MAX passes through a value beyond long and must return to x exactly
    Fraction max = Fraction.of(Long.MAX_VALUE);
    Fraction min = Fraction.of(Long.MIN_VALUE);
    assertSame(c.fraction().plus(max).minus(max), c.ref());
    assertSame(c.fraction().plus(min).minus(min), c.ref());
    assertSame(c.fraction().times(max).dividedBy(max), c.ref());
  }
}
