package nl.wijktoets.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import nl.wijktoets.exact.Fraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as reports write them per language, never by the machine's locale. */
class FormatsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "92.75 | 92,8 | 92.8",
        "20.25 | 20,3 | 20.3",
        "55.75 | 55,8 | 55.8",
        "59.75 | 59,8 | 59.8",
        "62 | 62,0 | 62.0",
        "0 | 0,0 | 0.0",
        "100 | 100,0 | 100.0"
      })
  void totalHasOneDecimalRoundedHalfUp(String value, String nl, String en) {
    assertThat(Formats.total(Fraction.parse(value), Language.NL)).isEqualTo(nl);
    assertThat(Formats.total(Fraction.parse(value), Language.EN)).isEqualTo(en);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "683875/3 | € 227.958 | €227,958",
        "89375 | € 89.375 | €89,375",
        "999.5 | € 1.000 | €1,000",
        "1250000 | € 1.250.000 | €1,250,000",
        "12 | € 12 | €12",
        "0 | € 0 | €0"
      })
  void amountsInWholeEurosGrouped(String value, String nl, String en) {
    assertThat(Formats.amount(Fraction.parse(value), Language.NL)).isEqualTo(nl);
    assertThat(Formats.amount(Fraction.parse(value), Language.EN)).isEqualTo(en);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "13/15 | 86,7% | 86.7%",
        "1 | 100% | 100%",
        "1/2 | 50% | 50%",
        "4/7 | 57,1% | 57.1%",
        "127/140 | 90,7% | 90.7%",
        "2688/5471 | 49,1% | 49.1%",
        "0 | 0% | 0%"
      })
  void percentages(String share, String nl, String en) {
    assertThat(Formats.percent(Fraction.parse(share), Language.NL)).isEqualTo(nl);
    assertThat(Formats.percent(Fraction.parse(share), Language.EN)).isEqualTo(en);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.75 | 1,75 | 1.75",
        "4.5 | 4,5 | 4.5",
        "24 | 24 | 24",
        "31.75 | 31,75 | 31.75",
        "7/3 | 2,33 | 2.33"
      })
  void pointsAndNumbersAtMostTwoDecimals(String value, String nl, String en) {
    assertThat(Formats.points(Fraction.parse(value), Language.NL)).isEqualTo(nl);
    assertThat(Formats.points(Fraction.parse(value), Language.EN)).isEqualTo(en);
    assertThat(Formats.number(Fraction.parse(value), Language.NL)).isEqualTo(nl);
    assertThat(Formats.number(Fraction.parse(value), Language.EN)).isEqualTo(en);
  }

  @Test
  void doesNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      for (Locale l : new Locale[] {new Locale("tr", "TR"), Locale.GERMANY, Locale.US}) {
        Locale.setDefault(l);
        assertThat(Formats.total(Fraction.parse("92.75"), Language.EN)).isEqualTo("92.8");
        assertThat(Formats.amount(Fraction.of(683875, 3), Language.NL)).isEqualTo("€ 227.958");
        assertThat(Formats.percent(Fraction.of(13, 15), Language.NL)).isEqualTo("86,7%");
      }
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void languageFromEnvironment() {
    assertThat(Language.fromEnvironment(Map.of("LANG", "nl_NL.UTF-8"))).isEqualTo(Language.NL);
    assertThat(Language.fromEnvironment(Map.of("LC_ALL", "NL_BE", "LANG", "en_US")))
        .isEqualTo(Language.NL);
    assertThat(Language.fromEnvironment(Map.of("LC_ALL", "en_GB", "LANG", "nl_NL")))
        .isEqualTo(Language.EN);
    assertThat(Language.fromEnvironment(Map.of("LC_ALL", "", "LANG", "nl_NL")))
        .isEqualTo(Language.NL);
    assertThat(Language.fromEnvironment(Map.of())).isEqualTo(Language.EN);
    assertThat(Language.parse("NL")).contains(Language.NL);
    assertThat(Language.parse("en")).contains(Language.EN);
    assertThat(Language.parse("fr")).isEmpty();
  }
}
