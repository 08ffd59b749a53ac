package io.trawl.jobs.demo;

import io.trawl.extraction.samples.ArchiveSamples;
import io.trawl.extraction.samples.ColumnarSamples;
import io.trawl.extraction.samples.DocumentSamples;
import io.trawl.extraction.samples.EmailSamples;
import io.trawl.extraction.samples.SampleTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the local demo estate: a folder whose top-level folders are buckets, holding text, CSV,
 * JSON, logs, configuration, documents and archives, with seeded (made-up, check-digit valid)
 * sensitive values and clean objects, plus the Macie JSON the demo job uses. Deterministic for a
 * seed.
 */
public final class DemoEstate {
  private final Path root;
  private final SyntheticValues v;
  private final Map<String, Integer> objectsPerBucket = new LinkedHashMap<>();
  private final String sandboxCard;

  public DemoEstate(Path root, long seed) {
    this.root = root;
    this.v = new SyntheticValues(seed);
    this.sandboxCard = v.cardNumber();
  }

  /** A card number that only appears in sandbox docs; the demo's allow list suppresses it. */
  public String sandboxCard() {
    return sandboxCard;
  }

  /**
   * The raw sensitive values planted so far (complete after {@link #write}): the same seed plants
   * the same values, so a test can regenerate them and look for them where they must not be.
   */
  public java.util.Set<String> plantedValues() {
    return v.planted();
  }

  /** Writes the estate; returns objects per bucket. */
  public Map<String, Integer> write() throws IOException {
    hrExports();
    payments();
    appLogs();
    devConfigs();
    publicWebsite();
    healthRecords();
    archive();
    return objectsPerBucket;
  }

  private void hrExports() throws IOException {
    String b = "acme-hr-exports";
    StringBuilder csv = new StringBuilder("employee_id,full_name,email,ssn,date_of_birth,phone\n");
    List<String> jsonl = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String name = v.name();
      String ssn = v.ssn();
      csv.append(
          String.format(
              "EMP-%06d,%s,%s,%s,%s,%s%n",
              100000 + i, name, v.email(name), ssn, v.dateOfBirth(), v.phone()));
      jsonl.add(
          String.format(
              "{\"employee\":{\"id\":\"EMP-%06d\",\"name\":\"%s\",\"contact\":{\"email\":\"%s\"},"
                  + "\"ssn\":\"%s\",\"address\":\"%s\"}}",
              200000 + i, name, v.email(name), v.ssn(), v.address()));
    }
    text(b, "exports/2026/employees.csv", csv.toString());
    text(b, "exports/2026/employees.jsonl", String.join("\n", jsonl) + "\n");
    List<List<String>> payroll = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      payroll.add(
          List.of(v.name(), v.bankAccount(), v.germanIban(), String.valueOf(50000 + i * 1000)));
    }
    Map<String, SampleTable> sheets = new LinkedHashMap<>();
    sheets.put(
        "Payroll",
        new SampleTable(List.of("Employee", "Bank Account Number", "IBAN", "Salary"), payroll));
    sheets.put(
        "Summary", new SampleTable(List.of("Quarter", "Total"), List.of(List.of("Q3", "1200000"))));
    bytes(b, "payroll/payroll-q3.xlsx", DocumentSamples.xlsx(sheets));
    String name = v.name();
    bytes(
        b,
        "letters/offer-letter.docx",
        DocumentSamples.docx(
            "Offer of employment",
            List.of(
                "Dear " + name + ",",
                "We are pleased to offer you the position of Data Engineer.",
                "For payroll we have recorded your social security number " + v.ssn() + ".",
                "Please send your passport number to HR before your start date.")));
    bytes(
        b,
        "policies/handbook.pdf",
        DocumentSamples.pdf(
            List.of(
                List.of("Employee handbook.", "Chapter 1: our values."),
                List.of("Chapter 2: working hours and holidays.", "No personal data here."))));
    bytes(
        b,
        "onboarding/welcome.pptx",
        DocumentSamples.pptx(
            List.of(
                List.of("Welcome to Acme", "Your first week"),
                List.of("IT setup", "Badge photos are taken on Monday"))));
    String candidate = v.name();
    bytes(
        b,
        "inbox/candidate.eml",
        EmailSamples.eml(
            "recruiting@acme.example",
            "hr@acme.example",
            "Candidate documents",
            List.of("Hi team,", "Attached are the details for " + candidate + ".", "Thanks"),
            Map.of(
                "candidate.csv",
                ("name,ssn,date of birth\n"
                        + candidate
                        + ","
                        + v.ssn()
                        + ","
                        + v.dateOfBirth()
                        + "\n")
                    .getBytes(StandardCharsets.UTF_8))));
    text(b, "policies/README.txt", "Company policies live here. Nothing sensitive.\n");
  }

  private void payments() throws IOException {
    String b = "acme-payments";
    StringBuilder csv = new StringBuilder("txn_id,amount,currency,card_number,card_expiry,cvv\n");
    for (int i = 0; i < 30; i++) {
      csv.append(
          String.format(
              "T%08d,%d.%02d,USD,%s,%s,%s%n",
              i, 10 + v.nextInt(900), v.nextInt(100), v.cardNumber(), v.cardExpiry(), v.cvv()));
    }
    text(b, "settlements/2026-11/transactions.csv", csv.toString());
    StringBuilder refunds = new StringBuilder("{\"refunds\":[");
    for (int i = 0; i < 5; i++) {
      refunds
          .append(i == 0 ? "" : ",")
          .append(
              String.format(
                  "{\"order\":\"ORD-%05d\",\"payment\":{\"credit_card_number\":\"%s\",\"expiration\":\"%s\"}}",
                  i, v.cardNumber(), v.cardExpiry()));
    }
    refunds.append("]}\n");
    text(b, "refunds/refunds.json", refunds.toString());
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(List.of(v.name(), v.ukIban(), String.valueOf(100 + i)));
    }
    bytes(
        b,
        "sepa/sepa-batch.parquet",
        ColumnarSamples.parquet(
            new SampleTable(List.of("account_holder", "iban", "amount"), rows)));
    // The sandbox card is on the demo allow list: it must not be reported.
    text(b, "docs/testing.md", "Sandbox payments: use card number " + sandboxCard + " only.\n");
    Map<String, byte[]> zip = new LinkedHashMap<>();
    zip.put(
        "2024/chargebacks.csv",
        ("case,card number,reason\nC1," + v.cardNumber() + ",fraud\n")
            .getBytes(StandardCharsets.UTF_8));
    zip.put(
        "2024/notes.txt",
        "Quarterly chargeback review. No card data.\n".getBytes(StandardCharsets.UTF_8));
    bytes(b, "archive/chargebacks-2024.zip", ArchiveSamples.zip(zip));
  }

  private void appLogs() throws IOException {
    String b = "acme-app-logs";
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      log.append(
          String.format(
              "2026-11-01T10:%02d:%02dZ INFO request id=%s path=/api/orders status=200%n",
              i / 60 % 60, i % 60, v.alnum(12)));
      if (i % 97 == 5) {
        String name = v.name();
        log.append(
            String.format(
                "2026-11-01T10:%02d:00Z WARN signup failed for %s email=%s%n",
                i / 60 % 60, name, v.email(name)));
      }
    }
    log.append("2026-11-01T11:00:00Z DEBUG upstream call Authorization: Basic ")
        .append(
            java.util.Base64.getEncoder()
                .encodeToString(("svc-orders:" + v.alnum(16)).getBytes(StandardCharsets.UTF_8)))
        .append('\n');
    text(b, "app/2026/11/01/app.log", log.toString());
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      clean.append(
          String.format(
              "2026-11-02T09:%02d:%02dZ INFO healthcheck ok latency_ms=%d%n",
              i / 60 % 60, i % 60, v.nextInt(50)));
    }
    text(b, "app/2026/11/02/app.log", clean.toString());
    bytes(
        b,
        "app/2026/10/31/app.log.gz",
        ArchiveSamples.gzip("app.log", clean.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private void devConfigs() throws IOException {
    String b = "acme-dev-configs";
    text(
        b,
        "services/orders/.env",
        "AWS_ACCESS_KEY_ID="
            + v.awsAccessKeyId()
            + "\naws_secret_access_key="
            + v.awsSecretKey()
            + "\nLOG_LEVEL=debug\n");
    text(
        b,
        "services/orders/application.yaml",
        "server:\n  port: 8080\ndatasource:\n  url: jdbc:postgresql://db.internal:5432/orders\n"
            + "  username: orders\n  password: "
            + v.alnum(14)
            + "\n");
    StringBuilder key = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
    for (int i = 0; i < 12; i++) {
      key.append(v.alnum(64)).append('\n');
    }
    key.append("-----END RSA PRIVATE KEY-----\n");
    text(b, "keys/deploy-key.pem", key.toString());
    text(
        b,
        "services/billing/settings.json",
        "{\"stripe\":{\"secret_key\":\"sk_live_" + v.alnum(24) + "\"},\"retries\":3}\n");
    text(b, "services/search/settings.json", "{\"shards\":4,\"replicas\":1}\n");
    // Out of the demo job's scope (it excludes keys starting with scratch/): never reported.
    text(b, "scratch/notes.txt", "temp: ssn " + v.ssn() + "\n");
  }

  private void publicWebsite() throws IOException {
    String b = "acme-public-website";
    text(
        b,
        "index.html",
        "<html><head><title>Acme</title></head><body><h1>Welcome to Acme"
            + "</h1><p>We make anvils.</p></body></html>\n");
    text(
        b,
        "about/index.html",
        "<html><body><p>Founded in 1949. Contact press@acme.example"
            + " for media enquiries.</p></body></html>\n");
    text(
        b,
        "sitemap.xml",
        "<?xml version=\"1.0\"?><urlset><url><loc>https://acme.example/"
            + "</loc></url></urlset>\n");
    // A PNG header: images are recognised and reported as unsupported, not read.
    bytes(
        b,
        "img/logo.png",
        new byte[] {
          (byte) 0x89,
          'P',
          'N',
          'G',
          13,
          10,
          26,
          10,
          0,
          0,
          0,
          13,
          'I',
          'H',
          'D',
          'R',
          0,
          0,
          0,
          1,
          0,
          0,
          0,
          1,
          8,
          6,
          0,
          0,
          0,
          31,
          21,
          (byte) 0xc4,
          (byte) 0x89
        });
  }

  private void healthRecords() throws IOException {
    String b = "acme-health-records";
    StringBuilder csv = new StringBuilder("patient,nhs_number,date_of_birth,diagnosis\n");
    for (int i = 0; i < 15; i++) {
      csv.append(
          String.format("%s,%s,%s,routine check%n", v.name(), v.nhsNumber(), v.dateOfBirth()));
    }
    text(b, "uk/patients.csv", csv.toString());
    text(
        b,
        "uk/visits.xml",
        "<visits><visit><patient>"
            + v.name()
            + "</patient><nhs>NHS number "
            + v.nhsNumber()
            + "</nhs></visit></visits>\n");
  }

  private void archive() throws IOException {
    String b = "acme-archive";
    Map<String, byte[]> backup = new LinkedHashMap<>();
    backup.put(
        "backup/people.csv",
        ("name,ssn\n" + v.name() + "," + v.ssn() + "\n").getBytes(StandardCharsets.UTF_8));
    backup.put(
        "backup/README", "Old backup. Restore with care.\n".getBytes(StandardCharsets.UTF_8));
    // An archive inside an archive: occurrences carry the path through both.
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("nested/backup.tar.gz", ArchiveSamples.tarGz(backup));
    bytes(b, "2023/backup.tar.gz", ArchiveSamples.tarGz(backup));
    bytes(b, "2023/backups.zip", ArchiveSamples.zip(outer));
    // Bad input never kills the job: each of these ends in a result with Macie's status and reason.
    bytes(
        b,
        "2023/broken.pdf",
        "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII));
    text(b, "2023/empty.txt", "");
  }

  private void text(String bucket, String key, String content) throws IOException {
    bytes(bucket, key, content.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(String bucket, String key, byte[] content) throws IOException {
    Path p = root.resolve(bucket).resolve(key);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    objectsPerBucket.merge(bucket, 1, Integer::sum);
  }
}
