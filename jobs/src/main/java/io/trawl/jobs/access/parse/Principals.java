package io.trawl.jobs.access.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an IAM or STS ARN says about who made a request. */
final class Principals {
  private static final Pattern ARN =
      Pattern.compile("arn:(aws[\\w-]*):(iam|sts)::(\\d{12}):([\\w+=,.@-]+)(?:/(.*))?");

  private Principals() {}

  /**
   * The principal's type, account and session issuer.
   *
   * @param type IAMUser, AssumedRole, Root, FederatedUser, IAMRole or Unknown
   * @param accountId the account in the ARN
   * @param sessionIssuerArn the role ARN behind an assumed-role session
   */
  record Identity(String type, String accountId, String sessionIssuerArn) {}

  /** Reads an ARN; anything else (a canonical user ID) is a CanonicalUser without an account. */
  static Identity fromRequester(String requester) {
    Matcher m = ARN.matcher(requester);
    if (!m.matches()) {
      return new Identity("CanonicalUser", null, null);
    }
    String account = m.group(3);
    String resource = m.group(4);
    String rest = m.group(5);
    return switch (resource) {
      case "root" -> new Identity("Root", account, null);
      case "user" -> new Identity("IAMUser", account, null);
      case "federated-user" -> new Identity("FederatedUser", account, null);
      case "role" -> new Identity("IAMRole", account, null);
      case "assumed-role" -> {
        String role = rest == null ? "" : rest.split("/", 2)[0];
        yield new Identity(
            "AssumedRole", account, "arn:" + m.group(1) + ":iam::" + account + ":role/" + role);
      }
      default -> new Identity("Unknown", account, null);
    };
  }
}
