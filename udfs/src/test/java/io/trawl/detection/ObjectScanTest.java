package io.trawl.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectScanTest {
  private static final DetectionEngine ENGINE = TestCatalog.engine();

  private static Detection only(ObjectScan scan, String type) {
    return scan.detections().stream()
        .filter(d -> d.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " not detected in " + scan.detections()));
  }

  private static boolean has(ObjectScan scan, String type) {
    return scan.detections().stream().anyMatch(d -> d.type().equals(type));
  }

  @Test
  void aKeywordInTheColumnNameMakesEveryValueOfTheColumnKeywordNear() {
    ObjectScan scan = ENGINE.newScan();
    scan.cell("SSN", 1, 1, null, null);
    scan.cell("123-45-6789", 2, 1, "SSN", null);
    scan.cell("234-56-7890", 3, 1, "SSN", null);
    scan.cell("345-67-8901", 4, 2, "order id", null);
    Detection d = only(scan, "USA_SOCIAL_SECURITY_NUMBER");
    assertThat(d.count()).isEqualTo(2);
    assertThat(d.occurrences())
        .extracting(Occurrence::location)
        .containsExactly(
            new Location.Cell(2, 1, "SSN", null), new Location.Cell(3, 1, "SSN", null));
    assertThat(d.occurrences().get(0).keyword()).isEqualTo("SSN");
  }

  @Test
  void columnNamesMatchKeywordsAsSubstringsAndVariants() {
    ObjectScan scan = ENGINE.newScan();
    scan.cell("123-45-6789", 2, 1, "customerSSN", "Sheet1!A2");
    scan.cell("4012888888881881", 2, 2, "Credit_Card_Number", "Sheet1!B2");
    assertThat(only(scan, "USA_SOCIAL_SECURITY_NUMBER").occurrences().get(0).location())
        .isEqualTo(new Location.Cell(2, 1, "customerSSN", "Sheet1!A2"));
    assertThat(only(scan, "CREDIT_CARD_NUMBER").count()).isEqualTo(1);
  }

  @Test
  void aKeywordInTheSameCellCountsWithinTheDistance() {
    ObjectScan scan = ENGINE.newScan();
    scan.cell("ssn 123-45-6789", 2, 3, "notes", null);
    scan.cell("123-45-6789", 3, 3, "notes", null);
    assertThat(only(scan, "USA_SOCIAL_SECURITY_NUMBER").count()).isEqualTo(1);
  }

  @Test
  void aKeywordInAnyPathElementNameCounts() {
    ObjectScan scan = ENGINE.newScan();
    scan.record("123-45-6789", 0, "$.employee.ssn", List.of("employee", "ssn"));
    scan.record(
        "234-56-7890",
        1,
        "$.people[1].socialSecurity.value",
        List.of("people", "socialSecurity", "value"));
    scan.record("345-67-8901", 2, "$.order.id", List.of("order", "id"));
    Detection d = only(scan, "USA_SOCIAL_SECURITY_NUMBER");
    assertThat(d.count()).isEqualTo(2);
    assertThat(d.occurrences())
        .extracting(Occurrence::location)
        .containsExactly(
            new Location.RecordPath(0, "$.employee.ssn"),
            new Location.RecordPath(1, "$.people[1].socialSecurity.value"));
    assertThat(d.occurrences().get(1).keyword()).isEqualTo("socialSecurity");
  }

  @Test
  void pagesAreLocatedByPageNumber() {
    ObjectScan scan = ENGINE.newScan();
    scan.page("nothing", 1);
    scan.page("Employee SSN 123-45-6789", 2);
    assertThat(only(scan, "USA_SOCIAL_SECURITY_NUMBER").occurrences().get(0).location())
        .isEqualTo(new Location.Page(2));
  }

  @Test
  void embeddedFilesNestAndUnwind() {
    ObjectScan scan = ENGINE.newScan();
    scan.text("ssn 111-22-3333\n", 1);
    scan.beginEmbedded("a.zip");
    scan.beginEmbedded("dir/b.csv");
    scan.cell("222-33-4444", 2, 1, "ssn", null);
    scan.endEmbedded();
    scan.text("ssn 333-44-5555\n", 1);
    scan.endEmbedded();
    scan.text("ssn 444-55-6666\n", 9);
    assertThat(only(scan, "USA_SOCIAL_SECURITY_NUMBER").occurrences())
        .extracting(Occurrence::embeddedFilePath)
        .containsExactly(null, "a.zip/dir/b.csv", "a.zip", null);
  }

  @Test
  void aKeywordJustBeforeABlockBoundaryStillCounts() {
    ObjectScan scan = ENGINE.newScan();
    scan.text("line one\nthe employee's SSN is\n", 1);
    scan.text("123-45-6789 on file\nmore\n", 3);
    Detection d = only(scan, "USA_SOCIAL_SECURITY_NUMBER");
    assertThat(d.count()).isEqualTo(1);
    assertThat(d.occurrences().get(0).location()).isEqualTo(new Location.LineRange(3, 3, 1));
  }

  @Test
  void matchesNearABlockBoundaryAreCountedOnce() {
    ObjectScan scan = ENGINE.newScan();
    scan.text("ssn 123-45-6789\n", 1);
    scan.text("ssn 234-56-7890\n", 2);
    scan.text("x\n", 3);
    Detection d = only(scan, "USA_SOCIAL_SECURITY_NUMBER");
    assertThat(d.count()).isEqualTo(2);
    assertThat(d.occurrences())
        .extracting(Occurrence::location)
        .containsExactly(new Location.LineRange(1, 1, 5), new Location.LineRange(2, 2, 5));
  }

  @Test
  void blocksWithoutTrailingNewlineStillKeepLineNumbers() {
    ObjectScan scan = ENGINE.newScan();
    scan.text("a\nssn", 1);
    scan.text("123-45-6789", 3);
    assertThat(only(scan, "USA_SOCIAL_SECURITY_NUMBER").occurrences().get(0).location())
        .isEqualTo(new Location.LineRange(3, 3, 1));
  }

  @Test
  void aGapInLineNumbersDropsTheCarriedTail() {
    ObjectScan scan = ENGINE.newScan();
    scan.text("ssn\n", 1);
    scan.text("123-45-6789\n", 50);
    assertThat(has(scan, "USA_SOCIAL_SECURITY_NUMBER")).isFalse();
  }

  @Test
  void cellsDoNotCarryKeywordsFromEarlierText() {
    ObjectScan scan = ENGINE.newScan();
    scan.text("ssn\n", 1);
    scan.cell("123-45-6789", 2, 1, "value", null);
    assertThat(has(scan, "USA_SOCIAL_SECURITY_NUMBER")).isFalse();
  }

  @Test
  void countsAccumulateAcrossPiecesOfOneObject() {
    ObjectScan scan = ENGINE.newScan();
    for (int row = 2; row < 152; row++) {
      scan.cell("123-45-" + (1000 + row), row, 1, "SSN", null);
    }
    Detection d = only(scan, "USA_SOCIAL_SECURITY_NUMBER");
    assertThat(d.count()).isEqualTo(150);
    assertThat(d.severity()).isEqualTo(Severity.HIGH);
  }
}
