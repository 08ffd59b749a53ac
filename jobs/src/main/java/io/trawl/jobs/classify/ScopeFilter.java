package io.trawl.jobs.classify;

import io.trawl.TrawlErrors;
import io.trawl.jobs.classify.ClassificationJobDefinition.BucketCriteria;
import io.trawl.jobs.classify.ClassificationJobDefinition.CriteriaBlock;
import io.trawl.jobs.classify.ClassificationJobDefinition.CriteriaForJob;
import io.trawl.jobs.classify.ClassificationJobDefinition.JobScopeTerm;
import io.trawl.jobs.classify.ClassificationJobDefinition.ScopeBlock;
import io.trawl.jobs.classify.ClassificationJobDefinition.SimpleScopeTerm;
import io.trawl.jobs.classify.ClassificationJobDefinition.TagValue;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which objects a job analyses: its buckets (static list or bucket criteria), then object
 * scoping (includes AND-ed; an object matching every exclude term is out: excludes win). Values are
 * case sensitive without wildcards, as in Macie.
 *
 * <p>Bucket criteria on posture ({@code S3_BUCKET_EFFECTIVE_PERMISSION}, {@code
 * S3_BUCKET_SHARED_ACCESS}) and bucket tags are evaluated against the bucket's latest posture
 * ({@link #withPosture}, from {@code bucket_risk}), as Macie evaluates them against its bucket
 * inventory when a job starts. Where Trawl cannot know a property (object tags from a listing, a
 * bucket never scored), it is treated as absent: tag EQ terms do not match and NE terms do, and
 * posture criteria compare against {@code UNKNOWN}.
 */
public final class ScopeFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Set<String> definedBuckets; // "account/bucket" and "*/bucket"; null = criteria
  private final BucketCriteria criteria;
  private final List<JobScopeTerm> includes;
  private final List<JobScopeTerm> excludes;
  private final Map<String, BucketPosture> posture; // "account/bucket"; empty = none read

  /**
   * What bucket criteria can ask of a bucket beyond its account and name.
   *
   * @param effectivePermission Macie's effectivePermission: PUBLIC, NOT_PUBLIC or UNKNOWN
   * @param sharedAccess Macie's sharedAccess: EXTERNAL, INTERNAL, NOT_SHARED or UNKNOWN
   * @param tags the bucket's tags (never null)
   */
  public record BucketPosture(
      String effectivePermission, String sharedAccess, Map<String, String> tags)
      implements Serializable {}

  private ScopeFilter(
      Set<String> definedBuckets,
      BucketCriteria criteria,
      List<JobScopeTerm> includes,
      List<JobScopeTerm> excludes,
      Map<String, BucketPosture> posture) {
    this.definedBuckets = definedBuckets;
    this.criteria = criteria;
    this.includes = includes;
    this.excludes = excludes;
    this.posture = posture;
  }

  /** This filter, judging bucket criteria by these buckets' posture (key "account/bucket"). */
  public ScopeFilter withPosture(Map<String, BucketPosture> byBucket) {
    return new ScopeFilter(definedBuckets, criteria, includes, excludes, Map.copyOf(byBucket));
  }

  /** True if the job's bucket criteria ask for posture or bucket tags. */
  public boolean needsPosture() {
    if (criteria == null) {
      return false;
    }
    for (CriteriaBlock block : java.util.Arrays.asList(criteria.includes(), criteria.excludes())) {
      if (block == null || block.and() == null) {
        continue;
      }
      for (CriteriaForJob c : block.and()) {
        if (c.tagCriterion() != null
            || (c.simpleCriterion() != null
                && !c.simpleCriterion().key().equals("ACCOUNT_ID")
                && !c.simpleCriterion().key().equals("S3_BUCKET_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }

  public static ScopeFilter of(ClassificationJobDefinition job) {
    var s3 = job.s3JobDefinition();
    Set<String> buckets = null;
    if (s3.bucketDefinitions() != null) {
      buckets = new HashSet<>();
      for (var def : s3.bucketDefinitions()) {
        for (String b : def.buckets()) {
          buckets.add(def.accountId() + "/" + b);
        }
      }
    }
    List<JobScopeTerm> inc = List.of();
    List<JobScopeTerm> exc = List.of();
    if (s3.scoping() != null) {
      inc = terms(s3.scoping().includes());
      exc = terms(s3.scoping().excludes());
    }
    return new ScopeFilter(buckets, s3.bucketCriteria(), inc, exc, Map.of());
  }

  private static List<JobScopeTerm> terms(ScopeBlock block) {
    return block == null || block.and() == null ? List.of() : List.copyOf(block.and());
  }

  /** The buckets named in bucketDefinitions, or null when the job selects buckets by criteria. */
  public Set<String> definedBucketNames() {
    if (definedBuckets == null) {
      return null;
    }
    Set<String> names = new HashSet<>();
    definedBuckets.forEach(ab -> names.add(ab.substring(ab.indexOf('/') + 1)));
    return names;
  }

  /** True if the job analyses objects of this bucket. */
  public boolean bucketSelected(String accountId, String bucket) {
    if (definedBuckets != null) {
      return definedBuckets.contains(accountId + "/" + bucket);
    }
    boolean included =
        criteria.includes() == null || matchesAll(criteria.includes(), accountId, bucket);
    boolean excluded =
        criteria.excludes() != null
            && criteria.excludes().and() != null
            && !criteria.excludes().and().isEmpty()
            && matchesAll(criteria.excludes(), accountId, bucket);
    return included && !excluded;
  }

  private boolean matchesAll(CriteriaBlock block, String accountId, String bucket) {
    if (block.and() == null) {
      return true;
    }
    BucketPosture known = posture.get(accountId + "/" + bucket);
    for (CriteriaForJob c : block.and()) {
      boolean match;
      if (c.simpleCriterion() != null) {
        var sc = c.simpleCriterion();
        String actual =
            switch (sc.key()) {
              case "ACCOUNT_ID" -> accountId;
              case "S3_BUCKET_NAME" -> bucket;
              case "S3_BUCKET_EFFECTIVE_PERMISSION" ->
                  known == null ? "UNKNOWN" : known.effectivePermission();
              case "S3_BUCKET_SHARED_ACCESS" -> known == null ? "UNKNOWN" : known.sharedAccess();
              default -> throw new IllegalStateException(sc.key()); // JobValidation rejects it
            };
        boolean any = sc.values().contains(actual);
        match = "EQ".equals(sc.comparator()) == any;
      } else {
        // EQ: the bucket has any of the tags (an empty value: the key with any value); NE: none.
        // A bucket never scored has no known tags: nothing matches EQ, everything matches NE.
        Map<String, String> tags = known == null ? Map.of() : known.tags();
        boolean any = false;
        for (TagValue tv : c.tagCriterion().tagValues()) {
          String v = tags.get(tv.key());
          if (v != null && (tv.value() == null || tv.value().isEmpty() || tv.value().equals(v))) {
            any = true;
          }
        }
        match = "EQ".equals(c.tagCriterion().comparator()) == any;
      }
      if (!match) {
        return false;
      }
    }
    return true;
  }

  /** True if the object is in the job's scope (bucket selected, includes met, not excluded). */
  public boolean inScope(ObjectRef o) {
    if (!bucketSelected(o.accountId(), o.bucket())) {
      return false;
    }
    for (JobScopeTerm t : includes) {
      if (!matches(t, o)) {
        return false;
      }
    }
    if (excludes.isEmpty()) {
      return true;
    }
    for (JobScopeTerm t : excludes) {
      if (!matches(t, o)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(JobScopeTerm term, ObjectRef o) {
    if (term.tagScopeTerm() != null) {
      boolean any = false;
      Map<String, String> tags = o.tags() == null ? Map.of() : o.tags();
      for (TagValue tv : term.tagScopeTerm().tagValues()) {
        String v = tags.get(tv.key());
        if (v != null && (tv.value() == null || tv.value().isEmpty() || tv.value().equals(v))) {
          any = true;
        }
      }
      return "EQ".equals(term.tagScopeTerm().comparator()) == any;
    }
    SimpleScopeTerm s = term.simpleScopeTerm();
    switch (s.key()) {
      case "OBJECT_EXTENSION":
        return "EQ".equals(s.comparator()) == s.values().contains(o.extension());
      case "OBJECT_KEY":
        for (String prefix : s.values()) {
          if (o.key().startsWith(prefix)) {
            return true;
          }
        }
        return false;
      case "OBJECT_SIZE":
        return compare(s.comparator(), Long.compare(o.size(), parseTermValue("job", s)));
      case "OBJECT_LAST_MODIFIED_DATE":
        if (o.lastModified() == null) {
          return false;
        }
        return compare(s.comparator(), Long.compare(o.lastModified(), parseTermValue("job", s)));
      default:
        throw new IllegalStateException(s.key());
    }
  }

  private static boolean compare(String comparator, int cmp) {
    return switch (comparator) {
      case "EQ" -> cmp == 0;
      case "NE" -> cmp != 0;
      case "GT" -> cmp > 0;
      case "GTE" -> cmp >= 0;
      case "LT" -> cmp < 0;
      case "LTE" -> cmp <= 0;
      default -> throw new IllegalStateException(comparator);
    };
  }

  /** OBJECT_SIZE in bytes, or OBJECT_LAST_MODIFIED_DATE (ISO-8601) as epoch milliseconds. */
  static long parseTermValue(String source, SimpleScopeTerm s) {
    String v = s.values().get(0);
    try {
      if ("OBJECT_SIZE".equals(s.key())) {
        return Long.parseLong(v.trim());
      }
      try {
        return OffsetDateTime.parse(v).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        return Instant.parse(v.length() == 10 ? v + "T00:00:00Z" : v).toEpochMilli();
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw TrawlErrors.invalidJson(
          source,
          String.format(
              "%s value '%s' is not %s",
              s.key(),
              v,
              "OBJECT_SIZE".equals(s.key()) ? "a whole number of bytes" : "an ISO-8601 date-time"),
          e);
    }
  }
}
