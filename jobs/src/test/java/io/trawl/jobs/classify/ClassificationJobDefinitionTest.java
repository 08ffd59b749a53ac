package io.trawl.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import io.trawl.detection.ManagedDataIdentifierSelector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationJobDefinitionTest {

  static String resource(String name) throws IOException {
    try (InputStream in =
        ClassificationJobDefinitionTest.class.getResourceAsStream("/jobs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parsesEveryDocumentedField() throws IOException {
    ClassificationJobDefinition job =
        ClassificationJobDefinition.parse("full-job.json", resource("full-job.json"));
    assertThat(job.name()).isEqualTo("pii-scan");
    assertThat(job.jobType()).isEqualTo(ClassificationJobDefinition.JobType.SCHEDULED);
    assertThat(job.samplingPercentage()).isEqualTo(50);
    assertThat(job.effectiveSelector()).isEqualTo(ManagedDataIdentifierSelector.INCLUDE);
    assertThat(job.managedDataIdentifierIds())
        .containsExactly("USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER");
    assertThat(job.customIds()).containsExactly("employee-id");
    assertThat(job.allowIds()).containsExactly("sandbox");
    assertThat(job.s3JobDefinition().bucketDefinitions().get(0).buckets())
        .containsExactly("hr", "payments");
    assertThat(job.s3JobDefinition().scoping().includes().and()).hasSize(2);
    assertThat(job.includesExistingObjects()).isTrue();
    // The job ID is stable: a scheduled job's runs must find each other.
    assertThat(job.derivedJobId())
        .hasSize(32)
        .isEqualTo(
            ClassificationJobDefinition.parse("x", resource("full-job.json")).derivedJobId());
  }

  @Test
  void selectorDefaultsToRecommended() {
    ClassificationJobDefinition job =
        ClassificationJobDefinition.parse(
            "inline",
            "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{\"bucketDefinitions\":"
                + "[{\"accountId\":\"1\",\"buckets\":[\"b\"]}]}}");
    assertThat(job.effectiveSelector()).isEqualTo(ManagedDataIdentifierSelector.RECOMMENDED);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":\"j\"|'jobType' is required",
        "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"colour\":1|unknown field 'colour'",
        "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"samplingPercentage\":0|must be 1-100",
        "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"managedDataIdentifierSelector\":\"INCLUDE\"|at least one ID with selector INCLUDE",
        "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"managedDataIdentifierSelector\":\"NONE\"|selector NONE needs at least one",
        "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{}|exactly one of 'bucketDefinitions' or 'bucketCriteria'",
        "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\"1\",\"buckets\":[\"b\"]}],\"scoping\":{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"OBJECT_KEY\",\"values\":[\"a\"]}}]}}}|OBJECT_KEY only supports comparator STARTS_WITH",
        "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\"1\",\"buckets\":[\"b\"]}],\"scoping\":{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"GT\",\"key\":\"OBJECT_SIZE\",\"values\":[\"big\"]}}]}}}|OBJECT_SIZE value 'big' is not a whole number",
        "{\"name\":\"j\",\"jobType\":\"WEEKLY\"|WEEKLY",
        "not json|Unrecognized token",
      })
  void rejectsInvalidJobsWithAReason(String json, String reason) {
    String body = json.startsWith("{") ? json + completion(json) : json;
    assertThatThrownBy(() -> ClassificationJobDefinition.parse("job.json", body))
        .isInstanceOf(TrawlException.class)
        .hasMessageStartingWith("job.json: ")
        .hasMessageContaining(reason)
        .extracting(e -> ((TrawlException) e).code())
        .isEqualTo(TrawlException.Code.INVALID_JSON);
  }

  /** Adds a valid s3JobDefinition when the case does not bring its own. */
  private static String completion(String json) {
    return json.contains("s3JobDefinition")
        ? "}"
        : ",\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\"1\",\"buckets\":[\"b\"]}]}}";
  }
}
