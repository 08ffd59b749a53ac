package io.trawl.jobs.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.TrawlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing CreateFindingsFilter JSON and evaluating criteria on a finding, without Spark. */
class FindingsFilterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String FINDING =
      "{\"accountId\":\"111122223333\",\"archived\":false,\"category\":\"CLASSIFICATION\","
          + "\"classificationDetails\":{\"jobId\":\"j1\",\"result\":{\"sensitiveData\":["
          + "{\"category\":\"PERSONAL_INFORMATION\",\"detections\":[{\"type\":\"NAME\",\"count\":3},"
          + "{\"type\":\"USA_SOCIAL_SECURITY_NUMBER\",\"count\":12}],\"totalCount\":15}],"
          + "\"customDataIdentifiers\":{\"detections\":[],\"totalCount\":0},\"mimeType\":"
          + "\"text/csv\",\"sizeClassified\":2048,\"status\":{\"code\":\"COMPLETE\"}}},"
          + "\"count\":1,\"createdAt\":\"2026-11-02T10:00:00.000Z\",\"id\":\"f1\","
          + "\"resourcesAffected\":{\"s3Bucket\":{\"name\":\"acme-hr\",\"tags\":[{\"key\":\"team\","
          + "\"value\":\"hr\"}]},\"s3Object\":{\"key\":\"people.csv\",\"size\":4096}},"
          + "\"sample\":false,\"severity\":{\"description\":\"High\",\"score\":3},"
          + "\"type\":\"SensitiveData:S3Object/Personal\"}";

  private static boolean matches(String criterion) throws Exception {
    FindingsFilter f =
        FindingsFilter.parse(
            "test",
            "{\"name\":\"test-filter\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":"
                + criterion
                + "}}");
    JsonNode finding = MAPPER.readTree(FINDING);
    return f.matches(finding);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"severity.description\":{\"eq\":[\"Medium\",\"High\"]}} | true",
        "{\"severity.description\":{\"eq\":[\"high\"]}} | false",
        "{\"severity.description\":{\"neq\":[\"Low\"]}} | true",
        "{\"resourcesAffected.s3Bucket.name\":{\"neq\":[\"acme-hr\"]}} | false",
        "{\"classificationDetails.result.sensitiveData.detections.type\":{\"eq\":[\"NAME\"]}} | true",
        "{\"sensitiveData.detections.type\":{\"eqExactMatch\":[\"USA_SOCIAL_SECURITY_NUMBER\",\"NAME\"]}} | true",
        "{\"sensitiveData.detections.type\":{\"eqExactMatch\":[\"NAME\"]}} | false",
        "{\"sensitiveData.detections.count\":{\"gte\":12}} | true",
        "{\"sensitiveData.detections.count\":{\"gt\":12}} | false",
        "{\"resourcesAffected.s3Object.size\":{\"gte\":1000,\"lt\":5000}} | true",
        "{\"createdAt\":{\"gte\":1793613600000}} | true",
        "{\"createdAt\":{\"lt\":1793613600000}} | false",
        "{\"archived\":{\"eq\":[\"false\"]}} | true",
        "{\"resourcesAffected.s3Bucket.tags.key\":{\"eq\":[\"team\"]},\"type\":{\"eq\":[\"SensitiveData:S3Object/Personal\"]}} | true",
        "{\"resourcesAffected.s3Bucket.tags.key\":{\"eq\":[\"team\"]},\"type\":{\"eq\":[\"SensitiveData:S3Object/Financial\"]}} | false",
        "{\"resourcesAffected.s3Object.tags.key\":{\"eq\":[\"x\"]}} | false",
        "{\"resourcesAffected.s3Object.tags.key\":{\"neq\":[\"x\"]}} | true",
        "{\"policyDetails.action.apiCallDetails.api\":{\"eq\":[\"PutBucketAcl\"]}} | false"
      })
  void criteriaMatchAsInMacie(String criterion, boolean expected) throws Exception {
    assertThat(matches(criterion)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":\"ab\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":{\"type\":{\"eq\":[\"x\"]}}}} | name must be 3 to 64 characters",
        "{\"name\":\"abc\",\"action\":\"DELETE\",\"findingCriteria\":{\"criterion\":{\"type\":{\"eq\":[\"x\"]}}}} | action must be ARCHIVE or NOOP",
        "{\"name\":\"abc\",\"action\":\"NOOP\",\"colour\":1,\"findingCriteria\":{\"criterion\":{\"type\":{\"eq\":[\"x\"]}}}} | unknown field 'colour'",
        "{\"name\":\"abc\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":{\"bucket\":{\"eq\":[\"x\"]}}}} | unsupported field path 'bucket'",
        "{\"name\":\"abc\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":{\"type\":{\"like\":[\"x\"]}}}} | unknown operator 'like'",
        "{\"name\":\"abc\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":{\"type\":{\"eqExactMatch\":[\"x\"]}}}} | eqExactMatch cannot be used with 'type'",
        "{\"name\":\"abc\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":{\"sensitiveData.category\":{\"eqExactMatch\":[\"x\"],\"neq\":[\"y\"]}}}} | cannot be combined",
        "{\"name\":\"abc\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":{\"type\":{\"gt\":3}}}} | does not apply",
        "{\"name\":\"abc\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":{\"count\":{\"eq\":[\"many\"]}}}} | is not a LONG",
        "{\"name\":\"abc\",\"action\":\"NOOP\",\"findingCriteria\":{\"criterion\":{}}} | at least one field",
        "{\"name\":\"abc\",\"action\":\"NOOP\"} | findingCriteria is required"
      })
  void badFiltersAreClearErrors(String json, String message) {
    assertThatThrownBy(() -> FindingsFilter.parse("f.json", json))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("f.json")
        .hasMessageContaining(message);
  }

  @Test
  void parsesEveryPartOfTheRequest() {
    FindingsFilter f =
        FindingsFilter.parse(
            "f.json",
            "{\"name\":\"suppress-test-buckets\",\"action\":\"ARCHIVE\",\"position\":3,"
                + "\"description\":\"test data\",\"tags\":{\"team\":\"sec\"},\"clientToken\":\"t\","
                + "\"findingCriteria\":{\"criterion\":{\"resourcesAffected.s3Bucket.name\":"
                + "{\"eq\":[\"test\"]}}}}");
    assertThat(f.name()).isEqualTo("suppress-test-buckets");
    assertThat(f.action()).isEqualTo(FindingsFilter.Action.ARCHIVE);
    assertThat(f.position()).isEqualTo(3);
    assertThat(f.description()).isEqualTo("test data");
    assertThat(f.criteria()).hasSize(1);
    assertThat(f.criteriaJson()).contains("resourcesAffected.s3Bucket.name");
    assertThat(FindingFields.paths()).contains("classificationDetails.result.status.code");
  }
}
