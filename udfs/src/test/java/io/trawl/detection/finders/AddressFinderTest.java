package io.trawl.detection.finders;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Postal addresses found by {@link AddressFinder} in the eight countries Macie supports. */
class AddressFinderTest {

  static List<String> addresses(String text) {
    List<String> out = new ArrayList<>();
    AddressFinder.instance().find(text, (s, e) -> out.add(text.substring(s, e)));
    return out;
  }

  @Test
  void isRegisteredAsAddress() {
    assertThat(Validators.finder("ADDRESS")).isSameAs(AddressFinder.instance());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Ship to: 350 Fifth Avenue, New York, NY 10118|350 Fifth Avenue, New York, NY 10118",
        "Adresse : 10 rue de Rivoli, 75004 Paris|10 rue de Rivoli, 75004 Paris",
        "Hauptstraße 5, 10115 Berlin|Hauptstraße 5, 10115 Berlin",
        "221B Baker Street, London NW1 6XE|221B Baker Street, London NW1 6XE",
        "Via Roma 10, 20121 Milano MI|Via Roma 10, 20121 Milano",
        "Calle Mayor 5, 28013 Madrid|Calle Mayor 5, 28013 Madrid",
        "100 Queen St W, Toronto, ON M5H 2N2|100 Queen St W, Toronto, ON M5H 2N2",
        "1 Martin Place, Sydney NSW 2000|1 Martin Place, Sydney NSW 2000",
        "Office: Chicago, IL 60601|Chicago, IL 60601"
      })
  void findsAddresses(String text, String expected) {
    assertThat(addresses(text)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Order 10118 shipped from New Jersey|code without its city",
        "75004 Lyon|Paris code with another city",
        "Meet me in Berlin at 10 am|city without a code",
        "Invoice 60601 for Chicago office supplies was paid|code and city not adjacent",
        "London SW1A|incomplete postcode"
      })
  void ignoresNonAddresses(String text, String why) {
    assertThat(addresses(text)).as(why).isEmpty();
  }

  @Test
  void countsEachAddressOnce() {
    String text = "From 10115 Berlin to 75008 Paris and 350 Fifth Avenue, New York, NY 10118";
    assertThat(addresses(text)).hasSize(3);
  }
}
