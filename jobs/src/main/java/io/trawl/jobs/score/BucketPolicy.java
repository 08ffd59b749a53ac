package io.trawl.jobs.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bucket policy grants, read from its JSON the way S3's public-access evaluation does
 * (aws-integration.md 6): an Allow is public unless a condition pins it to fixed principals,
 * accounts, networks or sources; other accounts named as principals share the bucket; a CloudFront
 * origin access identity or the CloudFront service principal shares it with CloudFront; a Deny on
 * {@code s3:PutObject} conditioned on {@code s3:x-amz-server-side-encryption} refuses unencrypted
 * uploads.
 *
 * @param present false when the bucket has no policy
 * @param publicRead an unconditioned Allow of reads to everyone
 * @param publicWrite an unconditioned Allow of writes to everyone
 * @param principalAccounts account IDs named by AWS principals (other than CloudFront's)
 * @param sharedWithCloudFront a CloudFront OAI or OAC (service principal) is allowed
 * @param cloudFrontByCanonicalUser the OAI is given by canonical user ID (Macie then reports the
 *     bucket as shared externally)
 * @param requiresEncryptedUploads a Deny refuses PutObject without server-side encryption
 */
public record BucketPolicy(
    boolean present,
    boolean publicRead,
    boolean publicWrite,
    Set<String> principalAccounts,
    boolean sharedWithCloudFront,
    boolean cloudFrontByCanonicalUser,
    boolean requiresEncryptedUploads) {

  /** The bucket has no policy. */
  public static final BucketPolicy NONE =
      new BucketPolicy(false, false, false, Set.of(), false, false, false);

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ACCOUNT_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):");
  private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
  private static final String OAI_ARN_PREFIX = "arn:aws:iam::cloudfront:user/";

  /** Condition keys that pin an Allow to known parties, so it is not public. */
  private static final Set<String> RESTRICTING_KEYS =
      Set.of(
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:principalaccount",
          "aws:principalarn",
          "aws:sourcearn",
          "aws:sourcevpc",
          "aws:sourcevpce",
          "aws:sourceowner",
          "aws:sourceaccount",
          "aws:sourceip",
          "aws:userid",
          "s3:dataaccesspointarn",
          "s3:dataaccesspointaccount",
          "s3:x-amz-server-side-encryption-aws-kms-key-id");

  public BucketPolicy {
    principalAccounts = Set.copyOf(principalAccounts);
  }

  /**
   * Reads a policy document.
   *
   * @throws IllegalArgumentException if it is not a JSON policy with a Statement
   */
  public static BucketPolicy parse(String document) {
    JsonNode root;
    try {
      root = MAPPER.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || root.get("Statement") == null) {
      throw new IllegalArgumentException("a bucket policy needs a Statement");
    }
    boolean publicRead = false;
    boolean publicWrite = false;
    boolean cloudFront = false;
    boolean cloudFrontCanonical = false;
    boolean requiresEncryption = false;
    Set<String> accounts = new TreeSet<>();
    for (JsonNode st : asList(root.get("Statement"))) {
      String effect = st.path("Effect").asText("");
      List<String> actions = strings(st.get("Action"));
      JsonNode condition = st.get("Condition");
      if (effect.equals("Deny")) {
        if (coversAction(actions, "s3:PutObject") && conditionsOn(condition, "sse")) {
          requiresEncryption = true;
        }
        continue;
      }
      if (!effect.equals("Allow")) {
        continue;
      }
      JsonNode principal = st.get("Principal");
      boolean everyone = false;
      if (principal != null && principal.isTextual()) {
        everyone = principal.asText().equals("*");
      } else if (principal != null && principal.isObject()) {
        for (String aws : strings(principal.get("AWS"))) {
          if (aws.equals("*")) {
            everyone = true;
          } else if (aws.startsWith(OAI_ARN_PREFIX)) {
            cloudFront = true;
          } else {
            Matcher m = ACCOUNT_ARN.matcher(aws);
            if (m.find()) {
              accounts.add(m.group(1));
            } else if (ACCOUNT_ID.matcher(aws).matches()) {
              accounts.add(aws);
            }
          }
        }
        for (String service : strings(principal.get("Service"))) {
          if (service.equals("cloudfront.amazonaws.com")) {
            cloudFront = true;
          }
        }
        if (!strings(principal.get("CanonicalUser")).isEmpty()) {
          cloudFront = true;
          cloudFrontCanonical = true;
        }
      }
      if (everyone && !conditionsOn(condition, "restricting")) {
        publicRead |= coversAnyRead(actions);
        publicWrite |= coversAction(actions, "s3:PutObject");
      }
    }
    return new BucketPolicy(
        true,
        publicRead,
        publicWrite,
        accounts,
        cloudFront,
        cloudFrontCanonical,
        requiresEncryption);
  }

  private static boolean coversAnyRead(List<String> actions) {
    return coversAction(actions, "s3:GetObject") || coversAction(actions, "s3:ListBucket");
  }

  /** True if one of the (wildcard) actions matches {@code action}. */
  static boolean coversAction(List<String> actions, String action) {
    for (String a : actions) {
      String regex =
          Pattern.quote(a.toLowerCase(Locale.ROOT))
              .replace("*", "\\E.*\\Q")
              .replace("?", "\\E.\\Q");
      if (action.toLowerCase(Locale.ROOT).matches(regex)) {
        return true;
      }
    }
    return false;
  }

  private static boolean conditionsOn(JsonNode condition, String what) {
    if (condition == null || !condition.isObject()) {
      return false;
    }
    for (JsonNode byOperator : iterable(condition)) {
      for (var it = byOperator.fieldNames(); it.hasNext(); ) {
        String key = it.next().toLowerCase(Locale.ROOT);
        if (what.equals("sse") && key.equals("s3:x-amz-server-side-encryption")) {
          return true;
        }
        if (what.equals("restricting") && RESTRICTING_KEYS.contains(key)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<JsonNode> iterable(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    node.elements().forEachRemaining(out::add);
    return out;
  }

  private static List<JsonNode> asList(JsonNode node) {
    if (node == null) {
      return List.of();
    }
    return node.isArray() ? iterable(node) : List.of(node);
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : asList(node)) {
      if (n.isTextual()) {
        out.add(n.asText());
      }
    }
    return out;
  }
}
