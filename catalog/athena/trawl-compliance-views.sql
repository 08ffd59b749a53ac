-- Trawl compliance views for Amazon Athena (engine version 3), over the tables of
-- trawl-tables.sql. Generated from io.trawl.jobs.compliance (compliance-frameworks.json);
-- do not edit. Regenerate with:
--   mvn -B -q -o -pl jobs -am test -Dtest=ComplianceViewsTest -Dsurefire.failIfNoSpecifiedTests=false -Dtrawl.regenerate=true
-- Run each statement on its own. The PCI DSS cardholder data tag is data-classification=cardholder;
-- trawl compliance --cardholder-tag K=V --athena-ddl FILE writes a copy with another tag.

CREATE OR REPLACE VIEW trawl.compliance_violations AS
WITH latest_findings AS (
  SELECT account_id, bucket, key, detection_types, run_id
  FROM (
    SELECT account_id, bucket, key, detection_types, run_id, archived,
      row_number() OVER (PARTITION BY bucket, key ORDER BY created_at DESC, run_id DESC) AS rn
    FROM trawl.findings
    WHERE category = 'CLASSIFICATION' AND key IS NOT NULL
  ) ranked
  WHERE rn = 1 AND NOT coalesce(archived, FALSE)
),
posture AS (
  SELECT bucket, posture_source, effective_permission, shared_access,
    default_server_side_encryption, replicated_externally, bucket_tags
  FROM (
    SELECT bucket, posture_source, effective_permission, shared_access,
      default_server_side_encryption, replicated_externally, bucket_tags,
      row_number() OVER (PARTITION BY bucket ORDER BY updated_at DESC, run_id DESC) AS rn
    FROM trawl.bucket_risk
  ) ranked
  WHERE rn = 1
),
evidence AS (
  SELECT f.account_id, f.bucket, f.key, f.detection_types, f.run_id,
    (p.bucket IS NOT NULL AND coalesce(p.posture_source, 'unknown') <> 'unknown') AS p_known,
    p.effective_permission AS p_effective_permission,
    p.shared_access AS p_shared_access,
    p.default_server_side_encryption AS p_default_server_side_encryption,
    p.replicated_externally AS p_replicated_externally,
    p.bucket_tags AS p_bucket_tags
  FROM latest_findings f LEFT JOIN posture p ON p.bucket = f.bucket
),
groups AS (
  SELECT 'g1' AS group_id, ARRAY['CANADA_HEALTH_NUMBER', 'EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER', 'FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER', 'FRANCE_HEALTH_INSURANCE_NUMBER', 'MEDICAL_DEVICE_UDI', 'UK_NHS_NUMBER', 'USA_HEALTHCARE_PROCEDURE_CODE', 'USA_HEALTH_INSURANCE_CLAIM_NUMBER', 'USA_MEDICARE_BENEFICIARY_IDENTIFIER', 'USA_NATIONAL_DRUG_CODE', 'USA_NATIONAL_PROVIDER_IDENTIFIER', 'US_DRUG_ENFORCEMENT_AGENCY_NUMBER'] AS identifier_types
  UNION ALL
  SELECT 'g2' AS group_id, ARRAY['CREDIT_CARD_EXPIRATION', 'CREDIT_CARD_MAGNETIC_STRIPE', 'CREDIT_CARD_NUMBER', 'CREDIT_CARD_NUMBER_(NO_KEYWORD)', 'CREDIT_CARD_SECURITY_CODE'] AS identifier_types
  UNION ALL
  SELECT 'g3' AS group_id, ARRAY['CREDIT_CARD_MAGNETIC_STRIPE', 'CREDIT_CARD_SECURITY_CODE'] AS identifier_types
  UNION ALL
  SELECT 'g4' AS group_id, ARRAY['EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER', 'FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER', 'FRANCE_BANK_ACCOUNT_NUMBER', 'FRANCE_DRIVERS_LICENSE', 'FRANCE_HEALTH_INSURANCE_NUMBER', 'FRANCE_NATIONAL_IDENTIFICATION_NUMBER', 'FRANCE_PASSPORT_NUMBER', 'FRANCE_PHONE_NUMBER', 'FRANCE_TAX_IDENTIFICATION_NUMBER', 'GERMANY_BANK_ACCOUNT_NUMBER', 'GERMANY_DRIVERS_LICENSE', 'GERMANY_NATIONAL_IDENTIFICATION_NUMBER', 'GERMANY_PASSPORT_NUMBER', 'GERMANY_PHONE_NUMBER', 'GERMANY_TAX_IDENTIFICATION_NUMBER', 'ITALY_BANK_ACCOUNT_NUMBER', 'ITALY_DRIVERS_LICENSE', 'ITALY_NATIONAL_IDENTIFICATION_NUMBER', 'ITALY_PASSPORT_NUMBER', 'ITALY_PHONE_NUMBER', 'SPAIN_BANK_ACCOUNT_NUMBER', 'SPAIN_DNI_NUMBER', 'SPAIN_DRIVERS_LICENSE', 'SPAIN_NIE_NUMBER', 'SPAIN_NIF_NUMBER', 'SPAIN_PASSPORT_NUMBER', 'SPAIN_PHONE_NUMBER', 'SPAIN_SOCIAL_SECURITY_NUMBER', 'SPAIN_TAX_IDENTIFICATION_NUMBER', 'UK_BANK_ACCOUNT_NUMBER', 'UK_DRIVERS_LICENSE', 'UK_ELECTORAL_ROLL_NUMBER', 'UK_NATIONAL_INSURANCE_NUMBER', 'UK_NHS_NUMBER', 'UK_PASSPORT_NUMBER', 'UK_PHONE_NUMBER', 'UK_TAX_IDENTIFICATION_NUMBER'] AS identifier_types
  UNION ALL
  SELECT 'g5' AS group_id, ARRAY['BANK_ACCOUNT_NUMBER', 'CREDIT_CARD_NUMBER', 'CREDIT_CARD_SECURITY_CODE', 'DRIVERS_LICENSE', 'USA_HEALTH_INSURANCE_CLAIM_NUMBER', 'USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER', 'USA_MEDICARE_BENEFICIARY_IDENTIFIER', 'USA_PASSPORT_NUMBER', 'USA_SOCIAL_SECURITY_NUMBER'] AS identifier_types
  UNION ALL
  SELECT 'g6' AS group_id, ARRAY['AWS_ACCESS_KEY_ID', 'AWS_CREDENTIALS', 'AZURE_STORAGE_ACCOUNT_KEY', 'DATABASE_CONNECTION_STRING', 'GCP_API_KEY', 'GITHUB_TOKEN', 'GITLAB_TOKEN', 'HTTP_BASIC_AUTH_HEADER', 'JSON_WEB_TOKEN', 'NPM_TOKEN', 'OPENSSH_PRIVATE_KEY', 'PASSWORD_IN_CONFIGURATION', 'PGP_PRIVATE_KEY', 'PKCS', 'PUTTY_PRIVATE_KEY', 'SENDGRID_API_KEY', 'SLACK_TOKEN', 'SLACK_WEBHOOK_URL', 'STRIPE_CREDENTIALS', 'TWILIO_API_KEY'] AS identifier_types
  UNION ALL
  SELECT 'g7' AS group_id, ARRAY['ALBANIA_BANK_ACCOUNT_NUMBER', 'ANDORRA_BANK_ACCOUNT_NUMBER', 'BANK_ACCOUNT_NUMBER', 'BOSNIA_AND_HERZEGOVINA_BANK_ACCOUNT_NUMBER', 'BRAZIL_BANK_ACCOUNT_NUMBER', 'BULGARIA_BANK_ACCOUNT_NUMBER', 'COSTA_RICA_BANK_ACCOUNT_NUMBER', 'CREDIT_CARD_EXPIRATION', 'CREDIT_CARD_MAGNETIC_STRIPE', 'CREDIT_CARD_NUMBER', 'CREDIT_CARD_NUMBER_(NO_KEYWORD)', 'CREDIT_CARD_SECURITY_CODE', 'CROATIA_BANK_ACCOUNT_NUMBER', 'CYPRUS_BANK_ACCOUNT_NUMBER', 'CZECH_REPUBLIC_BANK_ACCOUNT_NUMBER', 'DENMARK_BANK_ACCOUNT_NUMBER', 'DOMINICAN_REPUBLIC_BANK_ACCOUNT_NUMBER', 'EGYPT_BANK_ACCOUNT_NUMBER', 'ESTONIA_BANK_ACCOUNT_NUMBER', 'FAROE_ISLANDS_BANK_ACCOUNT_NUMBER', 'FINLAND_BANK_ACCOUNT_NUMBER', 'FRANCE_BANK_ACCOUNT_NUMBER', 'GEORGIA_BANK_ACCOUNT_NUMBER', 'GERMANY_BANK_ACCOUNT_NUMBER', 'GREECE_BANK_ACCOUNT_NUMBER', 'GREENLAND_BANK_ACCOUNT_NUMBER', 'HUNGARY_BANK_ACCOUNT_NUMBER', 'ICELAND_BANK_ACCOUNT_NUMBER', 'IRELAND_BANK_ACCOUNT_NUMBER', 'ITALY_BANK_ACCOUNT_NUMBER', 'JORDAN_BANK_ACCOUNT_NUMBER', 'KOSOVO_BANK_ACCOUNT_NUMBER', 'LIECHTENSTEIN_BANK_ACCOUNT_NUMBER', 'LITHUANIA_BANK_ACCOUNT_NUMBER', 'MALTA_BANK_ACCOUNT_NUMBER', 'MAURITANIA_BANK_ACCOUNT_NUMBER', 'MAURITIUS_BANK_ACCOUNT_NUMBER', 'MONACO_BANK_ACCOUNT_NUMBER', 'MONTENEGRO_BANK_ACCOUNT_NUMBER', 'NETHERLANDS_BANK_ACCOUNT_NUMBER', 'NORTH_MACEDONIA_BANK_ACCOUNT_NUMBER', 'POLAND_BANK_ACCOUNT_NUMBER', 'PORTUGAL_BANK_ACCOUNT_NUMBER', 'SAN_MARINO_BANK_ACCOUNT_NUMBER', 'SENEGAL_BANK_ACCOUNT_NUMBER', 'SERBIA_BANK_ACCOUNT_NUMBER', 'SLOVAKIA_BANK_ACCOUNT_NUMBER', 'SLOVENIA_BANK_ACCOUNT_NUMBER', 'SPAIN_BANK_ACCOUNT_NUMBER', 'SWEDEN_BANK_ACCOUNT_NUMBER', 'SWITZERLAND_BANK_ACCOUNT_NUMBER', 'TIMOR_LESTE_BANK_ACCOUNT_NUMBER', 'TUNISIA_BANK_ACCOUNT_NUMBER', 'TURKIYE_BANK_ACCOUNT_NUMBER', 'UKRAINE_BANK_ACCOUNT_NUMBER', 'UK_BANK_ACCOUNT_NUMBER', 'UNITED_ARAB_EMIRATES_BANK_ACCOUNT_NUMBER', 'VIRGIN_ISLANDS_BANK_ACCOUNT_NUMBER'] AS identifier_types
),
rules AS (
  SELECT 'HIPAA' AS framework, '45 CFR 164.312(a)(1) Access control' AS requirement, 'PHI_IN_PUBLIC_BUCKET' AS rule_violation_type, 'High' AS rule_severity,
    'g1' AS group_id, 'Protected health information' AS label, 'PUBLIC' AS condition, 'BUCKET' AS level,
    'Turn on S3 Block Public Access for the bucket and the account, remove public grants from the bucket policy and ACLs (set Object Ownership to BucketOwnerEnforced), then review CloudTrail data events for anonymous GetObject calls on these objects and assess whether a breach notification is required.' AS rule_remediation
  UNION ALL
  SELECT 'HIPAA' AS framework, '45 CFR 164.312(a)(2)(iv) Encryption and decryption' AS requirement, 'PHI_IN_UNENCRYPTED_BUCKET' AS rule_violation_type, 'High' AS rule_severity,
    'g1' AS group_id, 'Protected health information' AS label, 'UNENCRYPTED' AS condition, 'BUCKET' AS level,
    'Set default encryption on the bucket to SSE-KMS with a customer managed key, add a bucket policy that denies PutObject without encryption, and re-encrypt existing objects in place with S3 Batch Operations (copy onto themselves).' AS rule_remediation
  UNION ALL
  SELECT 'HIPAA' AS framework, '45 CFR 164.308(b)(1) Business associate contracts' AS requirement, 'PHI_SHARED_EXTERNALLY' AS rule_violation_type, 'High' AS rule_severity,
    'g1' AS group_id, 'Protected health information' AS label, 'SHARED_EXTERNALLY' AS condition, 'BUCKET' AS level,
    'Confirm that every external account with access is covered by a business associate agreement; otherwise remove it from the bucket policy, ACLs, access points and replication rules.' AS rule_remediation
  UNION ALL
  SELECT 'PCI DSS' AS framework, 'PCI DSS 3.2.1 / 1.2 Account data only inside the cardholder data environment' AS requirement, 'CARDHOLDER_DATA_OUTSIDE_CDE' AS rule_violation_type, 'High' AS rule_severity,
    'g2' AS group_id, 'Cardholder data' AS label, 'NOT_TAGGED' AS condition, 'OBJECT' AS level,
    'Move the object into a bucket tagged for cardholder data (inside the CDE) or delete it if it is not needed; if card numbers must stay, truncate or tokenize them (PCI DSS 3.4.1 / 3.5.1) and record the data flow in the CDE inventory.' AS rule_remediation
  UNION ALL
  SELECT 'PCI DSS' AS framework, 'PCI DSS 3.3.1 Sensitive authentication data not kept after authorization' AS requirement, 'SENSITIVE_AUTHENTICATION_DATA_STORED' AS rule_violation_type, 'High' AS rule_severity,
    'g3' AS group_id, 'Sensitive authentication data' AS label, 'ANYWHERE' AS condition, 'OBJECT' AS level,
    'Delete the object (and its previous versions and replicas): card verification codes and full track data must never be stored after authorization, even encrypted. Find and fix the process that wrote it.' AS rule_remediation
  UNION ALL
  SELECT 'PCI DSS' AS framework, 'PCI DSS 1.4.1 / 7.2 No public access to account data' AS requirement, 'CARDHOLDER_DATA_IN_PUBLIC_BUCKET' AS rule_violation_type, 'High' AS rule_severity,
    'g2' AS group_id, 'Cardholder data' AS label, 'PUBLIC' AS condition, 'BUCKET' AS level,
    'Turn on S3 Block Public Access for the bucket and the account and remove public grants at once; treat the exposure as a potential account data compromise and follow the incident response plan (PCI DSS 12.10).' AS rule_remediation
  UNION ALL
  SELECT 'GDPR' AS framework, 'GDPR Art. 32(1) Security of processing' AS requirement, 'EU_PERSONAL_DATA_IN_PUBLIC_BUCKET' AS rule_violation_type, 'High' AS rule_severity,
    'g4' AS group_id, 'EU and UK personal data' AS label, 'PUBLIC' AS condition, 'BUCKET' AS level,
    'Turn on S3 Block Public Access and remove public grants; assess with the DPO whether this is a personal data breach to notify within 72 hours (Art. 33).' AS rule_remediation
  UNION ALL
  SELECT 'GDPR' AS framework, 'GDPR Art. 28 / 44 Processors and transfers' AS requirement, 'EU_PERSONAL_DATA_SHARED_EXTERNALLY' AS rule_violation_type, 'Medium' AS rule_severity,
    'g4' AS group_id, 'EU and UK personal data' AS label, 'SHARED_EXTERNALLY' AS condition, 'BUCKET' AS level,
    'Check that every external account or replication target is a processor under a data processing agreement and, outside the EEA, covered by a transfer mechanism (adequacy or SCCs); remove access that is not.' AS rule_remediation
  UNION ALL
  SELECT 'GDPR' AS framework, 'GDPR Art. 32(1)(a) Encryption of personal data' AS requirement, 'EU_PERSONAL_DATA_IN_UNENCRYPTED_BUCKET' AS rule_violation_type, 'Medium' AS rule_severity,
    'g4' AS group_id, 'EU and UK personal data' AS label, 'UNENCRYPTED' AS condition, 'BUCKET' AS level,
    'Set default encryption to SSE-KMS, deny unencrypted uploads in the bucket policy, and re-encrypt existing objects with S3 Batch Operations.' AS rule_remediation
  UNION ALL
  SELECT 'CCPA' AS framework, 'Cal. Civ. Code 1798.150 / 1798.81.5 Reasonable security for personal information' AS requirement, 'PERSONAL_INFORMATION_IN_UNENCRYPTED_BUCKET' AS rule_violation_type, 'High' AS rule_severity,
    'g5' AS group_id, 'Personal information under Cal. Civ. Code 1798.150' AS label, 'UNENCRYPTED' AS condition, 'BUCKET' AS level,
    'Encrypt the bucket by default with SSE-KMS and re-encrypt existing objects: 1798.150 gives consumers a private right of action when nonencrypted and nonredacted personal information is exposed.' AS rule_remediation
  UNION ALL
  SELECT 'CCPA' AS framework, 'Cal. Civ. Code 1798.150 Unauthorized access' AS requirement, 'PERSONAL_INFORMATION_IN_PUBLIC_BUCKET' AS rule_violation_type, 'High' AS rule_severity,
    'g5' AS group_id, 'Personal information under Cal. Civ. Code 1798.150' AS label, 'PUBLIC' AS condition, 'BUCKET' AS level,
    'Turn on S3 Block Public Access and remove public grants; review access logs to see whether the data was accessed and follow the breach notification process (1798.82).' AS rule_remediation
  UNION ALL
  SELECT 'SOX' AS framework, 'SOX 404 ITGC Logical access: credentials stored in data stores' AS requirement, 'CREDENTIALS_IN_OBJECT' AS rule_violation_type, 'High' AS rule_severity,
    'g6' AS group_id, 'Credentials' AS label, 'ANYWHERE' AS condition, 'OBJECT' AS level,
    'Rotate the credential now, delete it from the object (and old versions), move it to AWS Secrets Manager, and review access logs for its use since the object was written.' AS rule_remediation
  UNION ALL
  SELECT 'SOX' AS framework, 'SOX 404 ITGC Logical access: financial data exposed' AS requirement, 'FINANCIAL_DATA_IN_PUBLIC_OR_SHARED_BUCKET' AS rule_violation_type, 'High' AS rule_severity,
    'g7' AS group_id, 'Financial account data' AS label, 'PUBLIC_OR_SHARED' AS condition, 'BUCKET' AS level,
    'Remove public and external access to the bucket, document who needs access to financial records, and grant it through IAM roles reviewed each quarter.' AS rule_remediation
),
matches AS (
  SELECT r.framework, r.requirement, r.rule_violation_type, r.rule_severity, r.label, r.level,
    r.rule_remediation, e.account_id, e.bucket, e.key, e.run_id,
    array_sort(array_intersect(e.detection_types, g.identifier_types)) AS matched_types,
    coalesce(CASE r.condition
      WHEN 'ANYWHERE' THEN TRUE
      WHEN 'PUBLIC' THEN p_effective_permission = 'PUBLIC'
      WHEN 'UNENCRYPTED' THEN p_default_server_side_encryption = 'NONE'
      WHEN 'SHARED_EXTERNALLY' THEN (p_shared_access = 'EXTERNAL' OR coalesce(p_replicated_externally, FALSE))
      WHEN 'PUBLIC_OR_SHARED' THEN (p_effective_permission = 'PUBLIC' OR p_shared_access = 'EXTERNAL' OR coalesce(p_replicated_externally, FALSE))
      WHEN 'NOT_TAGGED' THEN e.p_known AND coalesce(element_at(p_bucket_tags, 'data-classification'), '') <> 'cardholder'
    END, FALSE) AS violated,
    coalesce(CASE r.condition
      WHEN 'ANYWHERE' THEN TRUE
      WHEN 'PUBLIC' THEN p_effective_permission IN ('PUBLIC', 'NOT_PUBLIC')
      WHEN 'UNENCRYPTED' THEN p_default_server_side_encryption IS NOT NULL
      WHEN 'SHARED_EXTERNALLY' THEN p_shared_access IN ('EXTERNAL', 'INTERNAL', 'NOT_SHARED')
      WHEN 'PUBLIC_OR_SHARED' THEN (p_effective_permission IN ('PUBLIC', 'NOT_PUBLIC') AND p_shared_access IN ('EXTERNAL', 'INTERNAL', 'NOT_SHARED'))
      WHEN 'NOT_TAGGED' THEN p_known
    END, FALSE) AS known,
    CASE r.condition
      WHEN 'ANYWHERE' THEN 'it must not be stored at all'
      WHEN 'PUBLIC' THEN 'the bucket is public (effectivePermission PUBLIC)'
      WHEN 'UNENCRYPTED' THEN 'the bucket has no default server-side encryption'
      WHEN 'SHARED_EXTERNALLY' THEN 'the bucket is shared with or replicated to accounts outside the organization'
      WHEN 'PUBLIC_OR_SHARED' THEN 'the bucket is public or shared with accounts outside the organization'
      WHEN 'NOT_TAGGED' THEN 'the bucket is not tagged data-classification=cardholder (outside the cardholder data environment)'
    END AS because
  FROM evidence e
  JOIN groups g ON arrays_overlap(e.detection_types, g.identifier_types)
  JOIN rules r ON r.group_id = g.group_id
),
reported AS (
  SELECT * FROM matches WHERE violated OR NOT known
)
SELECT framework, requirement,
  CASE WHEN violated THEN rule_violation_type ELSE 'POSTURE_UNKNOWN' END AS violation_type,
  CASE WHEN violated THEN rule_severity ELSE 'Low' END AS severity,
  account_id, bucket, key, matched_types AS identifier_types, CAST(1 AS BIGINT) AS objects,
  concat(label, ' (', array_join(matched_types, ', '), ') found in s3://', bucket, '/', key, ': ',
    CASE WHEN violated THEN because ELSE 'the bucket posture this rule needs is unknown (no bucket_risk row for the bucket, or the setting is UNKNOWN), so compliance cannot be shown' END) AS reason,
  CASE WHEN violated THEN rule_remediation ELSE 'Run Trawl bucket risk scoring so that bucket_risk holds this bucket (public access, sharing, encryption, tags), then query the view again; until then treat the data as exposed.' END AS remediation,
  run_id
FROM reported WHERE level = 'OBJECT'
UNION ALL
SELECT framework, requirement,
  CASE WHEN violated THEN rule_violation_type ELSE 'POSTURE_UNKNOWN' END AS violation_type,
  CASE WHEN violated THEN rule_severity ELSE 'Low' END AS severity,
  account_id, bucket, CAST(NULL AS VARCHAR) AS key,
  array_sort(array_distinct(flatten(array_agg(matched_types)))) AS identifier_types,
  count(*) AS objects,
  concat(label, ' (', array_join(array_sort(array_distinct(flatten(array_agg(matched_types)))), ', '), ') found in ',
    CAST(count(*) AS VARCHAR), ' object(s) of bucket ', bucket, ': ', CASE WHEN violated THEN because ELSE 'the bucket posture this rule needs is unknown (no bucket_risk row for the bucket, or the setting is UNKNOWN), so compliance cannot be shown' END) AS reason,
  CASE WHEN violated THEN rule_remediation ELSE 'Run Trawl bucket risk scoring so that bucket_risk holds this bucket (public access, sharing, encryption, tags), then query the view again; until then treat the data as exposed.' END AS remediation,
  max(run_id) AS run_id
FROM reported WHERE level = 'BUCKET'
GROUP BY framework, requirement, rule_violation_type, rule_severity, label, rule_remediation,
  because, account_id, bucket, violated;

CREATE OR REPLACE VIEW trawl.compliance_summary AS
WITH frameworks AS (
  SELECT 'HIPAA' AS framework
  UNION ALL
  SELECT 'PCI DSS' AS framework
  UNION ALL
  SELECT 'GDPR' AS framework
  UNION ALL
  SELECT 'CCPA' AS framework
  UNION ALL
  SELECT 'SOX' AS framework
),
evaluated AS (
  SELECT count(DISTINCT bucket) AS buckets
  FROM (SELECT bucket FROM trawl.findings UNION SELECT bucket FROM trawl.bucket_risk) b
),
by_framework AS (
  SELECT framework, count(DISTINCT bucket) AS buckets_violating, count(*) AS violations,
    max(CASE severity WHEN 'High' THEN 3 WHEN 'Medium' THEN 2 ELSE 1 END) AS level
  FROM trawl.compliance_violations
  GROUP BY framework
)
SELECT f.framework, e.buckets AS buckets_evaluated,
  coalesce(v.buckets_violating, CAST(0 AS BIGINT)) AS buckets_violating,
  coalesce(v.violations, CAST(0 AS BIGINT)) AS violations,
  CASE v.level WHEN 3 THEN 'High' WHEN 2 THEN 'Medium' WHEN 1 THEN 'Low' END AS highest_severity,
  CASE WHEN coalesce(v.violations, 0) > 0 THEN 'NON_COMPLIANT' ELSE 'COMPLIANT' END AS status
FROM frameworks f CROSS JOIN evaluated e LEFT JOIN by_framework v ON v.framework = f.framework;
