package io.trawl.catalog;

import static io.trawl.catalog.TrawlSchemas.arrayOf;

import io.trawl.catalog.TrawlSchemas.Columns;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Trawl's Delta tables: name, grain, schema and partitioning. Every table is partitioned by a
 * low-cardinality date (never bucket or key) and, except {@code objects}, carries the run it was
 * written by so reruns replace rather than duplicate.
 */
public enum TrawlTable {
  /** The estate's inventory: one row per object per inventory snapshot. */
  OBJECTS(
      "objects",
      "one row per object per inventory snapshot",
      "Inventory of the estate: the S3 objects (or files) seen by one listing or S3 Inventory"
          + " snapshot",
      "snapshot_date",
      null,
      objectsSchema()),
  /** Macie's detailed classification results: one row per object per job run. */
  CLASSIFICATION_RESULTS(
      "classification_results",
      "one row per object per job run",
      "Sensitive data discovery results for every object a job run looked at, as in Macie's"
          + " detailed classification results",
      "run_date",
      "run_id",
      classificationResultsSchema()),
  /** Macie findings: one row per sensitive object per run. */
  FINDINGS(
      "findings",
      "one row per sensitive object per job run",
      "Macie sensitive data findings (SensitiveData:S3Object/*), one per object in which sensitive"
          + " data was found",
      "run_date",
      "run_id",
      findingsSchema()),
  /** Flat detections: one row per object and data identifier per run. */
  DETECTIONS(
      "detections",
      "one row per object x sensitive data type per job run",
      "Flattened detections for dashboards: which data identifier matched how often in which"
          + " object, with masked samples",
      "run_date",
      "run_id",
      detectionsSchema()),
  /** Classification job runs: one row per run. */
  JOB_RUNS(
      "job_runs",
      "one row per job run",
      "Classification job runs: the Macie job definition, status, timings, counts, bytes and"
          + " estimated cost",
      "run_date",
      "run_id",
      jobRunsSchema()),
  /** Per-bucket statistics: one row per bucket per run. */
  BUCKET_PROFILES(
      "bucket_profiles",
      "one row per bucket per job run",
      "Per-bucket sensitive data statistics: objects and bytes classified, sensitive and"
          + " skipped, and the data types found",
      "run_date",
      "run_id",
      bucketProfilesSchema()),
  /** Per-bucket exposure and risk: one row per bucket per scoring run. */
  BUCKET_RISK(
      "bucket_risk",
      "one row per bucket per scoring run",
      "Per-bucket security posture (public access, sharing, encryption), Macie's policy findings,"
          + " and exposure and risk scores kept apart from sensitivity, each with its reasons",
      "run_date",
      "run_id",
      bucketRiskSchema()),
  /** Sampling plans: one row per stratum per plan. */
  SAMPLING_PLANS(
      "sampling_plans",
      "one row per stratum (bucket x top-level prefix x extension x size band) per sampling plan",
      "Sampling plans for automated discovery: each stratum's population, what is known, the"
          + " sample to take within the budget, its expected cost beside Macie's, and the bucket's"
          + " prevalence estimate with its confidence interval",
      "plan_date",
      "plan_id",
      samplingPlansSchema()),
  /** Findings filters applied: one row per filter per application. */
  FINDINGS_FILTER_RUNS(
      "findings_filter_runs",
      "one row per findings filter per application",
      "Macie findings filters and suppression rules applied to the findings table: how many"
          + " findings each matched and archived",
      "run_date",
      "run_id",
      findingsFilterRunsSchema()),
  /** Remediation actions: one row per object per remediation run. */
  REMEDIATION_ACTIONS(
      "remediation_actions",
      "one row per object per remediation run",
      "Remediation actions planned (dry run) or taken on sensitive objects, such as S3 object"
          + " tagging, with their result",
      "run_date",
      "run_id",
      remediationActionsSchema()),
  /** Per-bucket sensitivity settings a user edits: one row per change, append-only. */
  BUCKET_SETTINGS(
      "bucket_settings",
      "one row per bucket per settings change (never rewritten: the table is the history)",
      "Per-bucket sensitivity settings as Macie's UpdateResourceProfile and"
          + " UpdateResourceProfileDetections set them: suppressed data identifier types and a score"
          + " override; the latest row per bucket applies",
      "run_date",
      "run_id",
      bucketSettingsSchema()),
  /** S3 server access log records and CloudTrail S3 data events: one row per request per run. */
  ACCESS_EVENTS(
      "access_events",
      "one row per logged S3 request per access run",
      "S3 requests from server access logs and CloudTrail data events in one common schema: who"
          + " did what to which object, when, from where, and how it ended",
      "event_date",
      "run_id",
      accessEventsSchema()),
  /** Access log lines and CloudTrail records that could not be parsed, kept with a reason. */
  ACCESS_EVENTS_REJECTED(
      "access_events_rejected",
      "one row per malformed log line or record per access run",
      "Server access log lines and CloudTrail records an access run could not parse: the file,"
          + " position, reason and a truncated, redacted excerpt",
      "run_date",
      "run_id",
      accessEventsRejectedSchema()),
  /** Access events on sensitive objects with the object's latest sensitivity. */
  SENSITIVE_ACCESS(
      "sensitive_access",
      "one row per request on a sensitive object per access run",
      "Requests on objects whose latest classification found sensitive data, each with that"
          + " object's finding type, severity and identifier types",
      "event_date",
      "run_id",
      sensitiveAccessSchema()),
  /** Unusual access: one row per principal and time window with reasons. */
  ACCESS_ANOMALIES(
      "access_anomalies",
      "one row per principal and window with unusual access per access run",
      "Unusual access to sensitive data per principal and time window, ranked by a score with"
          + " the reasons in words",
      "window_date",
      "run_id",
      accessAnomaliesSchema());

  private final String tableName;
  private final String grain;
  private final String description;
  private final String partitionColumn;
  private final String runIdColumn;
  private final StructType schema;

  TrawlTable(
      String tableName,
      String grain,
      String description,
      String partitionColumn,
      String runIdColumn,
      StructType schema) {
    this.tableName = tableName;
    this.grain = grain;
    this.description = description;
    this.partitionColumn = partitionColumn;
    this.runIdColumn = runIdColumn;
    this.schema = schema;
  }

  /** Lower snake case table name, e.g. {@code classification_results}. */
  public String tableName() {
    return tableName;
  }

  /** What one row is, e.g. "one row per object per job run". */
  public String grain() {
    return grain;
  }

  /** One-sentence table comment, used for the Delta, metastore and Glue table descriptions. */
  public String description() {
    return description;
  }

  /** The table's schema; every field has a comment (metadata key {@code comment}). */
  public StructType schema() {
    return schema;
  }

  /** Partition columns: a single low-cardinality date. */
  public List<String> partitionColumns() {
    return List.of(partitionColumn);
  }

  /** The column naming the run that wrote a row, or {@code null} for {@link #OBJECTS}. */
  public String runIdColumn() {
    return runIdColumn;
  }

  /** The column names in schema order. */
  public List<String> columnNames() {
    return Arrays.asList(schema.fieldNames());
  }

  /** Looks a table up by its {@link #tableName()} (case-insensitive). */
  public static TrawlTable fromTableName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (TrawlTable table : values()) {
      if (table.tableName.equals(wanted)) {
        return table;
      }
    }
    throw new IllegalArgumentException("no Trawl table named " + name);
  }

  private static StructType objectsSchema() {
    return new Columns()
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket, if known")
        .required("bucket", DataTypes.StringType, "Bucket name (top-level folder for file://)")
        .required("key", DataTypes.StringType, "Object key, decoded (not URL-encoded)")
        .add("size", DataTypes.LongType, "Object size in bytes")
        .add("last_modified", DataTypes.TimestampType, "When the object was last modified (UTC)")
        .add("etag", DataTypes.StringType, "Entity tag of the object, without quotes")
        .add(
            "storage_class",
            DataTypes.StringType,
            "S3 storage class, e.g. STANDARD, STANDARD_IA, GLACIER")
        .add(
            "encryption_status",
            DataTypes.StringType,
            "Server-side encryption as in S3 Inventory: SSE-S3, SSE-KMS, SSE-C, DSSE-KMS, NOT-SSE;"
                + " null if unknown")
        .required(
            "extension",
            DataTypes.StringType,
            "Lower-case file name extension without the dot, empty string if none")
        .add("version_id", DataTypes.StringType, "Object version ID, null if unversioned")
        .required(
            "source",
            DataTypes.StringType,
            "How the object was listed: listing (prefix listing) or s3-inventory")
        .add(
            "estate_uri",
            DataTypes.StringType,
            "The estate root that was listed, e.g. s3a://bucket/prefix or file:/data")
        .required("snapshot_id", DataTypes.StringType, "ID of the inventory snapshot")
        .required("snapshot_time", DataTypes.TimestampType, "When the snapshot was taken (UTC)")
        .required(
            "snapshot_date", DataTypes.DateType, "UTC date of snapshot_time; partition column")
        .build();
  }

  private static StructType classificationResultsSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the job run that produced this row")
        .add("job_id", DataTypes.StringType, "Classification job ID")
        .add("job_name", DataTypes.StringType, "Classification job name")
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add("key", DataTypes.StringType, "Object key")
        .add("etag", DataTypes.StringType, "Entity tag of the object that was read")
        .add("version_id", DataTypes.StringType, "Object version ID, null if unversioned")
        .add("size", DataTypes.LongType, "Object size in bytes")
        .add("last_modified", DataTypes.TimestampType, "When the object was last modified (UTC)")
        .add("storage_class", DataTypes.StringType, "S3 storage class")
        .add("extension", DataTypes.StringType, "File name extension without the dot")
        .add(
            "status_code",
            DataTypes.StringType,
            "Macie classification status: COMPLETE, PARTIAL or SKIPPED")
        .add(
            "status_reason",
            DataTypes.StringType,
            "Macie status reason for PARTIAL or SKIPPED, e.g. UNSUPPORTED_FILE_TYPE_EXCEPTION")
        .add("mime_type", DataTypes.StringType, "Detected MIME type of the object")
        .add(
            "size_classified",
            DataTypes.LongType,
            "Bytes of the object that were classified (Macie sizeClassified)")
        .add("sensitive", DataTypes.BooleanType, "Whether any sensitive data was found")
        .add(
            "finding_type",
            DataTypes.StringType,
            "Macie finding type if sensitive, e.g. SensitiveData:S3Object/Financial")
        .add(
            "severity",
            DataTypes.StringType,
            "Highest detection severity: Low, Medium or High; null if not sensitive")
        .add(
            "severity_score",
            DataTypes.IntegerType,
            "Numeric severity as in Macie findings: 1 Low, 2 Medium, 3 High")
        .add("total_detections", DataTypes.LongType, "Sum of all detection counts")
        .add(
            "additional_occurrences",
            DataTypes.BooleanType,
            "True if more occurrences were found than recorded (Macie additionalOccurrences)")
        .add(
            "detections",
            arrayOf(TrawlSchemas.DETECTION),
            "Sensitive data types found, with counts and recorded occurrences")
        .add(
            "unprocessed_files",
            arrayOf(DataTypes.StringType),
            "Files inside an archive that could not be classified, with reasons")
        .add("classified_at", DataTypes.TimestampType, "When classification finished (UTC)")
        .add("duration_ms", DataTypes.LongType, "Milliseconds spent reading and classifying")
        .add("run_date", DataTypes.DateType, "UTC date the run started; partition column")
        .build();
  }

  private static StructType findingsSchema() {
    return new Columns()
        .add("finding_id", DataTypes.StringType, "Finding ID, stable for a run, object and version")
        .add("run_id", DataTypes.StringType, "ID of the job run that produced the finding")
        .add("job_id", DataTypes.StringType, "Classification job ID")
        .add(
            "job_arn",
            DataTypes.StringType,
            "Classification job ARN, arn:aws:macie2:<region>:<account>:classification-job/<id>")
        .add(
            "origin_type",
            DataTypes.StringType,
            "What produced the finding: SENSITIVE_DATA_DISCOVERY_JOB")
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket")
        .add("region", DataTypes.StringType, "AWS Region of the bucket")
        .add("partition_name", DataTypes.StringType, "AWS partition, e.g. aws")
        .add(
            "type",
            DataTypes.StringType,
            "Macie finding type, e.g. SensitiveData:S3Object/Personal or /Multiple")
        .add("category", DataTypes.StringType, "Finding category: CLASSIFICATION")
        .add("severity", DataTypes.StringType, "Finding severity: Low, Medium or High")
        .add("severity_score", DataTypes.IntegerType, "Numeric severity: 1 Low, 2 Medium, 3 High")
        .add("title", DataTypes.StringType, "Short finding title, as Macie writes it")
        .add("description", DataTypes.StringType, "Finding description, as Macie writes it")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add("bucket_arn", DataTypes.StringType, "Bucket ARN, arn:aws:s3:::<bucket>")
        .add("key", DataTypes.StringType, "Object key")
        .add("object_path", DataTypes.StringType, "Bucket and key, <bucket>/<key>")
        .add("etag", DataTypes.StringType, "Entity tag of the object")
        .add("version_id", DataTypes.StringType, "Object version ID, null if unversioned")
        .add("size", DataTypes.LongType, "Object size in bytes")
        .add("storage_class", DataTypes.StringType, "S3 storage class")
        .add("extension", DataTypes.StringType, "File name extension without the dot")
        .add("mime_type", DataTypes.StringType, "Detected MIME type of the object")
        .add("size_classified", DataTypes.LongType, "Bytes of the object that were classified")
        .add("status_code", DataTypes.StringType, "Classification status: COMPLETE or PARTIAL")
        .add("status_reason", DataTypes.StringType, "Reason for a PARTIAL classification")
        .add(
            "additional_occurrences",
            DataTypes.BooleanType,
            "True if more occurrences were found than recorded")
        .add(
            "sensitive_data_categories",
            arrayOf(DataTypes.StringType),
            "Macie categories found, e.g. FINANCIAL_INFORMATION")
        .add(
            "detection_types",
            arrayOf(DataTypes.StringType),
            "Data identifier IDs found, e.g. CREDIT_CARD_NUMBER")
        .add("total_count", DataTypes.LongType, "Total occurrences of sensitive data in the object")
        .add("archived", DataTypes.BooleanType, "Whether the finding is archived (suppressed)")
        .add("created_at", DataTypes.TimestampType, "When the finding was created (UTC)")
        .add("updated_at", DataTypes.TimestampType, "When the finding was last updated (UTC)")
        .add(
            "finding_json",
            DataTypes.StringType,
            "The complete finding as Macie's GetFindings returns it (camelCase JSON)")
        .add("run_date", DataTypes.DateType, "UTC date the run started; partition column")
        .build();
  }

  private static StructType detectionsSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the job run that produced this row")
        .add("job_id", DataTypes.StringType, "Classification job ID")
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add("key", DataTypes.StringType, "Object key")
        .add(
            "type",
            DataTypes.StringType,
            "Managed data identifier ID (e.g. CREDIT_CARD_NUMBER) or custom identifier ID")
        .add("identifier_type", DataTypes.StringType, "MANAGED or CUSTOM")
        .add(
            "category",
            DataTypes.StringType,
            "Macie category: CREDENTIALS, FINANCIAL_INFORMATION, PERSONAL_INFORMATION or"
                + " CUSTOM_IDENTIFIER")
        .add("count", DataTypes.LongType, "Occurrences of this type in the object")
        .add("severity", DataTypes.StringType, "Severity of this detection: Low, Medium or High")
        .add(
            "occurrences_recorded",
            DataTypes.IntegerType,
            "Occurrences recorded in classification_results (at most 15)")
        .add(
            "keywords",
            arrayOf(DataTypes.StringType),
            "Distinct keywords, column names or JSON path elements that supported matches")
        .add(
            "validators",
            arrayOf(DataTypes.StringType),
            "Distinct validators that accepted values, e.g. luhn")
        .add(
            "masked_samples",
            arrayOf(DataTypes.StringType),
            "Up to 3 masked sample values; never raw values")
        .add(
            "first_location",
            DataTypes.StringType,
            "Human-readable first location, e.g. line 3 col 14, cell C5, $.a.b, page 2")
        .add("run_date", DataTypes.DateType, "UTC date the run started; partition column")
        .build();
  }

  private static StructType jobRunsSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of this job run")
        .add("job_id", DataTypes.StringType, "Classification job ID")
        .add("job_name", DataTypes.StringType, "Classification job name")
        .add("job_type", DataTypes.StringType, "ONE_TIME or SCHEDULED, as in Macie")
        .add("run_number", DataTypes.IntegerType, "1 for the first run of the job, then 2, 3, ...")
        .add(
            "job_definition",
            DataTypes.StringType,
            "The CreateClassificationJob request JSON the run used")
        .add("status", DataTypes.StringType, "Run status: RUNNING, COMPLETE, FAILED or CANCELLED")
        .add("started_at", DataTypes.TimestampType, "When the run started (UTC)")
        .add("finished_at", DataTypes.TimestampType, "When the run finished (UTC); null if running")
        .add("objects_in_scope", DataTypes.LongType, "Objects selected by the job's scope")
        .add("objects_classified", DataTypes.LongType, "Objects classified (COMPLETE or PARTIAL)")
        .add("objects_skipped", DataTypes.LongType, "Objects skipped (SKIPPED)")
        .add("objects_sensitive", DataTypes.LongType, "Objects with sensitive data (findings)")
        .add("bytes_in_scope", DataTypes.LongType, "Bytes of the objects in scope")
        .add("bytes_read", DataTypes.LongType, "Bytes read from storage")
        .add("bytes_classified", DataTypes.LongType, "Bytes classified (sum of size_classified)")
        .add("findings", DataTypes.LongType, "Findings written")
        .add("estimated_cost_usd", DataTypes.DoubleType, "Estimated compute cost of the run in USD")
        .add(
            "macie_cost_usd",
            DataTypes.DoubleType,
            "What Macie would have charged for bytes_classified, in USD")
        .add("error", DataTypes.StringType, "One-line reason if the run FAILED")
        .add(
            "plan_id",
            DataTypes.StringType,
            "Sampling plan the run executed (trawl classify --plan, trawl discover); null otherwise")
        .add("trawl_version", DataTypes.StringType, "Trawl version that ran the job")
        .add("run_date", DataTypes.DateType, "UTC date the run started; partition column")
        .build();
  }

  private static StructType bucketProfilesSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the job run that produced this row")
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add("objects_total", DataTypes.LongType, "Objects in the bucket (latest inventory)")
        .add("bytes_total", DataTypes.LongType, "Bytes in the bucket (latest inventory)")
        .add("objects_classified", DataTypes.LongType, "Objects classified")
        .add("bytes_classified", DataTypes.LongType, "Bytes classified")
        .add("objects_sensitive", DataTypes.LongType, "Objects with sensitive data")
        .add("bytes_sensitive", DataTypes.LongType, "Bytes of the objects with sensitive data")
        .add("objects_skipped", DataTypes.LongType, "Objects skipped for any reason")
        .add(
            "objects_skipped_permission_denied",
            DataTypes.LongType,
            "Objects skipped because access was denied")
        .add(
            "objects_skipped_invalid_encryption",
            DataTypes.LongType,
            "Objects skipped because of unsupported encryption, e.g. SSE-C")
        .add(
            "objects_skipped_invalid_kms",
            DataTypes.LongType,
            "Objects skipped because the KMS key was missing or disabled")
        .add("total_detections", DataTypes.LongType, "Occurrences of sensitive data in the bucket")
        .add(
            "identifier_types",
            arrayOf(DataTypes.StringType),
            "Distinct data identifier IDs found in the bucket")
        .add(
            "top_identifier_types",
            arrayOf(TrawlSchemas.IDENTIFIER_COUNT),
            "Most frequent data identifier IDs with their occurrence counts")
        .add(
            "highest_severity",
            DataTypes.StringType,
            "Highest finding severity in the bucket: Low, Medium or High")
        .add(
            "sensitivity_score",
            DataTypes.IntegerType,
            "Macie sensitivity score: -1 classification errors only, 1-49 not sensitive, 50 not"
                + " yet analysed, 51-99 sensitive, 100 manual override")
        .add(
            "sensitivity_label",
            DataTypes.StringType,
            "Macie's label for the score: Classification error, Not sensitive, Not yet analyzed or"
                + " Sensitive")
        .add(
            "sensitivity_score_overridden",
            DataTypes.BooleanType,
            "True if the score is a manual override from bucket_settings")
        .add(
            "sensitivity_reasons",
            arrayOf(DataTypes.StringType),
            "Why the score is what it is, in words")
        .add(
            "profile_objects_classified",
            DataTypes.LongType,
            "Objects analysed so far: latest result per object still in the latest inventory,"
                + " across runs (Macie totalItemsClassified)")
        .add(
            "profile_bytes_classified",
            DataTypes.LongType,
            "Bytes classified in those objects (Macie totalBytesClassified)")
        .add(
            "profile_objects_sensitive",
            DataTypes.LongType,
            "Objects with sensitive data of a type not suppressed (Macie totalItemsSensitive)")
        .add(
            "profile_objects_skipped",
            DataTypes.LongType,
            "Objects whose latest result is SKIPPED (Macie totalItemsSkipped)")
        .add(
            "profile_objects_skipped_permission_denied",
            DataTypes.LongType,
            "Of those, skipped because access was denied (totalItemsSkippedPermissionDenied)")
        .add(
            "profile_objects_skipped_invalid_encryption",
            DataTypes.LongType,
            "Of those, skipped for unsupported encryption (totalItemsSkippedInvalidEncryption)")
        .add(
            "profile_objects_skipped_invalid_kms",
            DataTypes.LongType,
            "Of those, skipped for a missing or disabled KMS key (totalItemsSkippedInvalidKms)")
        .add(
            "profile_objects_failed",
            DataTypes.LongType,
            "Objects skipped because of an error (not an unsupported type or storage class)")
        .add(
            "profile_detections",
            DataTypes.LongType,
            "Occurrences of data types not suppressed (Macie totalDetections)")
        .add(
            "profile_detections_suppressed",
            DataTypes.LongType,
            "Occurrences of suppressed data types (Macie totalDetectionsSuppressed)")
        .add(
            "profile_identifier_types",
            arrayOf(TrawlSchemas.IDENTIFIER_STATISTICS),
            "Every data type found so far with objects, occurrences and whether it is suppressed"
                + " (Macie's Detection list)")
        .add(
            "suppressed_identifier_types",
            arrayOf(DataTypes.StringType),
            "Data identifier IDs suppressed for this bucket in bucket_settings")
        .add("updated_at", DataTypes.TimestampType, "When this profile was computed (UTC)")
        .add("run_date", DataTypes.DateType, "UTC date the run started; partition column")
        .build();
  }

  private static StructType bucketRiskSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the scoring run that produced this row")
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add("region", DataTypes.StringType, "AWS Region of the bucket, null if unknown")
        .add(
            "posture_source",
            DataTypes.StringType,
            "Where the posture came from: api (AWS SDK calls), file (a posture file) or unknown")
        .add(
            "effective_permission",
            DataTypes.StringType,
            "Macie effectivePermission: PUBLIC, NOT_PUBLIC or UNKNOWN")
        .add(
            "shared_access",
            DataTypes.StringType,
            "Macie sharedAccess: EXTERNAL, INTERNAL, NOT_SHARED or UNKNOWN")
        .add(
            "allows_unencrypted_object_uploads",
            DataTypes.StringType,
            "Macie allowsUnencryptedObjectUploads: TRUE, FALSE or UNKNOWN")
        .add(
            "default_server_side_encryption",
            DataTypes.StringType,
            "Default encryption: NONE, AES256, aws:kms or aws:kms:dsse; null if unknown")
        .add(
            "block_public_access",
            DataTypes.BooleanType,
            "True if account and bucket Block Public Access together block all public access")
        .add("versioning", DataTypes.StringType, "Versioning: Enabled, Suspended or Disabled")
        .add("logging_enabled", DataTypes.BooleanType, "Whether server access logging is on")
        .add(
            "replicated_externally",
            DataTypes.BooleanType,
            "Whether the bucket replicates to a bucket in another account")
        .add(
            "shared_with_cloudfront",
            DataTypes.BooleanType,
            "Whether a CloudFront OAI or OAC can read the bucket")
        .add(
            "bucket_tags",
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
            "The bucket's tags, e.g. data-classification=cardholder")
        .add(
            "policy_finding_types",
            arrayOf(DataTypes.StringType),
            "Macie policy finding types for the current posture, e.g."
                + " Policy:IAMUser/S3BucketPublic")
        .add(
            "sensitivity_score",
            DataTypes.IntegerType,
            "The bucket's latest sensitivity score (from bucket_profiles; 50 if never analysed)")
        .add(
            "objects_sensitive",
            DataTypes.LongType,
            "Objects with sensitive data in the bucket's latest profile")
        .add(
            "identifier_types",
            arrayOf(DataTypes.StringType),
            "Data identifier IDs found in the bucket's latest profile")
        .add("exposure_score", DataTypes.IntegerType, "Exposure score 0-100 from posture alone")
        .add(
            "exposure_reasons",
            arrayOf(DataTypes.StringType),
            "Why the exposure score is what it is, in words")
        .add(
            "risk_score",
            DataTypes.IntegerType,
            "Risk score 0-100 combining sensitivity and exposure")
        .add("risk_level", DataTypes.StringType, "LOW, MEDIUM, HIGH or CRITICAL")
        .add(
            "risk_reasons",
            arrayOf(DataTypes.StringType),
            "Why the risk score is what it is, in words")
        .add(
            "sensitivity_label",
            DataTypes.StringType,
            "Macie's label for the sensitivity score, e.g. Not yet analyzed")
        .add(
            "sensitivity_reasons",
            arrayOf(DataTypes.StringType),
            "Why the sensitivity score is what it is, in words")
        .add("objects_total", DataTypes.LongType, "Objects in the bucket (latest inventory)")
        .add(
            "objects_classified",
            DataTypes.LongType,
            "Objects analysed so far (latest result per object still in the inventory)")
        .add(
            "external_accounts",
            arrayOf(DataTypes.StringType),
            "Accounts outside the organization the bucket policy names")
        .add(
            "object_ownership",
            DataTypes.StringType,
            "Object Ownership: BucketOwnerEnforced (ACLs off), BucketOwnerPreferred or ObjectWriter")
        .add("updated_at", DataTypes.TimestampType, "When this row was computed (UTC)")
        .add("run_date", DataTypes.DateType, "UTC date the run started; partition column")
        .build();
  }

  private static StructType samplingPlansSchema() {
    return new Columns()
        .required("plan_id", DataTypes.StringType, "ID of the sampling plan")
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket")
        .required("bucket", DataTypes.StringType, "Bucket name")
        .required(
            "prefix",
            DataTypes.StringType,
            "Top-level key prefix (text before the first /), empty string for keys without one")
        .required(
            "extension",
            DataTypes.StringType,
            "Lower-case file name extension without the dot, empty string if none")
        .required(
            "size_band",
            DataTypes.StringType,
            "Object size band: <16KB, 16KB-1MB, 1MB-64MB or >=64MB")
        .add("population_objects", DataTypes.LongType, "Objects in the stratum (plan's snapshot)")
        .add("population_bytes", DataTypes.LongType, "Bytes of the objects in the stratum")
        .add(
            "already_classified",
            DataTypes.LongType,
            "Objects with a classification result for their current version (etag) when planned")
        .add(
            "already_sensitive",
            DataTypes.LongType,
            "Of already_classified, objects in which sensitive data was found")
        .add(
            "changed_objects",
            DataTypes.LongType,
            "Objects classified before whose current version (etag, size) has not been")
        .add(
            "sample_size",
            DataTypes.LongType,
            "Objects to classify in this stratum; 0 when the budget goes elsewhere")
        .add(
            "expected_bytes",
            DataTypes.LongType,
            "Expected bytes of the sample (sample_size x mean size of unclassified objects); a cap"
                + " for GB budgets")
        .add(
            "expected_cost_usd",
            DataTypes.DoubleType,
            "Expected Trawl cost of the sample in USD (GETs, KMS decrypts, compute); a cap for $"
                + " budgets")
        .add(
            "macie_cost_usd",
            DataTypes.DoubleType,
            "What Macie would charge to analyse expected_bytes, in USD (first price band)")
        .add(
            "stratum_estimate",
            DataTypes.DoubleType,
            "Share of the stratum's classified objects that are sensitive; null if none classified")
        .add("stratum_lower", DataTypes.DoubleType, "Lower bound of the stratum's interval")
        .add("stratum_upper", DataTypes.DoubleType, "Upper bound of the stratum's interval")
        .add(
            "bucket_estimate",
            DataTypes.DoubleType,
            "Estimated share of the bucket's objects that are sensitive (stratified); null if"
                + " nothing was classified")
        .add(
            "bucket_lower",
            DataTypes.DoubleType,
            "Lower bound of the bucket's interval (unclassified strata count as 0)")
        .add(
            "bucket_upper",
            DataTypes.DoubleType,
            "Upper bound of the bucket's interval (unclassified strata count as 1)")
        .add("interval_method", DataTypes.StringType, "WILSON or CLOPPER_PEARSON")
        .add("confidence", DataTypes.DoubleType, "Confidence level of the intervals, e.g. 0.95")
        .add(
            "exposure_score",
            DataTypes.IntegerType,
            "The bucket's exposure score from bucket_risk when known; raises its priority")
        .add(
            "priority_reasons",
            arrayOf(DataTypes.StringType),
            "Why the stratum is favoured, e.g. unsampled, changed, exposure score 80")
        .add(
            "snapshot_id",
            DataTypes.StringType,
            "Inventory snapshot the plan was built from; classify --plan reads the same snapshot")
        .add(
            "budget", DataTypes.StringType, "The plan's budget as given, e.g. 10GB, 500objects, $2")
        .add("budget_unit", DataTypes.StringType, "GB, OBJECTS or USD")
        .add("budget_amount", DataTypes.DoubleType, "The budget in its unit")
        .add("created_at", DataTypes.TimestampType, "When the plan was made (UTC)")
        .add("plan_date", DataTypes.DateType, "UTC date of created_at; partition column")
        .build();
  }

  private static StructType findingsFilterRunsSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the filter application that wrote this row")
        .add(
            "filter_name", DataTypes.StringType, "Findings filter name (CreateFindingsFilter name)")
        .add(
            "action",
            DataTypes.StringType,
            "ARCHIVE (suppression rule: matches are archived) or NOOP (matches only counted)")
        .add("position", DataTypes.IntegerType, "Filter position; lower positions apply first")
        .add("description", DataTypes.StringType, "Filter description, if any")
        .add(
            "finding_criteria", DataTypes.StringType, "The filter's findingCriteria JSON, as given")
        .add(
            "findings_run_id",
            DataTypes.StringType,
            "The job run whose findings were filtered; null for every run")
        .add("findings_evaluated", DataTypes.LongType, "Findings the filter was evaluated against")
        .add("findings_matched", DataTypes.LongType, "Findings that match the filter's criteria")
        .add(
            "findings_archived",
            DataTypes.LongType,
            "Findings this filter archived now (not archived before, first ARCHIVE filter to"
                + " match)")
        .add("applied_at", DataTypes.TimestampType, "When the filter was applied (UTC)")
        .add("run_date", DataTypes.DateType, "UTC date of applied_at; partition column")
        .build();
  }

  private static StructType remediationActionsSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the remediation run")
        .add("action", DataTypes.StringType, "What was done: TAG_OBJECT (S3 object tagging)")
        .add("mode", DataTypes.StringType, "DRY_RUN (planned only, the default) or APPLY")
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add("key", DataTypes.StringType, "Object key")
        .add(
            "frameworks",
            arrayOf(DataTypes.StringType),
            "Compliance frameworks whose violations include the object")
        .add(
            "violation_types",
            arrayOf(DataTypes.StringType),
            "Violation types that include the object, e.g. PHI_IN_PUBLIC_BUCKET")
        .add(
            "tags",
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
            "The tags added to the object (its other tags are kept)")
        .add(
            "existing_tags",
            DataTypes.IntegerType,
            "How many tags the object had before; null in a dry run or if unreadable")
        .add(
            "status",
            DataTypes.StringType,
            "PLANNED (dry run), APPLIED, UNCHANGED (tags already set) or FAILED")
        .add("error", DataTypes.StringType, "One-line reason if FAILED")
        .add("acted_at", DataTypes.TimestampType, "When the action was planned or taken (UTC)")
        .add("run_date", DataTypes.DateType, "UTC date of acted_at; partition column")
        .build();
  }

  private static StructType bucketSettingsSchema() {
    return new Columns()
        .add(
            "run_id",
            DataTypes.StringType,
            "ID of the change (one trawl bucket-settings command or imported file)")
        .add("account_id", DataTypes.StringType, "AWS account ID that owns the bucket, if known")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add(
            "suppressed_identifier_types",
            arrayOf(DataTypes.StringType),
            "Data identifier IDs whose occurrences are left out of the bucket's score (counted as"
                + " suppressed); the whole list after this change")
        .add(
            "sensitivity_score_override",
            DataTypes.IntegerType,
            "100 to mark the bucket sensitive whatever is found, null for a calculated score")
        .add("reason", DataTypes.StringType, "Why the change was made, in the user's words")
        .add("changed_by", DataTypes.StringType, "Who made the change (OS user name)")
        .add("changed_at", DataTypes.TimestampType, "When the change was made (UTC)")
        .add("run_date", DataTypes.DateType, "UTC date of changed_at; partition column")
        .build();
  }

  private static Columns accessEventColumns(Columns c) {
    return c.add("run_id", DataTypes.StringType, "ID of the access run that ingested this row")
        .add(
            "source",
            DataTypes.StringType,
            "Where the row came from: server_access_log or cloudtrail")
        .add("source_file", DataTypes.StringType, "URI of the log file the row was parsed from")
        .add(
            "source_position",
            DataTypes.LongType,
            "1-based line (server access log) or 1-based index in Records (CloudTrail)")
        .add("event_time", DataTypes.TimestampType, "When the request was made (UTC)")
        .add(
            "bucket_owner",
            DataTypes.StringType,
            "Bucket owner: canonical user ID (server access log) or account ID (CloudTrail)")
        .add(
            "bucket_account_id",
            DataTypes.StringType,
            "Account ID owning the bucket if the log says (CloudTrail recipientAccountId)")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add("key", DataTypes.StringType, "Object key, decoded; null for bucket-level requests")
        .add(
            "operation",
            DataTypes.StringType,
            "S3 API name, e.g. GetObject, PutObject, DeleteObjects, ListObjects")
        .add(
            "raw_operation",
            DataTypes.StringType,
            "Operation as logged: REST.GET.OBJECT (server access log) or eventName (CloudTrail)")
        .add(
            "principal",
            DataTypes.StringType,
            "Who made the request: IAM ARN, canonical user ID, service, or ANONYMOUS_PRINCIPAL")
        .add(
            "principal_type",
            DataTypes.StringType,
            "IAMUser, AssumedRole, Root, FederatedUser, AWSService, AWSAccount, CanonicalUser,"
                + " Anonymous or Unknown")
        .add(
            "principal_account_id",
            DataTypes.StringType,
            "Account ID of the principal, null if anonymous or unknown")
        .add(
            "session_issuer_arn",
            DataTypes.StringType,
            "Role (or user) that issued the session, for assumed roles")
        .add(
            "anonymous",
            DataTypes.BooleanType,
            "True for unauthenticated requests (requester '-' or ANONYMOUS_PRINCIPAL)")
        .add("source_ip", DataTypes.StringType, "Source IP address (or AWS service name)")
        .add(
            "source_network",
            DataTypes.StringType,
            "Source network: the IPv4 /24 or IPv6 /64 of source_ip, null if not an address")
        .add("user_agent", DataTypes.StringType, "User agent of the client")
        .add(
            "request_id",
            DataTypes.StringType,
            "S3 request ID (the same in both sources, used to drop duplicates)")
        .add(
            "http_status",
            DataTypes.IntegerType,
            "HTTP status (server access log); null in CloudTrail")
        .add(
            "error_code",
            DataTypes.StringType,
            "S3 error code, e.g. AccessDenied, NoSuchKey; null on success")
        .add(
            "bytes_sent",
            DataTypes.LongType,
            "Bytes sent to the client (Bytes Sent, or bytesTransferredOut)")
        .add(
            "bytes_received",
            DataTypes.LongType,
            "Bytes received from the client (CloudTrail bytesTransferredIn)")
        .add("object_size", DataTypes.LongType, "Object size in bytes (server access log)")
        .add("total_time_ms", DataTypes.LongType, "Total time of the request in milliseconds")
        .add(
            "turn_around_time_ms",
            DataTypes.LongType,
            "Time S3 spent processing the request in milliseconds")
        .add(
            "request_uri",
            DataTypes.StringType,
            "Request-URI line, with presigned URL signatures and tokens redacted")
        .add("referer", DataTypes.StringType, "HTTP Referer header")
        .add("version_id", DataTypes.StringType, "Object version ID of the request")
        .add("host_id", DataTypes.StringType, "x-amz-id-2 of the request")
        .add("signature_version", DataTypes.StringType, "SigV2 or SigV4, null if unsigned")
        .add("cipher_suite", DataTypes.StringType, "TLS cipher suite, null for HTTP")
        .add(
            "authentication_type",
            DataTypes.StringType,
            "AuthHeader, QueryString (presigned URL) or null if unauthenticated")
        .add("host_header", DataTypes.StringType, "Endpoint the client used")
        .add("tls_version", DataTypes.StringType, "TLS version, e.g. TLSv1.2")
        .add("access_point_arn", DataTypes.StringType, "Access point ARN, if one was used")
        .add(
            "acl_required",
            DataTypes.BooleanType,
            "True if an ACL was needed to authorize the request")
        .add(
            "aws_region",
            DataTypes.StringType,
            "Region of the request (server access log source region, CloudTrail awsRegion)")
        .add("event_id", DataTypes.StringType, "CloudTrail eventID; null for server access logs")
        .add(
            "vpc_endpoint_id",
            DataTypes.StringType,
            "VPC endpoint the request came through (CloudTrail)");
  }

  private static StructType accessEventsSchema() {
    return accessEventColumns(new Columns())
        .add("event_date", DataTypes.DateType, "UTC date of event_time; partition column")
        .build();
  }

  private static StructType accessEventsRejectedSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the access run that read the file")
        .add(
            "source",
            DataTypes.StringType,
            "Which parser refused it: server_access_log or cloudtrail")
        .add("source_file", DataTypes.StringType, "URI of the log file")
        .add(
            "source_position",
            DataTypes.LongType,
            "1-based line (server access log) or record index (CloudTrail); 0 for the whole file")
        .add("reason", DataTypes.StringType, "Why the line or record was refused, in words")
        .add(
            "excerpt",
            DataTypes.StringType,
            "The first characters of the line or record, with long digit runs, e-mail addresses,"
                + " access keys and IP host parts masked")
        .add("run_date", DataTypes.DateType, "UTC date the run started; partition column")
        .build();
  }

  private static StructType sensitiveAccessSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the access run that wrote this row")
        .add("source", DataTypes.StringType, "server_access_log or cloudtrail")
        .add(
            "request_id",
            DataTypes.StringType,
            "S3 request ID, to find the request in access_events and the raw logs")
        .add("event_time", DataTypes.TimestampType, "When the request was made (UTC)")
        .add("account_id", DataTypes.StringType, "Account ID owning the bucket, if known")
        .add("bucket", DataTypes.StringType, "Bucket name")
        .add("key", DataTypes.StringType, "Object key")
        .add("operation", DataTypes.StringType, "S3 API name, e.g. GetObject")
        .add(
            "object_read",
            DataTypes.BooleanType,
            "True for a successful read of the object's content (GetObject without error)")
        .add("principal", DataTypes.StringType, "Who made the request (see access_events)")
        .add("principal_type", DataTypes.StringType, "Type of the principal")
        .add("principal_account_id", DataTypes.StringType, "Account ID of the principal")
        .add("anonymous", DataTypes.BooleanType, "True for unauthenticated requests")
        .add(
            "cross_account",
            DataTypes.BooleanType,
            "True if the principal's account is not the bucket owner's account")
        .add("source_ip", DataTypes.StringType, "Source IP address")
        .add("source_network", DataTypes.StringType, "IPv4 /24 or IPv6 /64 of source_ip")
        .add("user_agent", DataTypes.StringType, "User agent of the client")
        .add(
            "authentication_type",
            DataTypes.StringType,
            "AuthHeader, QueryString (presigned URL) or null")
        .add("error_code", DataTypes.StringType, "S3 error code, null on success")
        .add("bytes_sent", DataTypes.LongType, "Bytes sent to the client")
        .add(
            "classification_run_id",
            DataTypes.StringType,
            "Classification run whose result describes the object (the latest one)")
        .add("finding_id", DataTypes.StringType, "ID of that run's finding for the object")
        .add(
            "finding_type",
            DataTypes.StringType,
            "Macie finding type, e.g. SensitiveData:S3Object/Personal")
        .add("severity", DataTypes.StringType, "Finding severity: Low, Medium or High")
        .add("severity_score", DataTypes.IntegerType, "1 Low, 2 Medium, 3 High")
        .add(
            "identifier_types",
            arrayOf(DataTypes.StringType),
            "Data identifier IDs found in the object, e.g. USA_SOCIAL_SECURITY_NUMBER")
        .add(
            "sensitive_data_categories",
            arrayOf(DataTypes.StringType),
            "Macie categories found in the object, e.g. PERSONAL_INFORMATION")
        .add("finding_archived", DataTypes.BooleanType, "Whether the finding is archived")
        .add("event_date", DataTypes.DateType, "UTC date of event_time; partition column")
        .build();
  }

  private static StructType accessAnomaliesSchema() {
    return new Columns()
        .add("run_id", DataTypes.StringType, "ID of the access run that wrote this row")
        .add(
            "principal",
            DataTypes.StringType,
            "Who: the principal, or ANONYMOUS_PRINCIPAL@<network> for anonymous requests")
        .add("principal_type", DataTypes.StringType, "Type of the principal")
        .add("principal_account_id", DataTypes.StringType, "Account ID of the principal")
        .add("window_start", DataTypes.TimestampType, "Start of the time window (UTC)")
        .add("window_end", DataTypes.TimestampType, "End of the time window (UTC, exclusive)")
        .add("score", DataTypes.IntegerType, "Anomaly score 0-100; higher is more unusual")
        .add(
            "anomaly_types",
            arrayOf(DataTypes.StringType),
            "What was unusual: HIGH_SEVERITY_READ_SPIKE, BULK_DOWNLOAD, OFF_HOURS_ACCESS,"
                + " NEW_PRINCIPAL_ON_BUCKET, NEW_NETWORK_ON_BUCKET, ANONYMOUS_SENSITIVE_READ,"
                + " CROSS_ACCOUNT_SENSITIVE_READ, ACCESS_DENIED_PROBING")
        .add(
            "reasons",
            arrayOf(DataTypes.StringType),
            "Why, in words, one per anomaly type, with the figures and baselines")
        .add("buckets", arrayOf(DataTypes.StringType), "Buckets the principal touched")
        .add(
            "source_networks",
            arrayOf(DataTypes.StringType),
            "Source networks the requests came from")
        .add("requests", DataTypes.LongType, "Requests in the window")
        .add("object_reads", DataTypes.LongType, "Successful object reads in the window")
        .add("distinct_objects_read", DataTypes.LongType, "Distinct objects read in the window")
        .add("bytes_sent", DataTypes.LongType, "Bytes sent to the principal in the window")
        .add(
            "sensitive_reads",
            DataTypes.LongType,
            "Reads of objects with sensitive data in the window")
        .add(
            "high_severity_reads",
            DataTypes.LongType,
            "Reads of objects whose finding severity is High in the window")
        .add(
            "baseline_median",
            DataTypes.DoubleType,
            "Median High-severity reads per active window of this principal")
        .add(
            "baseline_mad",
            DataTypes.DoubleType,
            "Median absolute deviation of High-severity reads per active window")
        .add("baseline_windows", DataTypes.LongType, "Active windows the baseline is made of")
        .add("access_denied", DataTypes.LongType, "AccessDenied responses in the window")
        .add(
            "sample_keys",
            arrayOf(DataTypes.StringType),
            "Up to 5 sensitive object keys (bucket/key) read in the window")
        .add("window_date", DataTypes.DateType, "UTC date of window_start; partition column")
        .build();
  }
}
