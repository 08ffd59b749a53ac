-- Trawl tables for Amazon Athena (engine version 3), registered in the Glue Data Catalog.
-- Generated from io.trawl.catalog.TrawlTable; do not edit. Regenerate with:
--   mvn -B -q -o -pl catalog -am test -Dtest=GeneratedFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dtrawl.regenerate=true
-- Replace s3://YOUR-BUCKET/trawl with the warehouse root the jobs write to (an s3a:// root
-- becomes s3://). Run each statement on its own: Athena takes one statement per query.
-- Athena reads each table's schema, partitioning and statistics from its Delta log; the
-- column lists below are for reference (docs/tables.md describes every column).
-- Nested types used below:
--   detection = struct<type:string,identifier_type:string,category:string,count:bigint,severity:string,occurrences:array<struct<location_type:string,line_start:bigint,line_end:bigint,start_column:bigint,cell_row:bigint,cell_column:bigint,column_name:string,cell_reference:string,record_index:bigint,json_path:string,page_number:bigint,embedded_file_path:string,masked_sample:string,value_hash:string,keyword:string,validator:string>>>
--   occurrence = struct<location_type:string,line_start:bigint,line_end:bigint,start_column:bigint,cell_row:bigint,cell_column:bigint,column_name:string,cell_reference:string,record_index:bigint,json_path:string,page_number:bigint,embedded_file_path:string,masked_sample:string,value_hash:string,keyword:string,validator:string>
--   identifier_count = struct<type:string,count:bigint>
--   identifier_statistics = struct<type:string,category:string,objects:bigint,occurrences:bigint,suppressed:boolean>

CREATE DATABASE IF NOT EXISTS trawl
  COMMENT 'Trawl sensitive data discovery tables (Delta Lake)'
  LOCATION 's3://YOUR-BUCKET/trawl/trawl.db/';

-- trawl.objects: Inventory of the estate: the S3 objects (or files) seen by one listing or S3 Inventory snapshot.
-- Grain: one row per object per inventory snapshot; partitioned by snapshot_date.
-- Columns:
--   account_id         string
--   bucket             string
--   key                string
--   size               bigint
--   last_modified      timestamp
--   etag               string
--   storage_class      string
--   encryption_status  string
--   extension          string
--   version_id         string
--   source             string
--   estate_uri         string
--   snapshot_id        string
--   snapshot_time      timestamp
--   snapshot_date      date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.objects
LOCATION 's3://YOUR-BUCKET/trawl/objects/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.classification_results: Sensitive data discovery results for every object a job run looked at, as in Macie's detailed classification results.
-- Grain: one row per object per job run; partitioned by run_date.
-- Columns:
--   run_id                  string
--   job_id                  string
--   job_name                string
--   account_id              string
--   bucket                  string
--   key                     string
--   etag                    string
--   version_id              string
--   size                    bigint
--   last_modified           timestamp
--   storage_class           string
--   extension               string
--   status_code             string
--   status_reason           string
--   mime_type               string
--   size_classified         bigint
--   sensitive               boolean
--   finding_type            string
--   severity                string
--   severity_score          int
--   total_detections        bigint
--   additional_occurrences  boolean
--   detections              array<detection>
--   unprocessed_files       array<string>
--   classified_at           timestamp
--   duration_ms             bigint
--   run_date                date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.classification_results
LOCATION 's3://YOUR-BUCKET/trawl/classification_results/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.findings: Macie sensitive data findings (SensitiveData:S3Object/*), one per object in which sensitive data was found.
-- Grain: one row per sensitive object per job run; partitioned by run_date.
-- Columns:
--   finding_id                 string
--   run_id                     string
--   job_id                     string
--   job_arn                    string
--   origin_type                string
--   account_id                 string
--   region                     string
--   partition_name             string
--   type                       string
--   category                   string
--   severity                   string
--   severity_score             int
--   title                      string
--   description                string
--   bucket                     string
--   bucket_arn                 string
--   key                        string
--   object_path                string
--   etag                       string
--   version_id                 string
--   size                       bigint
--   storage_class              string
--   extension                  string
--   mime_type                  string
--   size_classified            bigint
--   status_code                string
--   status_reason              string
--   additional_occurrences     boolean
--   sensitive_data_categories  array<string>
--   detection_types            array<string>
--   total_count                bigint
--   archived                   boolean
--   created_at                 timestamp
--   updated_at                 timestamp
--   finding_json               string
--   run_date                   date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.findings
LOCATION 's3://YOUR-BUCKET/trawl/findings/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.detections: Flattened detections for dashboards: which data identifier matched how often in which object, with masked samples.
-- Grain: one row per object x sensitive data type per job run; partitioned by run_date.
-- Columns:
--   run_id                string
--   job_id                string
--   account_id            string
--   bucket                string
--   key                   string
--   type                  string
--   identifier_type       string
--   category              string
--   count                 bigint
--   severity              string
--   occurrences_recorded  int
--   keywords              array<string>
--   validators            array<string>
--   masked_samples        array<string>
--   first_location        string
--   run_date              date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.detections
LOCATION 's3://YOUR-BUCKET/trawl/detections/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.job_runs: Classification job runs: the Macie job definition, status, timings, counts, bytes and estimated cost.
-- Grain: one row per job run; partitioned by run_date.
-- Columns:
--   run_id              string
--   job_id              string
--   job_name            string
--   job_type            string
--   run_number          int
--   job_definition      string
--   status              string
--   started_at          timestamp
--   finished_at         timestamp
--   objects_in_scope    bigint
--   objects_classified  bigint
--   objects_skipped     bigint
--   objects_sensitive   bigint
--   bytes_in_scope      bigint
--   bytes_read          bigint
--   bytes_classified    bigint
--   findings            bigint
--   estimated_cost_usd  double
--   macie_cost_usd      double
--   error               string
--   plan_id             string
--   trawl_version       string
--   run_date            date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.job_runs
LOCATION 's3://YOUR-BUCKET/trawl/job_runs/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.bucket_profiles: Per-bucket sensitive data statistics: objects and bytes classified, sensitive and skipped, and the data types found.
-- Grain: one row per bucket per job run; partitioned by run_date.
-- Columns:
--   run_id                                      string
--   account_id                                  string
--   bucket                                      string
--   objects_total                               bigint
--   bytes_total                                 bigint
--   objects_classified                          bigint
--   bytes_classified                            bigint
--   objects_sensitive                           bigint
--   bytes_sensitive                             bigint
--   objects_skipped                             bigint
--   objects_skipped_permission_denied           bigint
--   objects_skipped_invalid_encryption          bigint
--   objects_skipped_invalid_kms                 bigint
--   total_detections                            bigint
--   identifier_types                            array<string>
--   top_identifier_types                        array<identifier_count>
--   highest_severity                            string
--   sensitivity_score                           int
--   sensitivity_label                           string
--   sensitivity_score_overridden                boolean
--   sensitivity_reasons                         array<string>
--   profile_objects_classified                  bigint
--   profile_bytes_classified                    bigint
--   profile_objects_sensitive                   bigint
--   profile_objects_skipped                     bigint
--   profile_objects_skipped_permission_denied   bigint
--   profile_objects_skipped_invalid_encryption  bigint
--   profile_objects_skipped_invalid_kms         bigint
--   profile_objects_failed                      bigint
--   profile_detections                          bigint
--   profile_detections_suppressed               bigint
--   profile_identifier_types                    array<identifier_statistics>
--   suppressed_identifier_types                 array<string>
--   updated_at                                  timestamp
--   run_date                                    date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.bucket_profiles
LOCATION 's3://YOUR-BUCKET/trawl/bucket_profiles/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.bucket_risk: Per-bucket security posture (public access, sharing, encryption), Macie's policy findings, and exposure and risk scores kept apart from sensitivity, each with its reasons.
-- Grain: one row per bucket per scoring run; partitioned by run_date.
-- Columns:
--   run_id                             string
--   account_id                         string
--   bucket                             string
--   region                             string
--   posture_source                     string
--   effective_permission               string
--   shared_access                      string
--   allows_unencrypted_object_uploads  string
--   default_server_side_encryption     string
--   block_public_access                boolean
--   versioning                         string
--   logging_enabled                    boolean
--   replicated_externally              boolean
--   shared_with_cloudfront             boolean
--   bucket_tags                        map<string,string>
--   policy_finding_types               array<string>
--   sensitivity_score                  int
--   objects_sensitive                  bigint
--   identifier_types                   array<string>
--   exposure_score                     int
--   exposure_reasons                   array<string>
--   risk_score                         int
--   risk_level                         string
--   risk_reasons                       array<string>
--   sensitivity_label                  string
--   sensitivity_reasons                array<string>
--   objects_total                      bigint
--   objects_classified                 bigint
--   external_accounts                  array<string>
--   object_ownership                   string
--   updated_at                         timestamp
--   run_date                           date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.bucket_risk
LOCATION 's3://YOUR-BUCKET/trawl/bucket_risk/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.sampling_plans: Sampling plans for automated discovery: each stratum's population, what is known, the sample to take within the budget, its expected cost beside Macie's, and the bucket's prevalence estimate with its confidence interval.
-- Grain: one row per stratum (bucket x top-level prefix x extension x size band) per sampling plan; partitioned by plan_date.
-- Columns:
--   plan_id             string
--   account_id          string
--   bucket              string
--   prefix              string
--   extension           string
--   size_band           string
--   population_objects  bigint
--   population_bytes    bigint
--   already_classified  bigint
--   already_sensitive   bigint
--   changed_objects     bigint
--   sample_size         bigint
--   expected_bytes      bigint
--   expected_cost_usd   double
--   macie_cost_usd      double
--   stratum_estimate    double
--   stratum_lower       double
--   stratum_upper       double
--   bucket_estimate     double
--   bucket_lower        double
--   bucket_upper        double
--   interval_method     string
--   confidence          double
--   exposure_score      int
--   priority_reasons    array<string>
--   snapshot_id         string
--   budget              string
--   budget_unit         string
--   budget_amount       double
--   created_at          timestamp
--   plan_date           date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.sampling_plans
LOCATION 's3://YOUR-BUCKET/trawl/sampling_plans/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.findings_filter_runs: Macie findings filters and suppression rules applied to the findings table: how many findings each matched and archived.
-- Grain: one row per findings filter per application; partitioned by run_date.
-- Columns:
--   run_id              string
--   filter_name         string
--   action              string
--   position            int
--   description         string
--   finding_criteria    string
--   findings_run_id     string
--   findings_evaluated  bigint
--   findings_matched    bigint
--   findings_archived   bigint
--   applied_at          timestamp
--   run_date            date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.findings_filter_runs
LOCATION 's3://YOUR-BUCKET/trawl/findings_filter_runs/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.remediation_actions: Remediation actions planned (dry run) or taken on sensitive objects, such as S3 object tagging, with their result.
-- Grain: one row per object per remediation run; partitioned by run_date.
-- Columns:
--   run_id           string
--   action           string
--   mode             string
--   account_id       string
--   bucket           string
--   key              string
--   frameworks       array<string>
--   violation_types  array<string>
--   tags             map<string,string>
--   existing_tags    int
--   status           string
--   error            string
--   acted_at         timestamp
--   run_date         date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.remediation_actions
LOCATION 's3://YOUR-BUCKET/trawl/remediation_actions/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.bucket_settings: Per-bucket sensitivity settings as Macie's UpdateResourceProfile and UpdateResourceProfileDetections set them: suppressed data identifier types and a score override; the latest row per bucket applies.
-- Grain: one row per bucket per settings change (never rewritten: the table is the history); partitioned by run_date.
-- Columns:
--   run_id                       string
--   account_id                   string
--   bucket                       string
--   suppressed_identifier_types  array<string>
--   sensitivity_score_override   int
--   reason                       string
--   changed_by                   string
--   changed_at                   timestamp
--   run_date                     date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.bucket_settings
LOCATION 's3://YOUR-BUCKET/trawl/bucket_settings/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.access_events: S3 requests from server access logs and CloudTrail data events in one common schema: who did what to which object, when, from where, and how it ended.
-- Grain: one row per logged S3 request per access run; partitioned by event_date.
-- Columns:
--   run_id                string
--   source                string
--   source_file           string
--   source_position       bigint
--   event_time            timestamp
--   bucket_owner          string
--   bucket_account_id     string
--   bucket                string
--   key                   string
--   operation             string
--   raw_operation         string
--   principal             string
--   principal_type        string
--   principal_account_id  string
--   session_issuer_arn    string
--   anonymous             boolean
--   source_ip             string
--   source_network        string
--   user_agent            string
--   request_id            string
--   http_status           int
--   error_code            string
--   bytes_sent            bigint
--   bytes_received        bigint
--   object_size           bigint
--   total_time_ms         bigint
--   turn_around_time_ms   bigint
--   request_uri           string
--   referer               string
--   version_id            string
--   host_id               string
--   signature_version     string
--   cipher_suite          string
--   authentication_type   string
--   host_header           string
--   tls_version           string
--   access_point_arn      string
--   acl_required          boolean
--   aws_region            string
--   event_id              string
--   vpc_endpoint_id       string
--   event_date            date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.access_events
LOCATION 's3://YOUR-BUCKET/trawl/access_events/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.access_events_rejected: Server access log lines and CloudTrail records an access run could not parse: the file, position, reason and a truncated, redacted excerpt.
-- Grain: one row per malformed log line or record per access run; partitioned by run_date.
-- Columns:
--   run_id           string
--   source           string
--   source_file      string
--   source_position  bigint
--   reason           string
--   excerpt          string
--   run_date         date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.access_events_rejected
LOCATION 's3://YOUR-BUCKET/trawl/access_events_rejected/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.sensitive_access: Requests on objects whose latest classification found sensitive data, each with that object's finding type, severity and identifier types.
-- Grain: one row per request on a sensitive object per access run; partitioned by event_date.
-- Columns:
--   run_id                     string
--   source                     string
--   request_id                 string
--   event_time                 timestamp
--   account_id                 string
--   bucket                     string
--   key                        string
--   operation                  string
--   object_read                boolean
--   principal                  string
--   principal_type             string
--   principal_account_id       string
--   anonymous                  boolean
--   cross_account              boolean
--   source_ip                  string
--   source_network             string
--   user_agent                 string
--   authentication_type        string
--   error_code                 string
--   bytes_sent                 bigint
--   classification_run_id      string
--   finding_id                 string
--   finding_type               string
--   severity                   string
--   severity_score             int
--   identifier_types           array<string>
--   sensitive_data_categories  array<string>
--   finding_archived           boolean
--   event_date                 date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.sensitive_access
LOCATION 's3://YOUR-BUCKET/trawl/sensitive_access/'
TBLPROPERTIES ('table_type'='DELTA');

-- trawl.access_anomalies: Unusual access to sensitive data per principal and time window, ranked by a score with the reasons in words.
-- Grain: one row per principal and window with unusual access per access run; partitioned by window_date.
-- Columns:
--   run_id                 string
--   principal              string
--   principal_type         string
--   principal_account_id   string
--   window_start           timestamp
--   window_end             timestamp
--   score                  int
--   anomaly_types          array<string>
--   reasons                array<string>
--   buckets                array<string>
--   source_networks        array<string>
--   requests               bigint
--   object_reads           bigint
--   distinct_objects_read  bigint
--   bytes_sent             bigint
--   sensitive_reads        bigint
--   high_severity_reads    bigint
--   baseline_median        double
--   baseline_mad           double
--   baseline_windows       bigint
--   access_denied          bigint
--   sample_keys            array<string>
--   window_date            date
CREATE EXTERNAL TABLE IF NOT EXISTS trawl.access_anomalies
LOCATION 's3://YOUR-BUCKET/trawl/access_anomalies/'
TBLPROPERTIES ('table_type'='DELTA');
