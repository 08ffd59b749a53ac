package io.trawl.jobs.access.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.jobs.access.AccessAnalysis.AnomalyType;
import io.trawl.jobs.access.parse.AccessEvent;
import io.trawl.jobs.access.parse.KeyCoding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic synthetic access logs over a real estate, in both formats, with known injected
 * anomalies: the demo shows them and the tests measure precision and recall against them.
 *
 * <p>Normal traffic: employees read, list and write during business hours on business days from the
 * corporate and VPN networks; two service roles work around the clock from the VPC network; a
 * partner account reads non-sensitive objects; anonymous visitors read the non-sensitive objects of
 * a public bucket. Day 0 is a warm-up on which every principal touches every bucket from each of
 * its networks, so later "new on this bucket" signals are only the injected ones. Buckets are
 * logged alternately by server access logs and CloudTrail, with some requests in both (the analysis
 * drops the duplicates). A few malformed lines and records are mixed in. Deterministic for a seed.
 */
public final class AccessLogGenerator {
  /** An object of the estate and its latest finding severity (null if not sensitive). */
  public record ObjectInfo(String bucket, String key, long size, String severity) {}

  /** One injected anomaly: who, in which window, what kind. */
  public record Injected(String principal, Instant windowStart, AnomalyType kind) {}

  /**
   * What was written.
   *
   * @param injected the anomalies injected
   * @param requests requests generated (before duplication into both formats)
   * @param malformed malformed lines and records written
   * @param ignored CloudTrail records of other services written
   * @param start first day of the logs
   */
  public record Result(
      List<Injected> injected, long requests, int malformed, int ignored, LocalDate start) {}

  /**
   * How to generate.
   *
   * @param ownerAccount the estate's account
   * @param seed random seed
   * @param start first day (moved to the next Monday)
   * @param days days of logs
   * @param injectFromDay first day anomalies may be injected (after the analysis' learning days)
   * @param zone business-hours time zone of the employees
   * @param windowMinutes window length the injected anomalies are labelled with
   * @param perKind injections of each kind
   */
  public record Options(
      String ownerAccount,
      long seed,
      LocalDate start,
      int days,
      int injectFromDay,
      ZoneId zone,
      int windowMinutes,
      int perKind) {}

  /** Partner account that reads shared objects. */
  public static final String PARTNER_ACCOUNT = "444455556666";

  private static final String OWNER_CANONICAL =
      "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss +0000", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGION = "us-east-1";

  private record Actor(
      String principal, String type, String account, List<String> networks, String agent) {
    boolean anonymous() {
      return principal == null;
    }
  }

  private record Request(
      Actor actor,
      Instant time,
      String bucket,
      String key,
      String operation,
      boolean denied,
      String ip,
      long size) {}

  private final Options o;
  private final Random rnd;
  private final List<ObjectInfo> objects;
  private final List<String> buckets;
  private final List<Request> requests = new ArrayList<>();
  private final List<Injected> injected = new ArrayList<>();
  private final Set<String> usedWindows = new HashSet<>();
  private final LocalDate start;

  /** A generator over {@code objects} (at least one bucket with objects). */
  public AccessLogGenerator(List<ObjectInfo> objects, Options options) {
    if (objects.isEmpty()) {
      throw new IllegalArgumentException("the estate has no objects to log access to");
    }
    this.o = options;
    this.rnd = new Random(options.seed());
    this.objects =
        objects.stream()
            .sorted(Comparator.comparing(ObjectInfo::bucket).thenComparing(ObjectInfo::key))
            .toList();
    this.buckets = this.objects.stream().map(ObjectInfo::bucket).distinct().toList();
    this.start =
        options.start().with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
  }

  /**
   * Writes server access logs under {@code serverLogs} and CloudTrail files under {@code
   * cloudTrail}.
   */
  public Result write(Path serverLogs, Path cloudTrail) throws IOException {
    List<Actor> employees = new ArrayList<>();
    String[] names = {"alice", "bob", "carol", "dave", "erin", "frank"};
    for (int i = 0; i < names.length; i++) {
      boolean sso = i >= 4;
      employees.add(
          new Actor(
              sso
                  ? "arn:aws:sts::" + o.ownerAccount() + ":assumed-role/analyst/" + names[i]
                  : "arn:aws:iam::" + o.ownerAccount() + ":user/" + names[i],
              sso ? "AssumedRole" : "IAMUser",
              o.ownerAccount(),
              List.of("10.20.30.", "10.20.31."),
              i % 2 == 0 ? "aws-cli/2.15.0 Python/3.11.6 Linux/6.1" : "S3Console/0.4"));
    }
    List<Actor> services =
        List.of(
            new Actor(
                "arn:aws:sts::" + o.ownerAccount() + ":assumed-role/etl-loader/etl",
                "AssumedRole",
                o.ownerAccount(),
                List.of("10.50.0."),
                "aws-sdk-java/2.25.0 Linux/5.10"),
            new Actor(
                "arn:aws:sts::" + o.ownerAccount() + ":assumed-role/backup/backup",
                "AssumedRole",
                o.ownerAccount(),
                List.of("10.50.0."),
                "aws-sdk-go/1.50.0"));
    Actor partner =
        new Actor(
            "arn:aws:iam::" + PARTNER_ACCOUNT + ":user/partner-sync-" + o.ownerAccount(),
            "IAMUser",
            PARTNER_ACCOUNT,
            List.of("198.51.100."),
            "rclone/v1.66");
    List<ObjectInfo> clean = objects.stream().filter(x -> x.severity() == null).toList();
    List<ObjectInfo> sensitive = objects.stream().filter(x -> x.severity() != null).toList();
    List<ObjectInfo> high = sensitive.stream().filter(x -> "High".equals(x.severity())).toList();
    List<ObjectInfo> notHigh = objects.stream().filter(x -> !"High".equals(x.severity())).toList();
    String publicBucket =
        buckets.stream()
            .filter(b -> b.contains("public") || b.contains("website") || b.contains("www"))
            .findFirst()
            .orElse(null);
    List<ObjectInfo> publicClean =
        clean.stream().filter(x -> x.bucket().equals(publicBucket)).toList();

    // Day 0: everyone touches every bucket from each of its networks.
    for (Actor a : concat(employees, services, List.of(partner))) {
      for (String b : buckets) {
        for (String net : a.networks()) {
          Instant t = local(0, 10, rnd.nextInt(50));
          add(a, t, b, null, "ListObjects", false, net + host(), 0);
        }
      }
    }
    // Normal traffic.
    for (int day = 0; day < o.days(); day++) {
      boolean businessDay = dayOfWeek(day).getValue() <= 5;
      for (int hour = 0; hour < 24; hour++) {
        if (businessDay && hour >= 9 && hour < 17) {
          for (Actor a : employees) {
            if (rnd.nextDouble() < 0.5) {
              int n = 1 + rnd.nextInt(4);
              for (int i = 0; i < n; i++) {
                employeeRequest(a, local(day, hour, rnd.nextInt(60)));
              }
            }
          }
          if (!clean.isEmpty() && rnd.nextDouble() < 0.3) {
            ObjectInfo x = pick(clean);
            add(
                partner,
                local(day, hour, rnd.nextInt(60)),
                x.bucket(),
                x.key(),
                "GetObject",
                false,
                ip(partner),
                x.size());
          }
        }
        for (Actor s : services) {
          if (rnd.nextDouble() < 0.6) {
            int n = 2 + rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
              ObjectInfo x = pick(objects);
              String op = rnd.nextInt(4) == 0 ? "PutObject" : "GetObject";
              add(
                  s,
                  local(day, hour, rnd.nextInt(60)),
                  x.bucket(),
                  x.key(),
                  op,
                  false,
                  ip(s),
                  x.size());
            }
          }
        }
        if (!publicClean.isEmpty() && rnd.nextDouble() < 0.5) {
          for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
            ObjectInfo x = pick(publicClean);
            Actor visitor = visitor();
            add(
                visitor,
                local(day, hour, rnd.nextInt(60)),
                x.bucket(),
                x.key(),
                "GetObject",
                false,
                ip(visitor),
                x.size());
          }
        }
      }
    }
    // Injected anomalies, perKind of each kind after the learning days, in distinct windows.
    for (int k = 0; k < o.perKind(); k++) {
      if (high.size() > 0) {
        Actor a = pick(employees);
        Instant t = freeWindow(a.principal(), true);
        int n = 25 + rnd.nextInt(11);
        for (int i = 0; i < n; i++) {
          ObjectInfo x = pick(high);
          add(
              a,
              t.plusSeconds(rnd.nextInt(2400)),
              x.bucket(),
              x.key(),
              "GetObject",
              false,
              "10.20.30." + host(),
              x.size());
        }
        label(a.principal(), t, AnomalyType.HIGH_SEVERITY_READ_SPIKE);
      }
      if (!notHigh.isEmpty()) {
        Actor a = pick(employees);
        Instant t = freeWindow(a.principal(), true);
        int n = 90 + rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
          ObjectInfo x = pick(notHigh);
          add(
              a,
              t.plusSeconds(rnd.nextInt(2400)),
              x.bucket(),
              x.key(),
              "GetObject",
              false,
              "10.20.31." + host(),
              x.size());
        }
        label(a.principal(), t, AnomalyType.BULK_DOWNLOAD);
      }
      if (!sensitive.isEmpty()) {
        Actor a = pick(employees);
        Instant t = freeWindow(a.principal(), false);
        for (int i = 0; i < 2 + rnd.nextInt(3); i++) {
          ObjectInfo x = pick(sensitive);
          add(
              a,
              t.plusSeconds(rnd.nextInt(2400)),
              x.bucket(),
              x.key(),
              "GetObject",
              false,
              "10.20.31." + host(),
              x.size());
        }
        label(a.principal(), t, AnomalyType.OFF_HOURS_ACCESS);

        Actor contractor =
            new Actor(
                "arn:aws:iam::" + o.ownerAccount() + ":user/contractor-" + (k + 1),
                "IAMUser",
                o.ownerAccount(),
                List.of("10.20.30."),
                "aws-cli/2.15.0");
        t = freeWindow(contractor.principal(), true);
        for (int i = 0; i < 2 + rnd.nextInt(4); i++) {
          ObjectInfo x = pick(sensitive);
          add(
              contractor,
              t.plusSeconds(rnd.nextInt(2400)),
              x.bucket(),
              x.key(),
              "GetObject",
              false,
              ip(contractor),
              x.size());
        }
        label(contractor.principal(), t, AnomalyType.NEW_PRINCIPAL_ON_BUCKET);

        Actor roaming = pick(employees);
        t = freeWindow(roaming.principal(), true);
        String network = "203.0." + (10 + k * 7 + rnd.nextInt(5)) + ".";
        for (int i = 0; i < 2 + rnd.nextInt(3); i++) {
          ObjectInfo x = pick(sensitive);
          add(
              roaming,
              t.plusSeconds(rnd.nextInt(2400)),
              x.bucket(),
              x.key(),
              "GetObject",
              false,
              network + host(),
              x.size());
        }
        label(roaming.principal(), t, AnomalyType.NEW_NETWORK_ON_BUCKET);

        Actor stranger = visitor();
        String strangerIp = ip(stranger);
        String strangerActor =
            AccessEvent.ANONYMOUS_PRINCIPAL
                + "@"
                + strangerIp.substring(0, strangerIp.lastIndexOf('.'))
                + ".0/24";
        t = freeWindow(strangerActor, rnd.nextBoolean());
        for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
          ObjectInfo x = pick(sensitive);
          add(
              stranger,
              t.plusSeconds(rnd.nextInt(2400)),
              x.bucket(),
              x.key(),
              "GetObject",
              false,
              strangerIp,
              x.size());
        }
        label(strangerActor, t, AnomalyType.ANONYMOUS_SENSITIVE_READ);

        t = freeWindow(partner.principal(), true);
        for (int i = 0; i < 2 + rnd.nextInt(3); i++) {
          ObjectInfo x = pick(sensitive);
          add(
              partner,
              t.plusSeconds(rnd.nextInt(2400)),
              x.bucket(),
              x.key(),
              "GetObject",
              false,
              ip(partner),
              x.size());
        }
        label(partner.principal(), t, AnomalyType.CROSS_ACCOUNT_SENSITIVE_READ);
      }
      Actor prober = pick(employees);
      Instant t = freeWindow(prober.principal(), true);
      String bucket = pick(buckets);
      for (int i = 0; i < 15 + rnd.nextInt(15); i++) {
        add(
            prober,
            t.plusSeconds(rnd.nextInt(2400)),
            bucket,
            "backup/db-dump-" + rnd.nextInt(100000) + ".sql",
            "GetObject",
            true,
            "10.20.30." + host(),
            0);
      }
      label(prober.principal(), t, AnomalyType.ACCESS_DENIED_PROBING);
    }
    int[] counts = writeFiles(serverLogs, cloudTrail);
    return new Result(List.copyOf(injected), requests.size(), counts[0], counts[1], start);
  }

  private void employeeRequest(Actor a, Instant t) {
    int r = rnd.nextInt(20);
    String ip = ip(a);
    if (r == 0) {
      // An occasional denied request, as happens when people guess a key.
      ObjectInfo x = pick(objects);
      add(a, t, x.bucket(), x.key(), "GetObject", true, ip, 0);
    } else if (r <= 2) {
      add(a, t, pick(buckets), null, "ListObjects", false, ip, 0);
    } else if (r == 3) {
      ObjectInfo x = pick(objects);
      add(a, t, x.bucket(), x.key(), "PutObject", false, ip, x.size());
    } else if (r == 4) {
      ObjectInfo x = pick(objects);
      add(a, t, x.bucket(), x.key(), "HeadObject", false, ip, 0);
    } else {
      ObjectInfo x = pick(objects);
      add(a, t, x.bucket(), x.key(), "GetObject", false, ip, x.size());
    }
  }

  /** A window start for an injection on a business day after the learning days. */
  private Instant freeWindow(String actor, boolean businessHours) {
    for (int attempt = 0; ; attempt++) {
      int day = o.injectFromDay() + rnd.nextInt(Math.max(1, o.days() - o.injectFromDay()));
      if (dayOfWeek(day).getValue() > 5) {
        continue;
      }
      int hour = businessHours ? 9 + rnd.nextInt(8) : 1 + rnd.nextInt(4);
      Instant t = local(day, hour, 0);
      long w = o.windowMinutes() * 60L;
      Instant window = Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), w) * w);
      // Injections stay inside one window: start at its beginning, spread over 40 minutes.
      if (usedWindows.add(actor + "|" + window) || attempt > 1000) {
        return window.plusSeconds(30);
      }
    }
  }

  private void label(String actor, Instant t, AnomalyType kind) {
    long w = o.windowMinutes() * 60L;
    injected.add(
        new Injected(actor, Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), w) * w), kind));
  }

  private Actor visitor() {
    return new Actor(
        null,
        "Anonymous",
        null,
        List.of((60 + rnd.nextInt(150)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "."),
        "Mozilla/5.0 (X11; Linux x86_64)");
  }

  private void add(
      Actor a,
      Instant t,
      String bucket,
      String key,
      String op,
      boolean denied,
      String ip,
      long size) {
    requests.add(new Request(a, t, bucket, key, op, denied, ip, size));
  }

  private int[] writeFiles(Path serverLogs, Path cloudTrail) throws IOException {
    Map<String, List<String>> serverFiles = new LinkedHashMap<>();
    Map<String, ArrayNode> trailFiles = new LinkedHashMap<>();
    requests.sort(Comparator.comparing(Request::time));
    for (Request r : requests) {
      String requestId = requestId();
      boolean viaCloudTrail = buckets.indexOf(r.bucket()) % 2 == 1;
      boolean both = !viaCloudTrail && rnd.nextInt(10) == 0;
      LocalDate day = r.time().atOffset(ZoneOffset.UTC).toLocalDate();
      if (!viaCloudTrail || both) {
        String file =
            String.format(
                "%s/%s/%s/%s/%s-%s",
                o.ownerAccount(),
                REGION,
                r.bucket(),
                day.toString().replace('-', '/'),
                FILE_TIME.format(day.atStartOfDay().toInstant(ZoneOffset.UTC)),
                Integer.toHexString(r.bucket().hashCode()).toUpperCase(Locale.ROOT));
        serverFiles.computeIfAbsent(file, f -> new ArrayList<>()).add(serverLine(r, requestId));
      }
      if (viaCloudTrail || both) {
        String file =
            String.format(
                "AWSLogs/%s/CloudTrail/%s/%s/%s_CloudTrail_%s_%sT0000Z_%s.json.gz",
                o.ownerAccount(),
                REGION,
                day.toString().replace('-', '/'),
                o.ownerAccount(),
                REGION,
                day.toString().replace("-", ""),
                "a1b2c3");
        trailFiles.computeIfAbsent(file, f -> JSON.createArrayNode()).add(record(r, requestId));
      }
    }
    int malformed = 0;
    int ignored = 0;
    // Malformed input the job must keep aside: a cut line, a line of garbage, a bad time.
    List<String> first = serverFiles.values().iterator().next();
    String sample = first.get(0);
    first.add(sample.substring(0, sample.indexOf('"') + 10));
    first.add("this is not an access log line");
    first.add(sample.replaceFirst("\\[\\d\\d/", "[99/"));
    malformed += 3;
    ArrayNode firstTrail = trailFiles.isEmpty() ? null : trailFiles.values().iterator().next();
    if (firstTrail != null) {
      firstTrail.add(
          JSON.createObjectNode()
              .put("eventSource", "s3.amazonaws.com")
              .put("eventName", "GetObject"));
      malformed++;
      firstTrail.add(
          JSON.createObjectNode()
              .put("eventSource", "kms.amazonaws.com")
              .put("eventName", "Decrypt")
              .put("eventTime", "2026-01-01T00:00:00Z"));
      ignored++;
    }
    for (Map.Entry<String, List<String>> f : serverFiles.entrySet()) {
      Path p = serverLogs.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, String.join("\n", f.getValue()) + "\n", StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, ArrayNode> f : trailFiles.entrySet()) {
      Path p = cloudTrail.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      ObjectNode root = JSON.createObjectNode();
      root.set("Records", f.getValue());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
        JSON.writeValue(out, root);
      }
    }
    return new int[] {malformed, ignored};
  }

  private String serverLine(Request r, String requestId) {
    String op =
        switch (r.operation()) {
          case "GetObject" -> "REST.GET.OBJECT";
          case "PutObject" -> "REST.PUT.OBJECT";
          case "HeadObject" -> "REST.HEAD.OBJECT";
          default -> "REST.GET.BUCKET";
        };
    String method =
        op.equals("REST.PUT.OBJECT") ? "PUT" : op.equals("REST.HEAD.OBJECT") ? "HEAD" : "GET";
    String uriPath =
        "/"
            + r.bucket()
            + (r.key() == null ? "?list-type=2" : "/" + KeyCoding.percentEncode(r.key()));
    boolean read = r.operation().equals("GetObject") && !r.denied();
    List<String> f = new ArrayList<>();
    f.add(OWNER_CANONICAL);
    f.add(r.bucket());
    f.add("[" + LOG_TIME.format(r.time()) + "]");
    f.add(r.ip());
    f.add(r.actor().anonymous() ? "-" : r.actor().principal());
    f.add(requestId);
    f.add(op);
    f.add(r.key() == null ? "-" : KeyCoding.encodeLogged(op, r.key()));
    f.add("\"" + method + " " + uriPath + " HTTP/1.1\"");
    f.add(r.denied() ? "403" : "200");
    f.add(r.denied() ? "AccessDenied" : "-");
    f.add(read && r.size() > 0 ? String.valueOf(r.size()) : r.denied() ? "243" : "-");
    f.add(r.key() == null || r.denied() ? "-" : String.valueOf(r.size()));
    f.add(String.valueOf(5 + rnd.nextInt(80)));
    f.add(String.valueOf(3 + rnd.nextInt(20)));
    f.add("\"-\"");
    f.add("\"" + r.actor().agent() + "\"");
    f.add("-");
    f.add(hostId());
    f.add(r.actor().anonymous() ? "-" : "SigV4");
    f.add("ECDHE-RSA-AES128-GCM-SHA256");
    f.add(r.actor().anonymous() ? "-" : "AuthHeader");
    f.add(r.bucket() + ".s3." + REGION + ".amazonaws.com");
    f.add("TLSv1.2");
    f.add("-");
    f.add("-");
    f.add(REGION);
    // Some log files predate the last three fields.
    if (rnd.nextInt(20) == 0) {
      return String.join(" ", f.subList(0, 24));
    }
    return String.join(" ", f);
  }

  private ObjectNode record(Request r, String requestId) {
    ObjectNode rec = JSON.createObjectNode();
    rec.put("eventVersion", "1.11");
    ObjectNode id = rec.putObject("userIdentity");
    Actor a = r.actor();
    if (a.anonymous()) {
      id.put("type", "AWSAccount")
          .put("principalId", "")
          .put("accountId", AccessEvent.ANONYMOUS_PRINCIPAL);
    } else {
      id.put("type", a.type())
          .put(
              "principalId",
              "AIDA" + Integer.toHexString(a.principal().hashCode()).toUpperCase(Locale.ROOT));
      id.put("arn", a.principal()).put("accountId", a.account());
      if (a.type().equals("AssumedRole")) {
        String role = a.principal().split("/")[1];
        id.putObject("sessionContext")
            .putObject("sessionIssuer")
            .put("type", "Role")
            .put("arn", "arn:aws:iam::" + a.account() + ":role/" + role)
            .put("accountId", a.account())
            .put("userName", role);
      }
    }
    rec.put("eventTime", r.time().toString());
    rec.put("eventSource", "s3.amazonaws.com");
    rec.put("eventName", r.operation());
    rec.put("awsRegion", REGION);
    rec.put("sourceIPAddress", r.ip());
    rec.put("userAgent", a.agent());
    if (r.denied()) {
      rec.put("errorCode", "AccessDenied").put("errorMessage", "Access Denied");
    }
    ObjectNode params = rec.putObject("requestParameters");
    params
        .put("bucketName", r.bucket())
        .put("Host", r.bucket() + ".s3." + REGION + ".amazonaws.com");
    if (r.key() != null) {
      params.put("key", r.key());
    }
    ObjectNode extra = rec.putObject("additionalEventData");
    extra.put("SignatureVersion", "SigV4").put("CipherSuite", "ECDHE-RSA-AES128-GCM-SHA256");
    boolean read = r.operation().equals("GetObject") && !r.denied();
    extra.put("bytesTransferredIn", r.operation().equals("PutObject") ? r.size() : 0);
    extra.put("bytesTransferredOut", read ? r.size() : 0);
    extra.put("AuthenticationMethod", "AuthHeader");
    extra.put("x-amz-id-2", hostId());
    rec.put("requestID", requestId);
    rec.put(
        "eventID",
        java.util.UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8)).toString());
    rec.put("readOnly", !r.operation().equals("PutObject"));
    rec.put("eventType", "AwsApiCall");
    rec.put("managementEvent", false);
    rec.put("recipientAccountId", o.ownerAccount());
    rec.put("eventCategory", "Data");
    return rec;
  }

  private Instant local(int day, int hour, int minute) {
    return start.plusDays(day).atTime(hour, minute, rnd.nextInt(60)).atZone(o.zone()).toInstant();
  }

  private DayOfWeek dayOfWeek(int day) {
    return start.plusDays(day).getDayOfWeek();
  }

  private String ip(Actor a) {
    return pick(a.networks()) + host();
  }

  private int host() {
    return 2 + rnd.nextInt(250);
  }

  private String requestId() {
    return String.format("%016X", rnd.nextLong());
  }

  private String hostId() {
    byte[] b = new byte[24];
    rnd.nextBytes(b);
    return java.util.Base64.getEncoder().encodeToString(b);
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    List<T> out = new ArrayList<>();
    for (List<T> l : lists) {
      out.addAll(l);
    }
    return out;
  }
}
