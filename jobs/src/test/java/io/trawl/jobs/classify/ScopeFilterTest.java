package io.trawl.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeFilterTest {

  static ObjectRef object(String account, String bucket, String key, long size, String modified) {
    String ext = InventoryJobExtension.of(key);
    return new ObjectRef(
        account,
        bucket,
        key,
        size,
        modified == null ? null : Instant.parse(modified).toEpochMilli(),
        "etag",
        "STANDARD",
        ext,
        null,
        "s3a://" + bucket,
        null);
  }

  static ScopeFilter filter(String s3JobDefinition) {
    return ScopeFilter.of(
        ClassificationJobDefinition.parse(
            "t",
            "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":"
                + s3JobDefinition
                + "}"));
  }

  @Test
  void includesAreAndedAndExcludesWin() throws IOException {
    ScopeFilter f =
        ScopeFilter.of(
            ClassificationJobDefinition.parse(
                "full-job.json", ClassificationJobDefinitionTest.resource("full-job.json")));
    assertThat(f.inScope(object("111122223333", "hr", "a/people.csv", 10, null))).isTrue();
    // wrong extension, too big, excluded prefix, other bucket, other account
    assertThat(f.inScope(object("111122223333", "hr", "a/people.txt", 10, null))).isFalse();
    assertThat(f.inScope(object("111122223333", "hr", "a/people.csv", 2_000_000, null))).isFalse();
    assertThat(f.inScope(object("111122223333", "hr", "tmp/people.csv", 10, null))).isFalse();
    assertThat(f.inScope(object("111122223333", "logs", "a/people.csv", 10, null))).isFalse();
    assertThat(f.inScope(object("999999999999", "hr", "a/people.csv", 10, null))).isFalse();
  }

  @Test
  void everyComparatorOnSizeAndDate() {
    String base =
        "{\"bucketDefinitions\":[{\"accountId\":\"1\",\"buckets\":[\"b\"]}],\"scoping\":{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"%s\",\"key\":\"%s\",\"values\":[\"%s\"]}}]}}}";
    Map<String, boolean[]> expected =
        Map.of(
            "EQ", new boolean[] {false, true, false},
            "NE", new boolean[] {true, false, true},
            "GT", new boolean[] {false, false, true},
            "GTE", new boolean[] {false, true, true},
            "LT", new boolean[] {true, false, false},
            "LTE", new boolean[] {true, true, false});
    for (var e : expected.entrySet()) {
      ScopeFilter size = filter(String.format(base, e.getKey(), "OBJECT_SIZE", "100"));
      ScopeFilter date =
          filter(
              String.format(base, e.getKey(), "OBJECT_LAST_MODIFIED_DATE", "2024-06-01T00:00:00Z"));
      long[] sizes = {99, 100, 101};
      String[] dates = {"2024-05-31T23:59:59Z", "2024-06-01T00:00:00Z", "2024-06-01T00:00:01Z"};
      for (int i = 0; i < 3; i++) {
        assertThat(size.inScope(object("1", "b", "k.txt", sizes[i], null)))
            .as("%s size %d", e.getKey(), sizes[i])
            .isEqualTo(e.getValue()[i]);
        assertThat(date.inScope(object("1", "b", "k.txt", 5, dates[i])))
            .as("%s date %s", e.getKey(), dates[i])
            .isEqualTo(e.getValue()[i]);
      }
    }
  }

  @Test
  void extensionNotEqualAndTagTerms() {
    ScopeFilter ne =
        filter(
            "{\"bucketDefinitions\":[{\"accountId\":\"1\",\"buckets\":[\"b\"]}],\"scoping\":{\"excludes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"OBJECT_EXTENSION\",\"values\":[\"png\",\"jpg\"]}}]}}}");
    assertThat(ne.inScope(object("1", "b", "logo.png", 1, null))).isFalse();
    assertThat(ne.inScope(object("1", "b", "notes.txt", 1, null))).isTrue();
    ScopeFilter tags =
        filter(
            "{\"bucketDefinitions\":[{\"accountId\":\"1\",\"buckets\":[\"b\"]}],\"scoping\":{\"includes\":{\"and\":[{\"tagScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"TAG\",\"tagValues\":[{\"key\":\"class\",\"value\":\"\"}],\"target\":\"S3_OBJECT\"}}]}}}");
    ObjectRef tagged =
        new ObjectRef(
            "1", "b", "k.txt", 1, null, null, null, "txt", null, "s3a://b", Map.of("class", "pii"));
    assertThat(tags.inScope(tagged)).isTrue();
    // Unknown tags (listings carry none) never match an EQ tag term.
    assertThat(tags.inScope(object("1", "b", "k.txt", 1, null))).isFalse();
  }

  @Test
  void bucketCriteriaIncludeAndExclude() {
    ScopeFilter f =
        filter(
            "{\"bucketCriteria\":{\"includes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\",\"key\":\"ACCOUNT_ID\",\"values\":[\"1\"]}}]},\"excludes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\",\"key\":\"S3_BUCKET_NAME\",\"values\":[\"logs\"]}}]}}}");
    assertThat(f.bucketSelected("1", "hr")).isTrue();
    assertThat(f.bucketSelected("1", "logs")).isFalse();
    assertThat(f.bucketSelected("2", "hr")).isFalse();
    assertThat(f.definedBucketNames()).isNull();
  }

  @Test
  void postureCriteriaUseTheBucketsPostureAndUnknownWithout() {
    ScopeFilter publicOnly =
        filter(
            "{\"bucketCriteria\":{\"includes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\",\"key\":\"S3_BUCKET_EFFECTIVE_PERMISSION\",\"values\":[\"PUBLIC\"]}}]}}}");
    assertThat(publicOnly.needsPosture()).isTrue();
    // Before posture is read every bucket is UNKNOWN: nothing is PUBLIC.
    assertThat(publicOnly.bucketSelected("1", "web")).isFalse();
    ScopeFilter known =
        publicOnly.withPosture(
            Map.of(
                "1/web", new ScopeFilter.BucketPosture("PUBLIC", "NOT_SHARED", Map.of()),
                "1/hr", new ScopeFilter.BucketPosture("NOT_PUBLIC", "EXTERNAL", Map.of())));
    assertThat(known.bucketSelected("1", "web")).isTrue();
    assertThat(known.bucketSelected("1", "hr")).isFalse();
    assertThat(known.bucketSelected("2", "web")).as("posture is per account").isFalse();
    ScopeFilter notUnknownShared =
        filter(
                "{\"bucketCriteria\":{\"excludes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\",\"key\":\"S3_BUCKET_SHARED_ACCESS\",\"values\":[\"EXTERNAL\",\"UNKNOWN\"]}}]}}}")
            .withPosture(
                Map.of("1/hr", new ScopeFilter.BucketPosture("NOT_PUBLIC", "EXTERNAL", Map.of())));
    assertThat(notUnknownShared.bucketSelected("1", "hr")).isFalse();
    assertThat(notUnknownShared.bucketSelected("1", "never-scored")).isFalse();
    assertThat(
            notUnknownShared
                .withPosture(
                    Map.of(
                        "1/web", new ScopeFilter.BucketPosture("PUBLIC", "NOT_SHARED", Map.of())))
                .bucketSelected("1", "web"))
        .isTrue();
  }

  @Test
  void bucketTagCriteria() {
    String criterion =
        "{\"bucketCriteria\":{\"includes\":{\"and\":[{\"tagCriterion\":{\"comparator\":\"%s\",\"tagValues\":[{\"key\":\"team\",\"value\":\"%s\"}]}}]}}}";
    Map<String, ScopeFilter.BucketPosture> posture =
        Map.of(
            "1/hr", new ScopeFilter.BucketPosture("UNKNOWN", "UNKNOWN", Map.of("team", "people")),
            "1/web", new ScopeFilter.BucketPosture("UNKNOWN", "UNKNOWN", Map.of("team", "www")));
    ScopeFilter eq = filter(String.format(criterion, "EQ", "people")).withPosture(posture);
    assertThat(eq.needsPosture()).isTrue();
    assertThat(eq.bucketSelected("1", "hr")).isTrue();
    assertThat(eq.bucketSelected("1", "web")).isFalse();
    assertThat(eq.bucketSelected("1", "unscored")).isFalse();
    ScopeFilter anyValue = filter(String.format(criterion, "EQ", "")).withPosture(posture);
    assertThat(anyValue.bucketSelected("1", "web")).as("empty value: the key alone").isTrue();
    ScopeFilter ne = filter(String.format(criterion, "NE", "people")).withPosture(posture);
    assertThat(ne.bucketSelected("1", "hr")).isFalse();
    assertThat(ne.bucketSelected("1", "web")).isTrue();
    assertThat(ne.bucketSelected("1", "unscored")).isTrue();
    assertThat(
            filter(
                    "{\"bucketCriteria\":{\"includes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\",\"key\":\"S3_BUCKET_NAME\",\"values\":[\"hr\"]}}]}}}")
                .needsPosture())
        .isFalse();
  }

  /** Macie's extension rule, as the inventory computes it. */
  static final class InventoryJobExtension {
    static String of(String key) {
      return io.trawl.jobs.inventory.InventoryJob.extension(key);
    }
  }
}
