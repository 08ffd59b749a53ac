package io.trawl.jobs.classify;

import io.trawl.TrawlErrors;
import io.trawl.detection.ManagedDataIdentifierSelector;
import io.trawl.jobs.classify.ClassificationJobDefinition.CriteriaBlock;
import io.trawl.jobs.classify.ClassificationJobDefinition.CriteriaForJob;
import io.trawl.jobs.classify.ClassificationJobDefinition.JobScopeTerm;
import io.trawl.jobs.classify.ClassificationJobDefinition.ScopeBlock;
import io.trawl.jobs.classify.ClassificationJobDefinition.SimpleScopeTerm;
import java.util.List;
import java.util.Set;

/** Macie's rules for a CreateClassificationJob request (macie.md section 10), checked once. */
final class JobValidation {
  private static final Set<String> SCOPE_KEYS =
      Set.of("OBJECT_EXTENSION", "OBJECT_KEY", "OBJECT_SIZE", "OBJECT_LAST_MODIFIED_DATE");
  private static final Set<String> ORDER_COMPARATORS = Set.of("EQ", "NE", "GT", "GTE", "LT", "LTE");
  private static final Set<String> BUCKET_KEYS =
      Set.of(
          "ACCOUNT_ID",
          "S3_BUCKET_NAME",
          "S3_BUCKET_EFFECTIVE_PERMISSION",
          "S3_BUCKET_SHARED_ACCESS");

  private JobValidation() {}

  static void validate(String source, ClassificationJobDefinition job) {
    require(source, job.name() != null && !job.name().isBlank(), "'name' is required");
    require(source, job.name().length() <= 500, "'name' is longer than 500 characters");
    require(source, job.jobType() != null, "'jobType' is required: ONE_TIME or SCHEDULED");
    require(
        source,
        job.jobType() != ClassificationJobDefinition.JobType.ONE_TIME
            || job.scheduleFrequency() == null,
        "a ONE_TIME job cannot have 'scheduleFrequency'");
    if (job.samplingPercentage() != null) {
      int p = job.samplingPercentage();
      require(source, p >= 1 && p <= 100, "'samplingPercentage' must be 1-100, not " + p);
    }
    ManagedDataIdentifierSelector selector = job.effectiveSelector();
    List<String> ids =
        job.managedDataIdentifierIds() == null ? List.of() : job.managedDataIdentifierIds();
    if (selector == ManagedDataIdentifierSelector.INCLUDE
        || selector == ManagedDataIdentifierSelector.EXCLUDE) {
      require(
          source,
          !ids.isEmpty(),
          "'managedDataIdentifierIds' must list at least one ID with selector " + selector);
    } else {
      require(
          source,
          ids.isEmpty(),
          "'managedDataIdentifierIds' is only valid with INCLUDE or EXCLUDE, not " + selector);
    }
    require(
        source,
        selector != ManagedDataIdentifierSelector.NONE || !job.customIds().isEmpty(),
        "selector NONE needs at least one entry in 'customDataIdentifierIds'");
    require(source, job.customIds().size() <= 30, "at most 30 customDataIdentifierIds per job");
    require(source, job.allowIds().size() <= 10, "at most 10 allowListIds per job");

    var s3 = job.s3JobDefinition();
    require(source, s3 != null, "'s3JobDefinition' is required");
    require(
        source,
        (s3.bucketDefinitions() == null) != (s3.bucketCriteria() == null),
        "s3JobDefinition needs exactly one of 'bucketDefinitions' or 'bucketCriteria'");
    if (s3.bucketDefinitions() != null) {
      int count = 0;
      for (var def : s3.bucketDefinitions()) {
        require(
            source,
            def.accountId() != null && def.buckets() != null && !def.buckets().isEmpty(),
            "each bucketDefinitions entry needs 'accountId' and a non-empty 'buckets' list");
        count += def.buckets().size();
      }
      require(source, count <= 1000, "at most 1,000 buckets in bucketDefinitions");
    } else {
      validateCriteria(source, s3.bucketCriteria().includes());
      validateCriteria(source, s3.bucketCriteria().excludes());
    }
    if (s3.scoping() != null) {
      validateScope(source, s3.scoping().includes());
      validateScope(source, s3.scoping().excludes());
    }
  }

  private static void validateCriteria(String source, CriteriaBlock block) {
    if (block == null || block.and() == null) {
      return;
    }
    for (CriteriaForJob c : block.and()) {
      require(
          source,
          (c.simpleCriterion() == null) != (c.tagCriterion() == null),
          "each bucketCriteria condition needs exactly one of simpleCriterion or tagCriterion");
      if (c.simpleCriterion() != null) {
        var sc = c.simpleCriterion();
        require(
            source,
            BUCKET_KEYS.contains(sc.key()),
            "bucketCriteria key must be one of " + BUCKET_KEYS + ", not " + sc.key());
        requireEqNe(source, sc.comparator(), "bucketCriteria");
        require(
            source,
            sc.values() != null && !sc.values().isEmpty(),
            "bucketCriteria simpleCriterion needs 'values'");
      } else {
        requireEqNe(source, c.tagCriterion().comparator(), "bucketCriteria tagCriterion");
      }
    }
  }

  private static void validateScope(String source, ScopeBlock block) {
    if (block == null || block.and() == null) {
      return;
    }
    for (JobScopeTerm t : block.and()) {
      require(
          source,
          (t.simpleScopeTerm() == null) != (t.tagScopeTerm() == null),
          "each scoping condition needs exactly one of simpleScopeTerm or tagScopeTerm");
      if (t.tagScopeTerm() != null) {
        requireEqNe(source, t.tagScopeTerm().comparator(), "tagScopeTerm");
        require(source, "TAG".equals(t.tagScopeTerm().key()), "tagScopeTerm 'key' must be TAG");
        continue;
      }
      SimpleScopeTerm s = t.simpleScopeTerm();
      require(
          source,
          SCOPE_KEYS.contains(s.key()),
          "scoping key must be one of " + SCOPE_KEYS + ", not " + s.key());
      require(
          source,
          s.values() != null && !s.values().isEmpty(),
          "scoping term on " + s.key() + " needs 'values'");
      switch (s.key()) {
        case "OBJECT_EXTENSION":
          requireEqNe(source, s.comparator(), "OBJECT_EXTENSION");
          break;
        case "OBJECT_KEY":
          require(
              source,
              "STARTS_WITH".equals(s.comparator()),
              "OBJECT_KEY only supports comparator STARTS_WITH, not " + s.comparator());
          break;
        case "OBJECT_SIZE":
        case "OBJECT_LAST_MODIFIED_DATE":
          require(
              source,
              ORDER_COMPARATORS.contains(s.comparator()),
              s.key() + " comparator must be one of " + ORDER_COMPARATORS);
          require(source, s.values().size() == 1, s.key() + " takes exactly one value");
          ScopeFilter.parseTermValue(source, s);
          break;
        default:
          throw new IllegalStateException(s.key());
      }
    }
  }

  private static void requireEqNe(String source, String comparator, String where) {
    require(
        source,
        "EQ".equals(comparator) || "NE".equals(comparator),
        where + " comparator must be EQ or NE, not " + comparator);
  }

  private static void require(String source, boolean ok, String problem) {
    if (!ok) {
      throw TrawlErrors.invalidJson(source, problem, null);
    }
  }
}
