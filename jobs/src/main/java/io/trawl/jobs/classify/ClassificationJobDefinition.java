package io.trawl.jobs.classify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.trawl.TrawlErrors;
import io.trawl.detection.ManagedDataIdentifierSelector;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A Macie {@code CreateClassificationJob} request body, unchanged (macie.md section 10). Unknown
 * fields are rejected so a typo never silently widens a job's scope.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ClassificationJobDefinition(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("jobType") JobType jobType,
    @JsonProperty("initialRun") Boolean initialRun,
    @JsonProperty("samplingPercentage") Integer samplingPercentage,
    @JsonProperty("managedDataIdentifierSelector") ManagedDataIdentifierSelector selector,
    @JsonProperty("managedDataIdentifierIds") List<String> managedDataIdentifierIds,
    @JsonProperty("customDataIdentifierIds") List<String> customDataIdentifierIds,
    @JsonProperty("allowListIds") List<String> allowListIds,
    @JsonProperty("s3JobDefinition") S3JobDefinition s3JobDefinition,
    @JsonProperty("scheduleFrequency") JsonNode scheduleFrequency,
    @JsonProperty("clientToken") String clientToken,
    @JsonProperty("tags") Map<String, String> tags)
    implements Serializable {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** ONE_TIME or SCHEDULED. */
  public enum JobType {
    ONE_TIME,
    SCHEDULED
  }

  /** {@code s3JobDefinition}: buckets (static or by criteria) and object scoping. */
  public record S3JobDefinition(
      @JsonProperty("bucketDefinitions") List<BucketDefinition> bucketDefinitions,
      @JsonProperty("bucketCriteria") BucketCriteria bucketCriteria,
      @JsonProperty("scoping") Scoping scoping)
      implements Serializable {}

  /** {@code {accountId, buckets[]}}. */
  public record BucketDefinition(
      @JsonProperty("accountId") String accountId, @JsonProperty("buckets") List<String> buckets)
      implements Serializable {}

  /** {@code bucketCriteria {includes, excludes}}, each {@code {and: [CriteriaForJob]}}. */
  public record BucketCriteria(
      @JsonProperty("includes") CriteriaBlock includes,
      @JsonProperty("excludes") CriteriaBlock excludes)
      implements Serializable {}

  /** {@code {and: [...]}} of bucket criteria. */
  public record CriteriaBlock(@JsonProperty("and") List<CriteriaForJob> and)
      implements Serializable {}

  /** One bucket criterion: a simple criterion or a tag criterion. */
  public record CriteriaForJob(
      @JsonProperty("simpleCriterion") SimpleCriterion simpleCriterion,
      @JsonProperty("tagCriterion") TagCriterion tagCriterion)
      implements Serializable {}

  /** {@code {comparator EQ|NE, key, values[]}} on bucket properties. */
  public record SimpleCriterion(
      @JsonProperty("comparator") String comparator,
      @JsonProperty("key") String key,
      @JsonProperty("values") List<String> values)
      implements Serializable {}

  /** {@code {comparator EQ|NE, tagValues [{key, value}]}}. */
  public record TagCriterion(
      @JsonProperty("comparator") String comparator,
      @JsonProperty("tagValues") List<TagValue> tagValues)
      implements Serializable {}

  /** A tag key and value; an empty value means "key only". */
  public record TagValue(@JsonProperty("key") String key, @JsonProperty("value") String value)
      implements Serializable {}

  /** {@code scoping {includes, excludes}}, each {@code {and: [JobScopeTerm]}}. */
  public record Scoping(
      @JsonProperty("includes") ScopeBlock includes, @JsonProperty("excludes") ScopeBlock excludes)
      implements Serializable {}

  /** {@code {and: [...]}} of object scope terms. */
  public record ScopeBlock(@JsonProperty("and") List<JobScopeTerm> and) implements Serializable {}

  /** One object scope term. */
  public record JobScopeTerm(
      @JsonProperty("simpleScopeTerm") SimpleScopeTerm simpleScopeTerm,
      @JsonProperty("tagScopeTerm") TagScopeTerm tagScopeTerm)
      implements Serializable {}

  /** {@code {comparator, key OBJECT_*, values[]}}. */
  public record SimpleScopeTerm(
      @JsonProperty("comparator") String comparator,
      @JsonProperty("key") String key,
      @JsonProperty("values") List<String> values)
      implements Serializable {}

  /** {@code {comparator EQ|NE, key "TAG", tagValues, target S3_OBJECT}}. */
  public record TagScopeTerm(
      @JsonProperty("comparator") String comparator,
      @JsonProperty("key") String key,
      @JsonProperty("tagValues") List<TagValue> tagValues,
      @JsonProperty("target") String target)
      implements Serializable {}

  /** Parses and validates a job; {@code source} names the input in error messages. */
  public static ClassificationJobDefinition parse(String source, String json) {
    ClassificationJobDefinition job;
    try {
      job = MAPPER.readValue(json, ClassificationJobDefinition.class);
    } catch (UnrecognizedPropertyException e) {
      throw TrawlErrors.invalidJson(
          source,
          String.format(
              "unknown field '%s' in a CreateClassificationJob request (check the spelling)",
              e.getPropertyName()),
          e);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : String.format(
                  " (line %d, column %d)",
                  e.getLocation().getLineNr(), e.getLocation().getColumnNr());
      throw TrawlErrors.invalidJson(source, firstLine(e.getOriginalMessage()) + where, e);
    }
    if (job == null) {
      throw TrawlErrors.invalidJson(source, "empty job definition", null);
    }
    JobValidation.validate(source, job);
    return job;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "not valid JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The selector, RECOMMENDED when omitted (Macie's default). */
  public ManagedDataIdentifierSelector effectiveSelector() {
    return selector == null ? ManagedDataIdentifierSelector.RECOMMENDED : selector;
  }

  /** A stable job ID (32 hex chars like Macie's): from the client token if given, else the name. */
  public String derivedJobId() {
    String basis = clientToken != null && !clientToken.isBlank() ? clientToken : name;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<String> customIds() {
    return customDataIdentifierIds == null ? List.of() : customDataIdentifierIds;
  }

  public List<String> allowIds() {
    return allowListIds == null ? List.of() : allowListIds;
  }

  public boolean isScheduled() {
    return jobType == JobType.SCHEDULED;
  }

  /** Macie: initialRun applies to recurring jobs; a one-time job analyses everything in scope. */
  public boolean includesExistingObjects() {
    return !isScheduled() || initialRun == null || initialRun;
  }

  /** The job as canonical JSON (for the job_runs table). */
  public String toJson() {
    try {
      return new ObjectMapper()
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          .writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
