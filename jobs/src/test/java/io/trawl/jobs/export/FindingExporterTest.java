package io.trawl.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.TrawlException;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.catalog.testing.TableRows;
import io.trawl.jobs.compliance.GovernanceRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every export format over a tiny findings table (sensitive data findings with and without stored
 * JSON, an archived one, a policy finding with object columns null), checked against each format's
 * published required fields.
 */
class FindingExporterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Macie finding top-level fields (macie.md 5.1, API shape Finding). */
  static final List<String> MACIE_FINDING_FIELDS =
      List.of(
          "accountId",
          "archived",
          "category",
          "classificationDetails",
          "count",
          "createdAt",
          "description",
          "id",
          "partition",
          "policyDetails",
          "region",
          "resourcesAffected",
          "sample",
          "schemaVersion",
          "severity",
          "title",
          "type",
          "updatedAt");

  /**
   * Required top-level ASFF attributes, from "Required top-level ASFF attributes", AWS Security Hub
   * User Guide:
   * https://docs.aws.amazon.com/securityhub/latest/userguide/asff-required-attributes.html
   */
  static final List<String> ASFF_REQUIRED =
      List.of(
          "AwsAccountId",
          "CreatedAt",
          "Description",
          "GeneratorId",
          "Id",
          "ProductArn",
          "Resources",
          "SchemaVersion",
          "Severity",
          "Title",
          "Types",
          "UpdatedAt");

  /**
   * Required attributes of the OCSF 1.4.0 Data Security Finding class (2006), from
   * https://schema.ocsf.io/1.4.0/classes/data_security_finding (mirrored at
   * docs.tenzir.com/reference/ocsf/1-4-0/classes/data_security_finding), plus {@code cloud},
   * required by the cloud profile the events declare.
   */
  static final List<String> OCSF_REQUIRED =
      List.of(
          "activity_id",
          "category_uid",
          "class_uid",
          "finding_info",
          "metadata",
          "severity_id",
          "time",
          "type_uid",
          "cloud");

  /** ASFF Types: namespace/category/classifier with one of the documented namespaces. */
  static final Pattern ASFF_TYPE =
      Pattern.compile(
          "(Software and Configuration Checks|TTPs|Effects|Unusual Behaviors|Sensitive Data"
              + " Identifications)(/[^/]+){1,2}");

  private static SparkSession spark;
  private static TrawlCatalog catalog;
  private static Path out;
  private static String storedJson;

  @BeforeAll
  static void setUp() throws IOException {
    spark = SharedSpark.session();
    Path folder = SharedSpark.newFolder("export");
    catalog = TrawlCatalog.local(folder.resolve("tables"));
    out = folder.resolve("out");
    Files.createDirectories(out);
    GovernanceRows.write(spark, catalog);
    Map<String, Object> withJson =
        GovernanceRows.finding(
            "r2",
            "g1",
            "payments",
            "odd,\"name\".csv",
            "2026-11-03 09:00:00",
            List.of("CREDIT_CARD_NUMBER"));
    storedJson =
        "{\"accountId\":\"111122223333\",\"archived\":false,\"category\":\"CLASSIFICATION\","
            + "\"classificationDetails\":{\"detailedResultsLocation\":null,\"jobArn\":"
            + "\"arn:aws:macie2:us-east-1:111122223333:classification-job/j1\",\"jobId\":\"j1\","
            + "\"originType\":\"SENSITIVE_DATA_DISCOVERY_JOB\",\"result\":{\"sensitiveData\":"
            + "[{\"category\":\"FINANCIAL_INFORMATION\",\"detections\":[{\"type\":"
            + "\"CREDIT_CARD_NUMBER\",\"count\":2,\"occurrences\":{\"cells\":[{\"row\":2,"
            + "\"column\":1,\"columnName\":\"card\",\"cellReference\":null}]}}],\"totalCount\":2}],"
            + "\"customDataIdentifiers\":{\"detections\":[],\"totalCount\":0},"
            + "\"additionalOccurrences\":false,\"mimeType\":\"text/csv\",\"sizeClassified\":100,"
            + "\"status\":{\"code\":\"COMPLETE\",\"reason\":null}}},\"count\":1,\"createdAt\":"
            + "\"2026-11-03T09:00:00Z\",\"description\":\"The S3 object contains financial"
            + " information.\",\"id\":\"g1\",\"partition\":\"aws\",\"policyDetails\":null,"
            + "\"region\":\"us-east-1\",\"resourcesAffected\":{\"s3Bucket\":{\"arn\":"
            + "\"arn:aws:s3:::payments\",\"name\":\"payments\"},\"s3Object\":{\"key\":"
            + "\"odd,\\\"name\\\".csv\",\"size\":100}},\"sample\":false,\"schemaVersion\":\"1.0\","
            + "\"severity\":{\"description\":\"High\",\"score\":3},\"title\":\"The S3 object"
            + " contains financial information.\",\"type\":\"SensitiveData:S3Object/Financial\","
            + "\"updatedAt\":\"2026-11-03T09:00:00Z\"}";
    withJson.put("finding_json", storedJson);
    withJson.put("type", "SensitiveData:S3Object/Financial");
    Map<String, Object> policy =
        GovernanceRows.finding(
            "p1", "pol1", "health-public", null, "2026-11-03 10:00:00", List.of());
    policy.put("category", "POLICY");
    policy.put("type", "Policy:IAMUser/S3BucketPublic");
    policy.put("title", "The S3 bucket is publicly accessible.");
    policy.put("object_path", null);
    policy.put("size", null);
    policy.put("status_code", null);
    policy.put("sensitive_data_categories", null);
    DeltaTables.append(
        spark,
        catalog,
        TrawlTable.FINDINGS,
        TableRows.of(spark, TrawlTable.FINDINGS, withJson, policy));
  }

  private static List<String> export(
      ExportFormat format, boolean archived, FindingExporter.Result[] r) throws IOException {
    Path file = out.resolve(format.cliName() + (archived ? "-all" : "") + ".out");
    r[0] =
        FindingExporter.create(
                spark,
                new FindingExporter.Settings(catalog, format, file.toString(), null, archived))
            .run();
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void macieJsonIsTheStoredFindingOrOneRebuiltWithEveryField() throws IOException {
    FindingExporter.Result[] r = new FindingExporter.Result[1];
    List<String> lines = export(ExportFormat.MACIE, false, r);
    // 9 findings: f6 is archived and left out, but counted.
    assertThat(lines).hasSize(8);
    assertThat(r[0].exported()).isEqualTo(8);
    assertThat(r[0].archivedExcluded()).isEqualTo(1);
    assertThat(r[0].rebuilt()).isEqualTo(7);
    for (String line : lines) {
      JsonNode f = MAPPER.readTree(line);
      assertThat(f.fieldNames()).toIterable().containsAll(MACIE_FINDING_FIELDS);
      assertThat(f.path("archived").asBoolean()).isFalse();
      assertThat(f.path("id").asText()).isNotEqualTo("f6");
    }
    assertThat(lines).contains(storedJson);
    JsonNode policy =
        MAPPER.readTree(lines.stream().filter(l -> l.contains("pol1")).findFirst().orElseThrow());
    assertThat(policy.path("category").asText()).isEqualTo("POLICY");
    assertThat(policy.path("classificationDetails").isNull()).isTrue();
    assertThat(policy.path("resourcesAffected").path("s3Object").isNull()).isTrue();
    assertThat(policy.path("resourcesAffected").path("s3Bucket").path("name").asText())
        .isEqualTo("health-public");
  }

  @Test
  void archivedFindingsOnlyWhenAsked() throws IOException {
    FindingExporter.Result[] r = new FindingExporter.Result[1];
    List<String> lines = export(ExportFormat.MACIE, true, r);
    assertThat(lines).hasSize(9);
    assertThat(r[0].archivedIncluded()).isEqualTo(1);
    assertThat(r[0].archivedExcluded()).isZero();
    JsonNode f6 =
        MAPPER.readTree(lines.stream().filter(l -> l.contains("\"f6\"")).findFirst().orElseThrow());
    assertThat(f6.path("archived").asBoolean()).isTrue();
  }

  @Test
  void eventBridgeEventsUseTheStandardEnvelope() throws IOException {
    List<String> lines = export(ExportFormat.EVENTBRIDGE, false, new FindingExporter.Result[1]);
    assertThat(lines).hasSize(8);
    for (String line : lines) {
      JsonNode e = MAPPER.readTree(line);
      assertThat(e.fieldNames())
          .toIterable()
          .containsExactly(
              "version",
              "id",
              "detail-type",
              "source",
              "account",
              "time",
              "region",
              "resources",
              "detail");
      assertThat(e.path("version").asText()).isEqualTo("0");
      assertThat(e.path("detail-type").asText()).isEqualTo("Macie Finding");
      assertThat(e.path("source").asText()).isEqualTo("aws.macie");
      assertThat(e.path("account").asText()).isEqualTo(GovernanceRows.ACCOUNT);
      assertThat(e.path("region").asText()).isEqualTo("us-east-1");
      assertThat(e.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(e.path("id").asText()).matches("[0-9a-f-]{36}");
      assertThat(e.path("detail").path("id").isTextual()).isTrue();
    }
    // The same finding exported twice is the same event.
    assertThat(export(ExportFormat.EVENTBRIDGE, false, new FindingExporter.Result[1]))
        .isEqualTo(lines);
  }

  @Test
  void asffHasEveryRequiredAttributeAndDataClassification() throws IOException {
    List<String> lines = export(ExportFormat.ASFF, false, new FindingExporter.Result[1]);
    assertThat(lines).hasSize(1); // one BatchImportFindings request (at most 100 findings)
    JsonNode findings = MAPPER.readTree(lines.get(0)).path("Findings");
    assertThat(findings.size()).isEqualTo(8);
    for (JsonNode f : findings) {
      for (String field : ASFF_REQUIRED) {
        assertThat(f.hasNonNull(field)).as(field + " in " + f).isTrue();
      }
      assertThat(f.path("SchemaVersion").asText()).isEqualTo("2018-10-08");
      assertThat(f.path("ProductArn").asText())
          .isEqualTo("arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default");
      assertThat(f.path("Severity").path("Label").asText()).isIn("LOW", "MEDIUM", "HIGH");
      assertThat(f.path("Title").asText().length()).isLessThanOrEqualTo(256);
      assertThat(f.path("Types").size()).isBetween(1, 50);
      f.path("Types").forEach(t -> assertThat(t.asText()).matches(ASFF_TYPE));
      assertThat(f.path("Resources").size()).isBetween(1, 32);
      f.path("Resources")
          .forEach(
              res -> {
                assertThat(res.path("Type").asText()).isIn("AwsS3Bucket", "AwsS3Object");
                assertThat(res.path("Id").asText()).startsWith("arn:aws:s3:::");
              });
    }
    JsonNode g1 = find(findings, "Id", "arn:aws:macie2:us-east-1:111122223333:finding/g1");
    assertThat(g1.path("Types").get(0).asText())
        .isEqualTo("Sensitive Data Identifications/Financial/SensitiveData:S3Object-Financial");
    JsonNode object = g1.path("Resources").get(1);
    assertThat(object.path("Id").asText()).isEqualTo("arn:aws:s3:::payments/odd,\"name\".csv");
    JsonNode dc = object.path("DataClassification").path("Result");
    assertThat(dc.path("MimeType").asText()).isEqualTo("text/csv");
    assertThat(dc.path("SensitiveData").get(0).path("Detections").get(0).path("Type").asText())
        .isEqualTo("CREDIT_CARD_NUMBER");
    assertThat(
            dc.path("SensitiveData")
                .get(0)
                .path("Detections")
                .get(0)
                .path("Occurrences")
                .path("Cells")
                .get(0)
                .path("ColumnName")
                .asText())
        .isEqualTo("card");
    JsonNode policy = find(findings, "Id", "arn:aws:macie2:us-east-1:111122223333:finding/pol1");
    assertThat(policy.path("Types").get(0).asText())
        .startsWith("Software and Configuration Checks/");
    assertThat(policy.path("Resources").size()).isEqualTo(1);
  }

  @Test
  void ocsfDataSecurityFindingsHaveEveryRequiredAttribute() throws IOException {
    List<String> lines = export(ExportFormat.OCSF, false, new FindingExporter.Result[1]);
    assertThat(lines).hasSize(8);
    for (String line : lines) {
      JsonNode e = MAPPER.readTree(line);
      for (String field : OCSF_REQUIRED) {
        assertThat(e.hasNonNull(field)).as(field).isTrue();
      }
      assertThat(e.path("class_uid").asInt()).isEqualTo(2006);
      assertThat(e.path("category_uid").asInt()).isEqualTo(2);
      assertThat(e.path("type_uid").asInt()).isEqualTo(200601);
      assertThat(e.path("severity_id").asInt()).isBetween(1, 6);
      assertThat(e.path("time").asLong()).isGreaterThan(1_700_000_000_000L);
      // finding_info: uid and title required; metadata: product and version required.
      assertThat(e.path("finding_info").hasNonNull("uid")).isTrue();
      assertThat(e.path("finding_info").hasNonNull("title")).isTrue();
      assertThat(e.path("metadata").path("version").asText()).isEqualTo("1.4.0");
      assertThat(e.path("metadata").path("product").hasNonNull("vendor_name")).isTrue();
      assertThat(e.path("metadata").path("product").hasNonNull("name")).isTrue();
      assertThat(e.path("cloud").path("provider").asText()).isEqualTo("AWS");
    }
    JsonNode g1 =
        MAPPER.readTree(lines.stream().filter(l -> l.contains("\"g1\"")).findFirst().orElseThrow());
    assertThat(g1.path("severity_id").asInt()).isEqualTo(4);
    assertThat(g1.path("data_classification").path("category_id").asInt()).isEqualTo(3);
    assertThat(
            g1.path("data_classification").path("discovery_details").get(0).path("type").asText())
        .isEqualTo("CREDIT_CARD_NUMBER");
    assertThat(g1.path("resources").get(1).path("type").asText()).isEqualTo("AWS::S3::Object");
  }

  @Test
  void csvFollowsRfc4180() throws IOException {
    Path file = out.resolve("findings.csv");
    FindingExporter.create(
            spark,
            new FindingExporter.Settings(catalog, ExportFormat.CSV, file.toString(), null, false))
        .run();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).startsWith(String.join(",", CsvFindings.HEADER) + "\r\n").endsWith("\r\n");
    List<List<String>> records = parseCsv(text);
    assertThat(records).hasSize(9);
    for (List<String> record : records) {
      assertThat(record).hasSize(CsvFindings.HEADER.size());
    }
    assertThat(text).contains(",\"odd,\"\"name\"\".csv\",");
    List<String> g1 = records.stream().filter(r -> r.get(0).equals("g1")).findFirst().orElseThrow();
    assertThat(g1.get(CsvFindings.HEADER.indexOf("key"))).isEqualTo("odd,\"name\".csv");
    assertThat(g1.get(CsvFindings.HEADER.indexOf("detection_types")))
        .isEqualTo("CREDIT_CARD_NUMBER");
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertThatThrownBy(() -> ExportFormat.parse("sarif"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("macie, eventbridge, asff, ocsf, csv");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + "=" + value);
  }

  /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    return records;
  }
}
