package io.trawl.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.jobs.score.SensitivityScore.Profile;
import io.trawl.jobs.score.SensitivityScore.Result;
import io.trawl.jobs.score.SensitivityScore.TypeFound;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Macie's score bands, the override, suppression's effect and the worked examples of scoring.md.
 */
class SensitivityScoreTest {
  private static final TypeFound SSN =
      new TypeFound("USA_SOCIAL_SECURITY_NUMBER", "PERSONAL_INFORMATION", 40, 80);
  private static final TypeFound CARDS =
      new TypeFound("CREDIT_CARD_NUMBER", "FINANCIAL_INFORMATION", 10, 1_000);

  private static Result score(long total, long classified, long failed, List<TypeFound> found) {
    return SensitivityScore.score(new Profile(total, total * 100, classified, failed, found, null));
  }

  @Test
  void emptyBucketScoresOne() {
    Result empty = SensitivityScore.score(new Profile(0, 0, 0, 0, List.of(), null));
    assertThat(empty.score()).isEqualTo(1);
    assertThat(empty.label()).isEqualTo("Not sensitive");
    assertThat(empty.reasons()).containsExactly("empty bucket");
    Result zeroBytes = SensitivityScore.score(new Profile(3, 0, 3, 0, List.of(), null));
    assertThat(zeroBytes.score()).isEqualTo(1);
  }

  @Test
  void nothingAnalysedIsFiftyAndErrorsOnlyIsMinusOne() {
    Result notYet = score(100, 0, 0, List.of());
    assertThat(notYet.score()).isEqualTo(50);
    assertThat(notYet.label()).isEqualTo("Not yet analyzed");
    Result errors = score(100, 0, 7, List.of());
    assertThat(errors.score()).isEqualTo(-1);
    assertThat(errors.label()).isEqualTo("Classification error");
    assertThat(errors.reasons().get(0)).contains("7 skipped with errors");
  }

  @Test
  void notSensitiveFallsFromFortyNineToOneWithCoverage() {
    assertThat(score(10_000, 1, 0, List.of()).score()).isEqualTo(49);
    assertThat(score(100, 25, 0, List.of()).score()).isEqualTo(25);
    assertThat(score(100, 100, 0, List.of()).score()).isEqualTo(1);
    Result some = score(100, 25, 3, List.of());
    assertThat(some.score()).isBetween(1, 49);
    assertThat(some.label()).isEqualTo("Not sensitive");
  }

  @Test
  void sensitiveRisesWithTypesOccurrencesAndCoverage() {
    int oneSsnFewObjects =
        score(10_000, 10, 0, List.of(new TypeFound("X", "CUSTOM_IDENTIFIER", 1, 1))).score();
    int ssnHalf = score(100, 50, 0, List.of(SSN)).score();
    int ssnAll = score(100, 100, 0, List.of(SSN)).score();
    int ssnAndCardsAll = score(100, 100, 0, List.of(SSN, CARDS)).score();
    assertThat(oneSsnFewObjects).isEqualTo(52);
    assertThat(ssnHalf).isBetween(51, 99).isLessThan(ssnAll);
    assertThat(ssnAll).isLessThan(ssnAndCardsAll);
    assertThat(ssnAndCardsAll).isLessThanOrEqualTo(99);
    // Worked examples in docs/scoring.md.
    assertThat(ssnAll).isEqualTo(70);
    assertThat(ssnAndCardsAll).isEqualTo(84);
    assertThat(ssnHalf).isEqualTo(66);
    List<TypeFound> huge =
        List.of(
            new TypeFound("AWS_CREDENTIALS", "CREDENTIALS", 1_000, 1_000_000),
            new TypeFound("CREDIT_CARD_NUMBER", "FINANCIAL_INFORMATION", 1_000, 1_000_000),
            new TypeFound("USA_SOCIAL_SECURITY_NUMBER", "PERSONAL_INFORMATION", 1_000, 1_000_000));
    assertThat(score(1_000, 1_000, 0, huge).score()).isBetween(90, 99);
    Result r = score(100, 100, 0, List.of(SSN, CARDS));
    assertThat(r.label()).isEqualTo("Sensitive");
    assertThat(r.reasons())
        .startsWith(
            "40 objects with USA_SOCIAL_SECURITY_NUMBER", "10 objects with CREDIT_CARD_NUMBER")
        .contains("100 of 100 objects analysed (100%)");
  }

  @Test
  void suppressedTypesLeftOutOfTheProfileScoreAsNotSensitive() {
    // The caller leaves suppressed types out of found; with nothing left the bucket is not
    // sensitive.
    assertThat(score(100, 100, 0, List.of(SSN)).score()).isGreaterThan(50);
    assertThat(score(100, 100, 0, List.of()).score()).isLessThan(50);
  }

  @Test
  void overrideIsOneHundredAndOnlyOneHundred() {
    Result r = SensitivityScore.score(new Profile(0, 0, 0, 0, List.of(), 100));
    assertThat(r.score()).isEqualTo(100);
    assertThat(r.overridden()).isTrue();
    assertThat(r.label()).isEqualTo("Sensitive");
    assertThatThrownBy(() -> new Profile(1, 1, 1, 0, List.of(), 80))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void calculatedScoresNeverReachZeroOrOneHundred() {
    for (long classified = 0; classified <= 50; classified += 5) {
      for (long occ : new long[] {0, 1, 10, 10_000, 100_000_000}) {
        List<TypeFound> f =
            occ == 0 ? List.of() : List.of(new TypeFound("T", "CREDENTIALS", 1, occ));
        int s = score(50, classified, 1, f).score();
        assertThat(s).isNotEqualTo(0).isNotEqualTo(100).isBetween(-1, 99);
      }
    }
  }
}
