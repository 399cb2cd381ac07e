package nl.wijktoets.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who pays, for dependency-spread: the municipality by any name, else the payer's own name. */
class PayerKeyTest {

  private static final List<String> DELFT = List.of("delft");
  private static final String MUNICIPALITY = MiddleUpDown.payerKey("Gemeente Delft", DELFT);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Delft",
        "delft",
        "Stad Delft",
        "Delft Werkt",
        "Werkbedrijf Delft-Zuid",
        "(Delft)"
      })
  void theMunicipalityNamedAsAWholeWord(String counterparty) {
    assertThat(MiddleUpDown.payerKey(counterparty, DELFT)).isEqualTo(MUNICIPALITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Delftse Bank", "Nieuwdelft", "Delft2 BV", "Adelft"})
  void notWhenTheNameIsPartOfAnotherWord(String counterparty) {
    assertThat(MiddleUpDown.payerKey(counterparty, DELFT))
        .isEqualTo(counterparty.toLowerCase(Locale.ROOT));
  }

  @Test
  void aLaterWholeWordCountsAfterAnEarlierPartialOne() {
    assertThat(MiddleUpDown.payerKey("Delftse vrienden van Delft", DELFT)).isEqualTo(MUNICIPALITY);
  }

  @Test
  void aDistrictOrAnyMunicipalityIsTheMunicipality() {
    assertThat(MiddleUpDown.payerKey("Stadsdeel Centrum", DELFT)).isEqualTo(MUNICIPALITY);
    assertThat(MiddleUpDown.payerKey("Municipality of Delft", List.of())).isEqualTo(MUNICIPALITY);
  }

  @Test
  void manySmallPayersAndNoneAreNoPayer() {
    assertThat(MiddleUpDown.payerKey(null, DELFT)).isNull();
    assertThat(MiddleUpDown.payerKey("  ", DELFT)).isNull();
    assertThat(MiddleUpDown.payerKey("Diversen", DELFT)).isNull();
    assertThat(MiddleUpDown.payerKey("Woonstad Rotterdam", DELFT)).isEqualTo("woonstad rotterdam");
  }
}
