package io.trawl.jobs.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The demo's scoring step: a posture file for its seven buckets (one public through its bucket
 * policy, one shared with another account, one without default encryption, one replicated to
 * another account, one shared inside the organization, the rest private and encrypted), then {@code
 * trawl score} with it, which prints sensitivity, exposure and risk per bucket.
 */
public final class DemoScores {
  /** The demo's scoring run ID. */
  public static final String RUN_ID = "demo-score";

  /** The account the demo shares its HR exports with, outside the organization. */
  public static final String PARTNER_ACCOUNT = "999988887777";

  /** The account the demo's archive replicates to, outside the organization. */
  public static final String BACKUP_VENDOR_ACCOUNT = "444455556666";

  /** An account of the demo's organization. */
  public static final String ORG_ACCOUNT = "000000000001";

  private DemoScores() {}

  /**
   * Writes the posture file, runs {@code score} through {@code cli} with {@code commonArgs}, and
   * returns its exit code.
   */
  public static int run(
      ToIntFunction<String[]> cli,
      List<String> commonArgs,
      Path demoDir,
      String account,
      PrintWriter out)
      throws IOException {
    Path posture = writePosture(demoDir.resolve("posture.json"), account);
    out.println();
    out.println("Sensitivity, exposure and risk (posture from " + posture + "):");
    out.flush();
    List<String> args = new ArrayList<>(List.of("score"));
    args.addAll(commonArgs);
    args.addAll(List.of("--posture-file", posture.toString(), "--run-id", RUN_ID));
    int code = cli.applyAsInt(args.toArray(new String[0]));
    out.println(
        "  bin/trawl sql \"SELECT bucket, risk_level, risk_reasons FROM bucket_risk ORDER BY"
            + " risk_score DESC\"");
    out.println(
        "  bin/trawl sql \"SELECT bucket, type, severity FROM findings WHERE category = 'POLICY'\"");
    out.flush();
    return code;
  }

  /** The demo estate's posture file. */
  public static Path writePosture(Path file, String account) throws IOException {
    String privateKms =
        "\"blockPublicAccess\": {\"blockPublicAcls\": true, \"ignorePublicAcls\": true,"
            + " \"blockPublicPolicy\": true, \"restrictPublicBuckets\": true},"
            + " \"objectOwnership\": \"BucketOwnerEnforced\", \"aclGrants\": [],"
            + " \"defaultEncryption\": \"aws:kms\", \"kmsMasterKeyId\": \"arn:aws:kms:us-east-1:"
            + account
            + ":key/demo\", \"versioning\": \"Enabled\", \"loggingEnabled\": true,"
            + " \"replicationDestinations\": []";
    String json =
        "{\n"
            + "  \"organizationAccountIds\": [\""
            + ORG_ACCOUNT
            + "\"],\n"
            + "  \"accountBlockPublicAccess\": null,\n"
            + "  \"buckets\": [\n"
            + bucket(
                "acme-public-website",
                account,
                "\"blockPublicAccess\": null, \"objectOwnership\": \"BucketOwnerEnforced\","
                    + " \"aclGrants\": [], \"defaultEncryption\": \"AES256\", \"versioning\":"
                    + " \"Disabled\", \"loggingEnabled\": false, \"replicationDestinations\": [],"
                    + " \"policy\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\":"
                    + " \"PublicRead\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\":"
                    + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::acme-public-website/*\"}]},"
                    + " \"tags\": {\"team\": \"web\"}")
            + ",\n"
            + bucket(
                "acme-hr-exports",
                account,
                privateKms
                    + ", \"policy\": {\"Statement\": [{\"Sid\": \"PayrollVendor\", \"Effect\":"
                    + " \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::"
                    + PARTNER_ACCOUNT
                    + ":root\"}, \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\":"
                    + " \"*\"}]}, \"tags\": {\"team\": \"hr\", \"data-classification\":"
                    + " \"confidential\"}")
            + ",\n"
            + bucket(
                "acme-app-logs",
                account,
                "\"blockPublicAccess\": {\"blockPublicAcls\": true, \"ignorePublicAcls\": true,"
                    + " \"blockPublicPolicy\": true, \"restrictPublicBuckets\": true},"
                    + " \"objectOwnership\": \"BucketOwnerEnforced\", \"aclGrants\": [],"
                    + " \"defaultEncryption\": \"NONE\", \"versioning\": \"Suspended\","
                    + " \"loggingEnabled\": false, \"replicationDestinations\": [], \"policy\": null,"
                    + " \"tags\": {\"team\": \"platform\"}")
            + ",\n"
            + bucket(
                "acme-archive",
                account,
                "\"blockPublicAccess\": {\"blockPublicAcls\": true, \"ignorePublicAcls\": true,"
                    + " \"blockPublicPolicy\": true, \"restrictPublicBuckets\": true},"
                    + " \"objectOwnership\": \"BucketOwnerEnforced\", \"aclGrants\": [],"
                    + " \"defaultEncryption\": \"aws:kms\", \"versioning\": \"Enabled\","
                    + " \"loggingEnabled\": true, \"policy\": null, \"replicationDestinations\":"
                    + " [{\"bucket\": \"arn:aws:s3:::vendor-offsite-copy\", \"accountId\": \""
                    + BACKUP_VENDOR_ACCOUNT
                    + "\"}], \"tags\": {\"team\": \"records\"}")
            + ",\n"
            + bucket(
                "acme-dev-configs",
                account,
                privateKms
                    + ", \"policy\": {\"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
                    + " {\"AWS\": \"arn:aws:iam::"
                    + ORG_ACCOUNT
                    + ":role/ci\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]},"
                    + " \"tags\": {\"team\": \"platform\"}")
            + ",\n"
            + bucket(
                "acme-payments",
                account,
                privateKms + ", \"policy\": null, \"tags\": {\"data-classification\": \"pci\"}")
            + ",\n"
            + bucket(
                "acme-health-records",
                account,
                privateKms + ", \"policy\": null, \"tags\": {\"data-classification\": \"phi\"}")
            + "\n  ]\n}\n";
    Files.createDirectories(file.getParent());
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static String bucket(String name, String account, String settings) {
    return "    {\"bucket\": \""
        + name
        + "\", \"accountId\": \""
        + account
        + "\", \"region\": \"us-east-1\", "
        + settings
        + "}";
  }
}
