package io.trawl.detection.finders;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full names found by {@link NameFinder}; texts are written here, names are dictionary entries. */
class NameFinderTest {

  static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    NameFinder.instance().find(text, (s, e) -> out.add(text.substring(s, e)));
    return out;
  }

  @Test
  void isRegisteredAsName() {
    assertThat(Validators.finder("NAME")).isSameAs(NameFinder.instance());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Patient: Maria Garcia was admitted.|Maria Garcia",
        "Signed by John A. Smith yesterday|John A. Smith",
        "Contact JOSÉ RODRIGUEZ today|JOSÉ RODRIGUEZ",
        "Emma Müller and friends|Emma Müller",
        "Garcia, Maria filed the form|Garcia, Maria",
        "Name: Olivia Kowalczyk|Olivia Kowalczyk",
        "Mr. Thomas O'Brien arrived|Thomas O'Brien",
        "Anna Maria Rossi signed|Anna Maria Rossi"
      })
  void findsFullNames(String text, String expected) {
    assertThat(names(text)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "the garcia report was filed|lower case",
        "Maria|single given name",
        "Smith Street is closed|surname alone before a street",
        "We met Olivia Kowalczyk-like people|unknown surname without a name cue",
        "Paris Hilton Hotel|not in the dictionaries",
        "ID AB12 Maria5 Smith|letters glued to digits"
      })
  void ignoresNonNames(String text, String why) {
    assertThat(names(text)).as(why).isEmpty();
  }

  @Test
  void reportsEachNameOnce() {
    assertThat(names("John Smith, Emma Brown and Lucas Silva")).hasSize(3);
  }
}
